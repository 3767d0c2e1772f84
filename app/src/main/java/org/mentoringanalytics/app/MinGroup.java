package org.mentoringanalytics.app;

/**
 * The suppression threshold: values from fewer people than k are never shown. The configuration
 * file sets the floor ({@code min-group-floor}, default 5, at least 2); {@code --min-group} and
 * {@code MENTORING_MIN_GROUP} may raise k above it, never lower it.
 */
final class MinGroup {

    static final int DEFAULT_FLOOR = 5;

    private MinGroup() {
    }

    static int floor() {
        String configured = Settings.current().fileOnly("min-group-floor");
        if (configured == null) {
            return DEFAULT_FLOOR;
        }
        try {
            return Math.max(2, Integer.parseInt(configured));
        } catch (NumberFormatException e) {
            throw new UsageError("min-group-floor in the configuration file is not a number: " + configured);
        }
    }

    /** k when it is at or above the floor; else a usage error naming the floor. */
    static int checked(int k) {
        int floor = floor();
        if (k < floor) {
            throw new picocli.CommandLine.TypeConversionException("--min-group " + k + " is below the floor of " + floor
                    + " people set by the configuration (min-group-floor): it may be raised, never lowered");
        }
        return k;
    }
}
