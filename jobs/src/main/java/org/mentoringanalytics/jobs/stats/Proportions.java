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
        // At 0/n and n/n the score interval touches the end exactly; rounding would leave 1e-17 gaps.
        return new Interval(p, x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half));
    }

    /**
     * Wilson interval of a proportion estimated from weighted, clustered rows, through the
     * effective sample size p(1-p)/var(p) (Korn and Graubard 1998), where var(p) is the
     * linearization (sandwich) variance summed over clusters; with p at 0 or 1 the effective size
     * is Kish's (sum w)^2 / sum w^2 over clusters.
     *
     * @param p             the weighted proportion
     * @param effectiveSize its effective sample size
     */
    public record Weighted(double p, double effectiveSize) {

        public Interval wilson() {
            return Proportions.wilson(p, effectiveSize);
        }
    }

    /**
     * @param y        0/1 outcome of each row
     * @param w        weight of each row
     * @param clusters cluster (person) of each row
     */
    public static Weighted weighted(int[] y, double[] w, String[] clusters) {
        double total = 0;
        double hits = 0;
        for (int i = 0; i < y.length; i++) {
            total += w[i];
            hits += w[i] * y[i];
        }
        if (total == 0) {
            return new Weighted(Double.NaN, 0);
        }
        double p = hits / total;
        java.util.Map<String, double[]> byCluster = new java.util.HashMap<>();
        for (int i = 0; i < y.length; i++) {
            double[] c = byCluster.computeIfAbsent(clusters[i], k -> new double[2]);
            c[0] += w[i] * (y[i] - p);
            c[1] += w[i];
        }
        double variance = 0;
        double squaredWeights = 0;
        for (double[] c : byCluster.values()) {
            variance += c[0] * c[0];
            squaredWeights += c[1] * c[1];
        }
        variance /= total * total;
        double kish = total * total / squaredWeights;
        double effective = variance > 0 ? p * (1 - p) / variance : kish;
        return new Weighted(p, effective);
    }

    /** Wilson interval for a proportion p observed on an effective sample of n (n need not be whole). */
    static Interval wilson(double p, double n) {
        if (!(n > 0)) {
            return new Interval(Double.NaN, 0, 1);
        }
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(p, p <= 0 ? 0 : Math.max(0, centre - half), p >= 1 ? 1 : Math.min(1, centre + half));
    }

    /** Newcombe's hybrid score interval of p1 - p2 for two weighted proportions. */
    public static Interval newcombeDifference(Weighted one, Weighted two) {
        return newcombe(one.wilson(), two.wilson());
    }

    /** Newcombe's hybrid score interval of p1 - p2, from the two Wilson intervals. */
    public static Interval newcombeDifference(long x1, long n1, long x2, long n2) {
        return newcombe(wilson(x1, n1), wilson(x2, n2));
    }

    private static Interval newcombe(Interval a, Interval b) {
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
    public static double minimumDetectableDifference(double p, double n1, double n2) {
        if (!(n1 > 0) || !(n2 > 0)) {
            return Double.NaN;
        }
        double zPower = NORMAL.inverseCumulativeProbability(0.80);
        return (Z + zPower) * Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
    }

    private static double square(double v) {
        return v * v;
    }
}
