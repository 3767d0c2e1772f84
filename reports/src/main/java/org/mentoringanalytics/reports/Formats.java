package org.mentoringanalytics.reports;

import java.util.Locale;

/** How numbers read in the report. One place, so the PDF and the CSVs agree. */
final class Formats {

    static final String SUPPRESSED = "suppressed";

    private Formats() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String ratio(Double estimate, Double lower, Double upper) {
        if (estimate == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", estimate, lower, upper);
    }

    static String pointsInterval(Double difference, Double lower, Double upper) {
        if (difference == null) {
            return "n/a";
        }
        if (lower == null || upper == null) {
            return points(difference);
        }
        return String.format(Locale.ROOT, "%+.1f pts (%.1f to %.1f)", difference * 100, lower * 100, upper * 100);
    }

    static String days(Double days) {
        return days == null ? "n/a" : String.format(Locale.ROOT, "%.0f", days);
    }

    /** An estimate with its 95% interval, in the given number of decimals. */
    static String interval(Double estimate, Double lower, Double upper, int decimals) {
        if (estimate == null) {
            return "n/a";
        }
        String f = "%." + decimals + "f";
        if (lower == null || upper == null) {
            return String.format(Locale.ROOT, f, estimate);
        }
        return String.format(Locale.ROOT, f + " (" + f + " to " + f + ")", estimate, lower, upper);
    }

    static String pValue(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A construct id as words: skill_confidence reads Skill confidence. */
    static String construct(String id) {
        String words = id.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pts", difference * 100);
    }
}
