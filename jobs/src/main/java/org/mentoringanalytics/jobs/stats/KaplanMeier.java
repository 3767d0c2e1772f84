package org.mentoringanalytics.jobs.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Kaplan-Meier estimate of the survival function with Greenwood's variance and a pointwise 95%
 * interval on the log scale (exp(±z·se(log S))), the default of R's {@code survfit}. Assumes
 * independent censoring. Each step is one distinct event time.
 */
public final class KaplanMeier {

    /**
     * One step of the curve.
     *
     * @param time     event time
     * @param atRisk   people at risk just before the time
     * @param events   events at the time
     * @param survival S(t)
     * @param stdErr   Greenwood standard error of S(t)
     * @param lower    lower 95% bound
     * @param upper    upper 95% bound
     */
    public record Step(double time, int atRisk, int events, double survival, double stdErr, double lower, double upper) {
    }

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    private final List<Step> steps;

    private KaplanMeier(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * @param times  follow-up time of each person
     * @param events whether the person had the event at that time (false: censored)
     */
    public static KaplanMeier fit(double[] times, boolean[] events) {
        int n = times.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(times[a], times[b]));
        List<Step> steps = new ArrayList<>();
        double survival = 1.0;
        double greenwood = 0.0;
        int atRisk = n;
        int i = 0;
        while (i < n) {
            double t = times[order[i]];
            int deaths = 0;
            int leaving = 0;
            while (i < n && times[order[i]] == t) {
                if (events[order[i]]) {
                    deaths++;
                }
                leaving++;
                i++;
            }
            if (deaths > 0) {
                survival *= 1.0 - (double) deaths / atRisk;
                if (atRisk > deaths) {
                    greenwood += (double) deaths / ((double) atRisk * (atRisk - deaths));
                }
                double seLog = Math.sqrt(greenwood);
                double lower = survival > 0 ? survival * Math.exp(-Z * seLog) : 0;
                double upper = survival > 0 ? Math.min(1.0, survival * Math.exp(Z * seLog)) : 0;
                steps.add(new Step(t, atRisk, deaths, survival, survival * seLog, lower, upper));
            }
            atRisk -= leaving;
        }
        return new KaplanMeier(steps);
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
}
