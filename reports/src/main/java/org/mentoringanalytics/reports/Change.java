package org.mentoringanalytics.reports;

/**
 * 95% intervals for a KPI's change on the previous quarter, so a tile calls a change a change only
 * when its interval excludes none. The two quarters are treated as independent samples: for shares
 * the Newcombe hybrid score interval (Wilson intervals combined, Newcombe 1998, method 10), for a
 * rate per exposure (sessions per active match-month) the normal approximation to a difference of
 * Poisson rates, for scores with their own intervals the square root of the summed squared
 * half-widths.
 */
final class Change {

    static final double Z = 1.959963984540054;

    /** An interval of a change; {@link #clear()} when it excludes zero. */
    record Interval(double lower, double upper) {
        boolean clear() {
            return lower > 0 || upper < 0;
        }
    }

    private Change() {
    }

    /** Change of x1/n1 (this quarter) on x0/n0; null when either share has no people. */
    static Interval shares(double x1, double n1, double x0, double n0) {
        if (n1 <= 0 || n0 <= 0) {
            return null;
        }
        double p1 = x1 / n1;
        double p0 = x0 / n0;
        double[] w1 = wilson(x1, n1);
        double[] w0 = wilson(x0, n0);
        double d = p1 - p0;
        return new Interval(d - Math.sqrt(sq(p1 - w1[0]) + sq(w0[1] - p0)), d + Math.sqrt(sq(w1[1] - p1) + sq(p0 - w0[0])));
    }

    /** Wilson score interval of x successes in n. */
    static double[] wilson(double x, double n) {
        double p = x / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Change of events1/exposure1 on events0/exposure0, Poisson counts. */
    static Interval rates(double events1, double exposure1, double events0, double exposure0) {
        if (exposure1 <= 0 || exposure0 <= 0 || events1 + events0 == 0) {
            return null;
        }
        double d = events1 / exposure1 - events0 / exposure0;
        double se = Math.sqrt(events1 / sq(exposure1) + events0 / sq(exposure0));
        return new Interval(d - Z * se, d + Z * se);
    }

    /** Change of two estimates from their own 95% intervals. */
    static Interval estimates(double now, double nowLower, double nowUpper, double before, double beforeLower,
                              double beforeUpper) {
        double half = Math.sqrt(sq((nowUpper - nowLower) / 2) + sq((beforeUpper - beforeLower) / 2));
        return new Interval(now - before - half, now - before + half);
    }

    private static double sq(double v) {
        return v * v;
    }
}
