package org.mentoringanalytics.jobs.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * How much a finding can bear: p-values adjusted for the number of groups compared, a test of
 * whether an effect differs between groups, and the E-value of a hazard ratio.
 */
public final class Evidence {

    private Evidence() {
    }

    /**
     * Benjamini-Hochberg adjusted p-values (false discovery rate; R's {@code p.adjust(p, "BH")}).
     * NaN entries are left out of the count and stay NaN.
     */
    public static double[] benjaminiHochberg(double[] p) {
        Integer[] order = java.util.stream.IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        int m = order.length;
        double running = 1.0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            int position = m - rank;
            running = Math.min(running, p[i] * m / position);
            adjusted[i] = Math.min(1.0, running);
        }
        return adjusted;
    }

    /**
     * Cochran's Q test that log hazard ratios of several groups are equal (inverse-variance
     * weights); p-value on groups - 1 degrees of freedom, NaN with fewer than two groups.
     *
     * @param estimates       log hazard ratios
     * @param standardErrors their standard errors
     */
    public static double heterogeneityP(double[] estimates, double[] standardErrors) {
        double sumW = 0;
        double sumWx = 0;
        int k = 0;
        for (int i = 0; i < estimates.length; i++) {
            if (Double.isFinite(estimates[i]) && standardErrors[i] > 0 && Double.isFinite(standardErrors[i])) {
                double w = 1 / (standardErrors[i] * standardErrors[i]);
                sumW += w;
                sumWx += w * estimates[i];
                k++;
            }
        }
        if (k < 2) {
            return Double.NaN;
        }
        double mean = sumWx / sumW;
        double q = 0;
        for (int i = 0; i < estimates.length; i++) {
            if (Double.isFinite(estimates[i]) && standardErrors[i] > 0 && Double.isFinite(standardErrors[i])) {
                q += (estimates[i] - mean) * (estimates[i] - mean) / (standardErrors[i] * standardErrors[i]);
            }
        }
        return 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(q);
    }

    /**
     * E-value of a risk ratio (VanderWeele and Ding 2017): the smallest strength of association,
     * on the risk-ratio scale, that an unrecorded confounder would need with both participation
     * and the outcome to explain the estimate away. RR below 1 is inverted first.
     */
    public static double eValue(double riskRatio) {
        double rr = riskRatio < 1 ? 1 / riskRatio : riskRatio;
        return rr + Math.sqrt(rr * (rr - 1));
    }

    /**
     * E-value of a hazard ratio for a common outcome (VanderWeele 2017: HR converted to an
     * approximate risk ratio by (1 - 0.5^sqrt(HR)) / (1 - 0.5^sqrt(1/HR))); voluntary exit within a
     * few years is common, so the rare-outcome shortcut HR ≈ RR would overstate the E-value.
     */
    public static double eValueOfHazardRatio(double hazardRatio) {
        double rr = (1 - Math.pow(0.5, Math.sqrt(hazardRatio))) / (1 - Math.pow(0.5, Math.sqrt(1 / hazardRatio)));
        return eValue(rr);
    }

    /** E-value of the confidence limit nearer 1; 1 when the interval includes 1. */
    public static double eValueOfLimit(double lower, double upper) {
        if (lower <= 1 && upper >= 1) {
            return 1.0;
        }
        return eValueOfHazardRatio(upper < 1 ? upper : lower);
    }
}
