package org.mentoringanalytics.jobs.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kaplan-Meier estimate of the survival function with a pointwise 95% interval on the log scale
 * (exp(±z·se(log S))), the default of R's {@code survfit}. Unweighted, the variance is
 * Greenwood's. With case weights and a cluster per row it is the infinitesimal-jackknife
 * (robust) variance summed over clusters, R's {@code survfit(..., weights = w, id = person,
 * robust = TRUE)}, which reduces to Greenwood's for one unweighted row per person. Assumes
 * independent censoring. Each step is one distinct event time.
 */
public final class KaplanMeier {

    /**
     * One step of the curve.
     *
     * @param time     event time
     * @param atRisk   rows at risk just before the time
     * @param events   events at the time (rows)
     * @param survival S(t)
     * @param stdErr   standard error of S(t)
     * @param lower    lower 95% bound
     * @param upper    upper 95% bound
     */
    public record Step(double time, int atRisk, int events, double survival, double stdErr, double lower, double upper) {
    }

    /**
     * A median with its 95% interval (Brookmeyer and Crowley 1982, by inverting the pointwise
     * band as R's {@code survfit} does); each value is NaN when the curve or band never reaches one half.
     */
    public record Median(double median, double lower, double upper) {
    }

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    private final List<Step> steps;
    private final double[] times;

    private KaplanMeier(List<Step> steps, double[] times) {
        this.steps = steps;
        this.times = times;
    }

    /**
     * @param times  follow-up time of each person
     * @param events whether the person had the event at that time (false: censored)
     */
    public static KaplanMeier fit(double[] times, boolean[] events) {
        return fit(times, events, null, null);
    }

    /**
     * @param weights  case weights (null: all 1)
     * @param clusters cluster of each row (null: every row its own, Greenwood's variance when unweighted)
     */
    public static KaplanMeier fit(double[] times, boolean[] events, double[] weights, String[] clusters) {
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        double[] w = new double[n];
        double totalWeight = 0;
        for (int i = 0; i < n; i++) {
            w[i] = weights == null ? 1.0 : weights[i];
            totalWeight += w[i];
        }
        boolean robust = weights != null || clusters != null;
        int[] cluster = clusterIndex(clusters, n);
        int clusterCount = Arrays.stream(cluster).max().orElse(-1) + 1;
        // Influence of each cluster on log S(t), updated at every event time for the rows still at risk.
        double[] influence = new double[clusterCount];
        double sumOfSquares = 0;
        List<Step> steps = new ArrayList<>();
        double survival = 1.0;
        double greenwood = 0.0;
        double atRiskWeight = totalWeight;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int deaths = 0;
            double deathWeight = 0;
            int first = i;
            double leavingWeight = 0;
            while (i < n && times[order[i]] == t) {
                if (events[order[i]]) {
                    deaths++;
                    deathWeight += w[order[i]];
                }
                leavingWeight += w[order[i]];
                i++;
            }
            if (deaths > 0) {
                double hazard = deathWeight / atRiskWeight;
                survival *= 1.0 - hazard;
                double varianceLog;
                if (robust) {
                    if (hazard < 1) {
                        // d log(1 - h) / d w_k = -(dN_k - Y_k h) / (Y (1 - h)) for every row k at risk.
                        double atRiskTerm = hazard / (atRiskWeight * (1 - hazard));
                        double deathTerm = -1 / (atRiskWeight * (1 - hazard));
                        for (int m = first; m < n; m++) {
                            int k = order[m];
                            boolean died = m < i && events[k];
                            double delta = w[k] * (atRiskTerm + (died ? deathTerm : 0));
                            int c = cluster[k];
                            double before = influence[c];
                            influence[c] = before + delta;
                            sumOfSquares += influence[c] * influence[c] - before * before;
                        }
                    }
                    varianceLog = Math.max(0, sumOfSquares);
                } else {
                    if (atRisk > deaths) {
                        greenwood += (double) deaths / ((double) atRisk * (atRisk - deaths));
                    }
                    varianceLog = greenwood;
                }
                double seLog = Math.sqrt(varianceLog);
                double lower = survival > 0 ? survival * Math.exp(-Z * seLog) : 0;
                double upper = survival > 0 ? Math.min(1.0, survival * Math.exp(Z * seLog)) : 0;
                steps.add(new Step(t, atRisk, deaths, survival, survival * seLog, lower, upper));
            }
            atRisk -= i - first;
            atRiskWeight -= leavingWeight;
        }
        return new KaplanMeier(steps, times.clone());
    }

    private static int[] clusterIndex(String[] clusters, int n) {
        int[] index = new int[n];
        if (clusters == null) {
            for (int i = 0; i < n; i++) {
                index[i] = i;
            }
            return index;
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index[i] = ids.computeIfAbsent(clusters[i], c -> ids.size());
        }
        return index;
    }

    public List<Step> steps() {
        return steps;
    }

    /** S(t): the survival just after the last event time at or before t (1 before the first event). */
    public double survivalAt(double t) {
        double s = 1.0;
        for (Step step : steps) {
            if (step.time() > t) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /** Rows still followed at time t (follow-up time at or after t). */
    public int atRiskAt(double t) {
        int count = 0;
        for (double time : times) {
            if (time >= t) {
                count++;
            }
        }
        return count;
    }

    /** Median time to the event: the first time S(t) is at or below one half, with its interval. */
    public Median median() {
        double median = Double.NaN;
        double lower = Double.NaN;
        double upper = Double.NaN;
        for (Step s : steps) {
            if (Double.isNaN(median) && s.survival() <= 0.5) {
                median = s.time();
            }
            // The lower band reaches one half first and gives the lower limit. Where the curve reaches 0
            // its log-scale band is undefined (R gives NA), so that step bounds nothing.
            if (s.survival() > 0 && Double.isNaN(lower) && s.lower() <= 0.5) {
                lower = s.time();
            }
            if (s.survival() > 0 && Double.isNaN(upper) && s.upper() <= 0.5) {
                upper = s.time();
            }
        }
        return new Median(median, lower, upper);
    }
}
