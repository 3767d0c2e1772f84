package org.mentoringanalytics.jobs.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Intervals for proportions that behave on small groups: Wilson's score interval for one
 * proportion and Newcombe's hybrid score interval (method 10 of Newcombe 1998) for the difference
 * of two independent proportions; and the minimum detectable difference of a two-group comparison.
 */
public final class Proportions {

    private static final NormalDistribution NORMAL = new NormalDistribution();
    static final double Z = NORMAL.inverseCumulativeProbability(0.975);

    private Proportions() {
    }

    /** Wilson score interval of x successes in n trials. */
    public static Interval wilson(long x, long n) {
        if (n == 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        double p = (double) x / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Newcombe's hybrid score interval of p1 - p2, from the two Wilson intervals. */
    public static Interval newcombeDifference(long x1, long n1, long x2, long n2) {
        Interval a = wilson(x1, n1);
        Interval b = wilson(x2, n2);
        double p1 = a.estimate();
        double p2 = b.estimate();
        double d = p1 - p2;
        double lower = d - Math.sqrt(square(p1 - a.lower()) + square(b.upper() - p2));
        double upper = d + Math.sqrt(square(a.upper() - p1) + square(p2 - b.lower()));
        return new Interval(d, lower, upper);
    }

    /**
     * Smallest true difference of proportions that a two-sided 5% test detects with 80% power,
     * for groups of n1 and n2 around a baseline proportion p (normal approximation).
     */
    public static double minimumDetectableDifference(double p, long n1, long n2) {
        if (n1 == 0 || n2 == 0) {
            return Double.NaN;
        }
        double zPower = NORMAL.inverseCumulativeProbability(0.80);
        return (Z + zPower) * Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    private static double square(double v) {
        return v * v;
    }
}
