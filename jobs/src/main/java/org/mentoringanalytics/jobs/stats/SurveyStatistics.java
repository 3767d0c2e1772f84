package org.mentoringanalytics.jobs.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/** Statistics of survey scores: means with t intervals, NPS, paired change, Cronbach's alpha. */
public final class SurveyStatistics {

    private SurveyStatistics() {
    }

    /** Mean with a 95% Student t interval; the interval is NaN-wide below two values. */
    public static Interval meanWithTInterval(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        if (s.getN() < 2) {
            return new Interval(s.getN() == 1 ? s.getMean() : Double.NaN, Double.NaN, Double.NaN);
        }
        double t = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975);
        double half = t * s.getStandardDeviation() / Math.sqrt(s.getN());
        return new Interval(s.getMean(), s.getMean() - half, s.getMean() + half);
    }

    /**
     * Net Promoter Score of 0-10 answers: % promoters (9-10) minus % detractors (0-6), with the
     * adjusted Wald 95% interval of Rocks (2016, The American Statistician 70(4)): 3/4 added to the
     * promoters and to the detractors and 3 to n before the Wald interval of a difference of two
     * multinomial shares, clipped to [-100, 100]. It keeps a positive width at 10 of 10 promoters
     * and stays on the scale, where the plain Wald interval has zero width or runs past 100.
     */
    public static Interval nps(int[] scores) {
        int n = scores.length;
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN);
        }
        int promoters = 0;
        int detractors = 0;
        for (int s : scores) {
            if (s >= 9) {
                promoters++;
            } else if (s <= 6) {
                detractors++;
            }
        }
        double nps = (double) (promoters - detractors) / n;
        double adjustedN = n + 3.0;
        double pPro = (promoters + 0.75) / adjustedN;
        double pDet = (detractors + 0.75) / adjustedN;
        double centre = pPro - pDet;
        double se = Math.sqrt(((pPro + pDet) - centre * centre) / adjustedN);
        double lower = Math.max(-1, centre - Proportions.Z * se);
        double upper = Math.min(1, centre + Proportions.Z * se);
        return new Interval(100 * nps, 100 * Math.min(lower, nps), 100 * Math.max(upper, nps));
    }

    /**
     * Change from before to after for the same people.
     *
     * @param n         pairs
     * @param meanChange mean of after - before, with its 95% t interval
     * @param t         paired t statistic
     * @param p         two-sided p-value
     * @param effectSize Cohen's d_z: mean change / standard deviation of the changes
     * (t, p, effect size and interval are NaN, not estimable, when every change is the same)
     */
    public record PairedChange(int n, Interval meanChange, double t, double p, double effectSize) {
    }

    public static PairedChange pairedChange(double[] before, double[] after) {
        double[] change = new double[before.length];
        for (int i = 0; i < before.length; i++) {
            change[i] = after[i] - before[i];
        }
        Interval mean = meanWithTInterval(change);
        if (before.length < 2) {
            return new PairedChange(before.length, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        TTest test = new TTest();
        SummaryStatistics s = new SummaryStatistics();
        for (double c : change) {
            s.addValue(c);
        }
        if (!(s.getStandardDeviation() > 0)) {
            // Everyone changed by exactly the same amount: no spread, so no test and no effect size.
            return new PairedChange(before.length, new Interval(s.getMean(), Double.NaN, Double.NaN), Double.NaN,
                    Double.NaN, Double.NaN);
        }
        return new PairedChange(before.length, mean, test.pairedT(after, before), test.pairedTTest(after, before),
                s.getMean() / s.getStandardDeviation());
    }

    /**
     * Cronbach's alpha of k items over n complete respondents (rows with a missing item are
     * dropped beforehand: listwise deletion): k/(k-1) * (1 - sum of item variances / variance of totals).
     */
    public static double cronbachAlpha(double[][] respondentsByItem) {
        int n = respondentsByItem.length;
        if (n < 2) {
            return Double.NaN;
        }
        int k = respondentsByItem[0].length;
        if (k < 2) {
            return Double.NaN;
        }
        double itemVariances = 0;
        for (int j = 0; j < k; j++) {
            SummaryStatistics item = new SummaryStatistics();
            for (double[] row : respondentsByItem) {
                item.addValue(row[j]);
            }
            itemVariances += item.getVariance();
        }
        SummaryStatistics totals = new SummaryStatistics();
        for (double[] row : respondentsByItem) {
            double total = 0;
            for (double v : row) {
                total += v;
            }
            totals.addValue(total);
        }
        return (double) k / (k - 1) * (1 - itemVariances / totals.getVariance());
    }
}
