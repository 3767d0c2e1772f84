package org.mentoringanalytics.jobs.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Cox proportional-hazards regression by Newton-Raphson on the (weighted) partial likelihood with
 * Efron's handling of tied event times, as R's {@code coxph}. With case weights and a cluster per
 * row (the person), the variance is the robust sandwich of Lin and Wei (1989), R's
 * {@code coxph(..., weights = w, cluster = id)}: people who appear in several rows count once.
 * The linear algebra is Commons Math's; the information matrix is factored by Cholesky, so a
 * singular or indefinite information shows as "not estimable" instead of as a huge number.
 * Assumes proportional hazards and independent censoring given the covariates.
 *
 * @param coefficients      log hazard ratios, one per covariate
 * @param naiveCovariance   inverse of the information matrix at the estimate
 * @param covariance        the variance used for intervals and tests: robust when clusters were
 *                          given, else the naive one
 * @param logLikelihood     partial log-likelihood at the estimate
 * @param nullLogLikelihood partial log-likelihood at zero
 * @param iterations        Newton-Raphson steps taken
 * @param robustScoreChi2   robust score (log-rank) test of all coefficients zero, chi-square on
 *                          p df (NaN without clusters)
 * @param problem           why the estimate is not usable (null when it is)
 */
public record CoxModel(double[] coefficients, RealMatrix naiveCovariance, RealMatrix covariance, double logLikelihood,
                       double nullLogLikelihood, int iterations, double robustScoreChi2, String problem) {

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);
    private static final int MAX_ITERATIONS = 30;
    /** |log HR| beyond this (HR above 22,000 or below 1/22,000) means the likelihood has no maximum. */
    private static final double MAX_COEFFICIENT = 10;
    /** Largest ratio of the information's extreme eigenvalues still taken as well conditioned. */
    private static final double MAX_CONDITION = 1e10;

    /** Unweighted fit with the model-based variance. */
    public static CoxModel fit(double[] times, boolean[] events, double[][] covariates) {
        return fit(times, events, covariates, null, null);
    }

    /**
     * @param times      follow-up times
     * @param events     event (true) or censored
     * @param covariates one row per row of data, one column per covariate
     * @param weights    case weights (null: all 1)
     * @param clusters   cluster of each row, for the robust variance (null: model-based variance)
     */
    public static CoxModel fit(double[] times, boolean[] events, double[][] covariates, double[] weights,
                               String[] clusters) {
        return fit(times, events, covariates, weights, clusters, null);
    }

    /**
     * @param strata stratum of each row (null: one): each stratum has its own baseline hazard and
     *               risk sets, as R's {@code + strata(s)}
     */
    public static CoxModel fit(double[] times, boolean[] events, double[][] covariates, double[] weights,
                               String[] clusters, String[] strata) {
        int p = covariates.length == 0 ? 0 : covariates[0].length;
        double[] w = weights != null ? weights : filled(times.length, 1.0);
        List<Stratum> data = Stratum.split(times, events, covariates, w, strata);
        RealVector beta = new ArrayRealVector(p);
        Derivatives current = derivatives(data, beta);
        double nullLoglik = current.loglik;
        double robustScore = clusters == null ? Double.NaN : robustScoreTest(data, clusters, current, beta);
        int iteration = 0;
        boolean converged = false;
        String problem = null;
        while (iteration < MAX_ITERATIONS) {
            iteration++;
            CholeskyDecomposition cholesky = cholesky(current.information);
            if (cholesky == null) {
                problem = "the information matrix is singular: the data carry no information on the hazard ratio";
                break;
            }
            RealVector step = cholesky.getSolver().solve(current.gradient);
            RealVector next = beta.add(step);
            Derivatives candidate = derivatives(data, next);
            // Step halving keeps the likelihood from going down on awkward data.
            int halvings = 0;
            while (candidate.loglik < current.loglik - 1e-12 && halvings < 20) {
                step = step.mapMultiply(0.5);
                next = beta.add(step);
                candidate = derivatives(data, next);
                halvings++;
            }
            converged = Math.abs(candidate.loglik - current.loglik) < 1e-9 * (1 + Math.abs(current.loglik));
            beta = next;
            current = candidate;
            if (beta.getLInfNorm() > MAX_COEFFICIENT) {
                problem = "the partial likelihood has no maximum (monotone likelihood): in one group nobody, or "
                        + "everybody, left while the other group was still followed";
                break;
            }
            if (converged) {
                break;
            }
        }
        if (problem == null && !converged) {
            problem = "the estimate did not converge in " + MAX_ITERATIONS + " iterations";
        }
        RealMatrix naive = null;
        if (problem == null) {
            CholeskyDecomposition cholesky = cholesky(current.information);
            if (cholesky == null || condition(current.information) > MAX_CONDITION) {
                problem = "the information matrix is ill-conditioned: the hazard ratio is not identified by the data";
            } else {
                naive = cholesky.getSolver().getInverse();
            }
        }
        RealMatrix covariance = naive;
        if (naive != null && clusters != null) {
            RealMatrix u = clusterScores(data, clusters, beta);
            covariance = naive.multiply(u.transpose().multiply(u)).multiply(naive);
        }
        return new CoxModel(beta.toArray(), naive, covariance, current.loglik, nullLoglik, iteration, robustScore, problem);
    }

    public boolean estimable() {
        return problem == null;
    }

    public double hazardRatio(int covariate) {
        return Math.exp(coefficients[covariate]);
    }

    public double standardError(int covariate) {
        return covariance == null ? Double.NaN : Math.sqrt(covariance.getEntry(covariate, covariate));
    }

    public double naiveStandardError(int covariate) {
        return naiveCovariance == null ? Double.NaN : Math.sqrt(naiveCovariance.getEntry(covariate, covariate));
    }

    public double lowerHazardRatio(int covariate) {
        return Math.exp(coefficients[covariate] - Z * standardError(covariate));
    }

    public double upperHazardRatio(int covariate) {
        return Math.exp(coefficients[covariate] + Z * standardError(covariate));
    }

    /** Two-sided Wald p-value of one coefficient (robust when clusters were given). */
    public double pValue(int covariate) {
        double z = coefficients[covariate] / standardError(covariate);
        return 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
    }

    /** p-value of the robust score test (NaN without clusters). */
    public double robustScoreP() {
        return Double.isNaN(robustScoreChi2) ? Double.NaN
                : 1 - new ChiSquaredDistribution(coefficients.length).cumulativeProbability(robustScoreChi2);
    }

    private static CholeskyDecomposition cholesky(RealMatrix information) {
        try {
            return new CholeskyDecomposition(information, 1e-12, 1e-14);
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            return null;
        }
    }

    private static double condition(RealMatrix information) {
        double[] eigen = new org.apache.commons.math3.linear.EigenDecomposition(information).getRealEigenvalues();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double e : eigen) {
            max = Math.max(max, Math.abs(e));
            min = Math.min(min, Math.abs(e));
        }
        return min == 0 ? Double.POSITIVE_INFINITY : max / min;
    }

    /** Score test at zero with the robust variance of the score: the log-rank test for clustered, weighted rows. */
    private static double robustScoreTest(List<Stratum> data, String[] clusters, Derivatives atZero, RealVector zero) {
        RealMatrix u = clusterScores(data, clusters, zero);
        RealMatrix b = u.transpose().multiply(u);
        CholeskyDecomposition cholesky = cholesky(b);
        if (cholesky == null) {
            return Double.NaN;
        }
        RealVector g = atZero.gradient;
        return g.dotProduct(cholesky.getSolver().solve(g));
    }

    /** The rows of one stratum, with their positions in the whole data and their descending time order. */
    private record Stratum(int[] rows, double[] times, boolean[] events, double[][] x, double[] w, int[] order) {

        static List<Stratum> split(double[] times, boolean[] events, double[][] x, double[] w, String[] strata) {
            Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
            for (int i = 0; i < times.length; i++) {
                groups.computeIfAbsent(strata == null ? "" : strata[i], k -> new ArrayList<>()).add(i);
            }
            List<Stratum> result = new ArrayList<>();
            for (List<Integer> members : groups.values()) {
                int[] rows = members.stream().mapToInt(Integer::intValue).toArray();
                double[] t = new double[rows.length];
                boolean[] e = new boolean[rows.length];
                double[][] xs = new double[rows.length][];
                double[] ws = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    t[k] = times[rows[k]];
                    e[k] = events[rows[k]];
                    xs[k] = x[rows[k]];
                    ws[k] = w[rows[k]];
                }
                result.add(new Stratum(rows, t, e, xs, ws, Survival.byTimeDescending(t)));
            }
            return result;
        }
    }

    /** Log-likelihood, score and information summed over the strata. */
    private static Derivatives derivatives(List<Stratum> data, RealVector beta) {
        int p = beta.getDimension();
        double loglik = 0;
        RealVector gradient = new ArrayRealVector(p);
        RealMatrix information = new Array2DRowRealMatrix(p, p);
        for (Stratum s : data) {
            Derivatives d = derivatives(s.times(), s.events(), s.x(), s.w(), s.order(), beta);
            loglik += d.loglik;
            gradient = gradient.add(d.gradient);
            information = information.add(d.information);
        }
        return new Derivatives(loglik, gradient, information);
    }

    /** Per-cluster sums of the weighted score residuals over every stratum: one row per cluster. */
    static RealMatrix clusterScores(List<Stratum> data, String[] clusters, RealVector beta) {
        int p = beta.getDimension();
        Map<String, double[]> byCluster = new java.util.LinkedHashMap<>();
        for (Stratum s : data) {
            double[][] resid = scoreResiduals(s.times(), s.events(), s.x(), s.w(), beta);
            for (int k = 0; k < s.rows().length; k++) {
                double[] sum = byCluster.computeIfAbsent(clusters[s.rows()[k]], c -> new double[p]);
                for (int a = 0; a < p; a++) {
                    sum[a] += s.w()[k] * resid[k][a];
                }
            }
        }
        return new Array2DRowRealMatrix(byCluster.values().toArray(new double[0][]), false);
    }

    /**
     * Score residuals of each row of one stratum at {@code beta} (Efron form, as R's
     * {@code residuals(fit, "score")}), before weighting: one row per row, one column per covariate.
     */
    private static double[][] scoreResiduals(double[] times, boolean[] events, double[][] x, double[] w,
                                     RealVector beta) {
        int n = times.length;
        int p = beta.getDimension();
        double[][] resid = new double[n][p];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            double eta = 0;
            for (int a = 0; a < p; a++) {
                eta += x[i][a] * beta.getEntry(a);
            }
            risk[i] = Math.exp(eta);
        }
        // Ascending time: cumulative hazard increments and hazard-weighted means of everyone still at risk.
        int[] ascending = Survival.byTimeDescending(times);
        reverse(ascending);
        // Risk-set sums need the people at or after each time: build them from the latest time down first.
        int[] descending = Survival.byTimeDescending(times);
        Map<Double, double[]> s0ByTime = new HashMap<>();
        Map<Double, double[][]> s1ByTime = new HashMap<>();
        double s0 = 0;
        double[] s1 = new double[p];
        int i = 0;
        while (i < n) {
            double t = times[descending[i]];
            double d0 = 0;
            double[] d1 = new double[p];
            double deathWeight = 0;
            int deaths = 0;
            while (i < n && times[descending[i]] == t) {
                int k = descending[i];
                double wr = w[k] * risk[k];
                s0 += wr;
                for (int a = 0; a < p; a++) {
                    s1[a] += wr * x[k][a];
                }
                if (events[k]) {
                    deaths++;
                    deathWeight += w[k];
                    d0 += wr;
                    for (int a = 0; a < p; a++) {
                        d1[a] += wr * x[k][a];
                    }
                }
                i++;
            }
            if (deaths > 0) {
                s0ByTime.put(t, new double[]{s0, d0, deaths, deathWeight});
                s1ByTime.put(t, new double[][]{s1.clone(), d1});
            }
        }
        double cumHazard = 0;
        double[] cumMean = new double[p];
        i = 0;
        while (i < n) {
            double t = times[ascending[i]];
            int j = i;
            while (j < n && times[ascending[j]] == t) {
                j++;
            }
            double[] sums = s0ByTime.get(t);
            double hazard1 = 0;
            double hazard2 = 0;
            double[] mh1 = new double[p];
            double[] mh2 = new double[p];
            double[] deathMean = new double[p];
            if (sums != null) {
                double[][] firstMoments = s1ByTime.get(t);
                int deaths = (int) sums[2];
                double meanWeight = sums[3] / deaths;
                for (int l = 0; l < deaths; l++) {
                    double f = (double) l / deaths;
                    double denominator = sums[0] - f * sums[1];
                    double hazard = meanWeight / denominator;
                    hazard1 += hazard;
                    hazard2 += (1 - f) * hazard;
                    for (int a = 0; a < p; a++) {
                        double xbar = (firstMoments[0][a] - f * firstMoments[1][a]) / denominator;
                        mh1[a] += hazard * xbar;
                        mh2[a] += (1 - f) * hazard * xbar;
                        deathMean[a] += xbar / deaths;
                    }
                }
            }
            for (int m = i; m < j; m++) {
                int k = ascending[m];
                for (int a = 0; a < p; a++) {
                    // Everything before this time, then this time's share.
                    double r = -risk[k] * (x[k][a] * cumHazard - cumMean[a]);
                    if (events[k]) {
                        r += x[k][a] - deathMean[a] - risk[k] * (x[k][a] * hazard2 - mh2[a]);
                    } else {
                        r -= risk[k] * (x[k][a] * hazard1 - mh1[a]);
                    }
                    resid[k][a] = r;
                }
            }
            cumHazard += hazard1;
            for (int a = 0; a < p; a++) {
                cumMean[a] += mh1[a];
            }
            i = j;
        }
        return resid;
    }

    private static void reverse(int[] a) {
        for (int l = 0, r = a.length - 1; l < r; l++, r--) {
            int t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    private record Derivatives(double loglik, RealVector gradient, RealMatrix information) {
    }

    private static Derivatives derivatives(double[] times, boolean[] events, double[][] x, double[] w, int[] order,
                                           RealVector beta) {
        int p = beta.getDimension();
        double loglik = 0;
        double[] gradient = new double[p];
        double[][] information = new double[p][p];
        double s0 = 0;
        double[] s1 = new double[p];
        double[][] s2 = new double[p][p];
        int i = 0;
        while (i < order.length) {
            double t = times[order[i]];
            double d0 = 0;
            double[] d1 = new double[p];
            double[][] d2 = new double[p][p];
            int deaths = 0;
            double deathWeight = 0;
            // Add everyone with this time to the risk set; collect the events among them.
            while (i < order.length && times[order[i]] == t) {
                int k = order[i];
                double eta = 0;
                for (int a = 0; a < p; a++) {
                    eta += x[k][a] * beta.getEntry(a);
                }
                double risk = w[k] * Math.exp(eta);
                s0 += risk;
                for (int a = 0; a < p; a++) {
                    s1[a] += risk * x[k][a];
                    for (int b = 0; b < p; b++) {
                        s2[a][b] += risk * x[k][a] * x[k][b];
                    }
                }
                if (events[k]) {
                    deaths++;
                    deathWeight += w[k];
                    loglik += w[k] * eta;
                    d0 += risk;
                    for (int a = 0; a < p; a++) {
                        gradient[a] += w[k] * x[k][a];
                        d1[a] += risk * x[k][a];
                        for (int b = 0; b < p; b++) {
                            d2[a][b] += risk * x[k][a] * x[k][b];
                        }
                    }
                }
                i++;
            }
            // Efron: the l-th of the tied deaths sees the risk set less l/d of the tied deaths' weight;
            // each of the d terms carries the mean weight of the tied deaths (as R's coxph).
            double meanWeight = deaths == 0 ? 0 : deathWeight / deaths;
            for (int l = 0; l < deaths; l++) {
                double f = (double) l / deaths;
                double denominator = s0 - f * d0;
                loglik -= meanWeight * Math.log(denominator);
                double[] mean = new double[p];
                for (int a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / denominator;
                    gradient[a] -= meanWeight * mean[a];
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        information[a][b] += meanWeight * ((s2[a][b] - f * d2[a][b]) / denominator - mean[a] * mean[b]);
                    }
                }
            }
        }
        return new Derivatives(loglik, new ArrayRealVector(gradient), new Array2DRowRealMatrix(information));
    }
}
