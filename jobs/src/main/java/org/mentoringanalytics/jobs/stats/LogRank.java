package org.mentoringanalytics.jobs.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * The two-sample log-rank test (Mantel-Haenszel form, hypergeometric variance), as R's
 * {@code survdiff} with rho = 0. Null hypothesis: equal hazards in both groups at all times.
 *
 * @param observed1 events observed in group 1
 * @param expected1 events expected in group 1 under the null
 * @param variance  variance of observed1 - expected1
 * @param chiSquare test statistic, chi-square on 1 degree of freedom
 * @param p         p-value
 */
public record LogRank(double observed1, double expected1, double variance, double chiSquare, double p) {

    /**
     * @param times  follow-up times
     * @param events event (true) or censored
     * @param group1 whether each person is in group 1 (else group 0)
     */
    public static LogRank test(double[] times, boolean[] events, boolean[] group1) {
        int[] order = Survival.byTimeDescending(times);
        // Sweep from the latest time down, so the risk set only grows.
        int n = 0;
        int n1 = 0;
        double observed = 0;
        double expected = 0;
        double variance = 0;
        int i = 0;
        while (i < order.length) {
            double t = times[order[i]];
            int d = 0;
            int d1 = 0;
            while (i < order.length && times[order[i]] == t) {
                int k = order[i];
                n++;
                if (group1[k]) {
                    n1++;
                }
                if (events[k]) {
                    d++;
                    if (group1[k]) {
                        d1++;
                    }
                }
                i++;
            }
            if (d > 0) {
                observed += d1;
                expected += (double) d * n1 / n;
                if (n > 1) {
                    variance += (double) d * n1 * (n - n1) * (n - d) / ((double) n * n * (n - 1));
                }
            }
        }
        double chi = variance > 0 ? (observed - expected) * (observed - expected) / variance : 0;
        double p = variance > 0 ? 1 - new ChiSquaredDistribution(1).cumulativeProbability(chi) : 1;
        return new LogRank(observed, expected, variance, chi, p);
    }
}
