package org.mentoringanalytics.jobs.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Cox proportional-hazards regression by Newton-Raphson on the partial likelihood with Efron's
 * handling of tied event times (the default of R's {@code coxph}). The linear algebra is Commons
 * Math's. Assumes proportional hazards and independent censoring.
 *
 * @param coefficients log hazard ratios, one per covariate
 * @param covariance   inverse of the information matrix at the estimate
 * @param logLikelihood partial log-likelihood at the estimate
 * @param nullLogLikelihood partial log-likelihood at zero
 * @param iterations   Newton-Raphson steps taken
 */
public record CoxModel(double[] coefficients, RealMatrix covariance, double logLikelihood, double nullLogLikelihood,
                       int iterations) {

    private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

    /**
     * @param times      follow-up times
     * @param events     event (true) or censored
     * @param covariates one row per person, one column per covariate
     */
    public static CoxModel fit(double[] times, boolean[] events, double[][] covariates) {
        int p = covariates.length == 0 ? 0 : covariates[0].length;
        int[] order = Survival.byTimeDescending(times);
        RealVector beta = new ArrayRealVector(p);
        Derivatives current = derivatives(times, events, covariates, order, beta);
        double nullLoglik = current.loglik;
        int iteration = 0;
        while (iteration < 50) {
            iteration++;
            RealVector step = new LUDecomposition(current.information).getSolver().solve(current.gradient);
            RealVector next = beta.add(step);
            Derivatives candidate = derivatives(times, events, covariates, order, next);
            // Step halving keeps the likelihood from going down on awkward data.
            int halvings = 0;
            while (candidate.loglik < current.loglik - 1e-12 && halvings < 20) {
                step = step.mapMultiply(0.5);
                next = beta.add(step);
                candidate = derivatives(times, events, covariates, order, next);
                halvings++;
            }
            boolean converged = Math.abs(candidate.loglik - current.loglik) < 1e-10 * (1 + Math.abs(current.loglik));
            beta = next;
            current = candidate;
            if (converged) {
                break;
            }
        }
        RealMatrix covariance = new LUDecomposition(current.information).getSolver().getInverse();
        return new CoxModel(beta.toArray(), covariance, current.loglik, nullLoglik, iteration);
    }

    public double hazardRatio(int covariate) {
        return Math.exp(coefficients[covariate]);
    }

    public double standardError(int covariate) {
        return Math.sqrt(covariance.getEntry(covariate, covariate));
    }

    public double lowerHazardRatio(int covariate) {
        return Math.exp(coefficients[covariate] - Z * standardError(covariate));
    }

    public double upperHazardRatio(int covariate) {
        return Math.exp(coefficients[covariate] + Z * standardError(covariate));
    }

    /** Two-sided Wald p-value of one coefficient. */
    public double pValue(int covariate) {
        double z = coefficients[covariate] / standardError(covariate);
        return 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z)));
    }

    private record Derivatives(double loglik, RealVector gradient, RealMatrix information) {
    }

    private static Derivatives derivatives(double[] times, boolean[] events, double[][] x, int[] order, RealVector beta) {
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
            // Add everyone with this time to the risk set; collect the events among them.
            while (i < order.length && times[order[i]] == t) {
                int k = order[i];
                double eta = 0;
                for (int a = 0; a < p; a++) {
                    eta += x[k][a] * beta.getEntry(a);
                }
                double risk = Math.exp(eta);
                s0 += risk;
                for (int a = 0; a < p; a++) {
                    s1[a] += risk * x[k][a];
                    for (int b = 0; b < p; b++) {
                        s2[a][b] += risk * x[k][a] * x[k][b];
                    }
                }
                if (events[k]) {
                    deaths++;
                    loglik += eta;
                    d0 += risk;
                    for (int a = 0; a < p; a++) {
                        gradient[a] += x[k][a];
                        d1[a] += risk * x[k][a];
                        for (int b = 0; b < p; b++) {
                            d2[a][b] += risk * x[k][a] * x[k][b];
                        }
                    }
                }
                i++;
            }
            // Efron: the l-th of the tied deaths sees the risk set less l/d of the tied deaths' weight.
            for (int l = 0; l < deaths; l++) {
                double f = (double) l / deaths;
                double denominator = s0 - f * d0;
                loglik -= Math.log(denominator);
                double[] mean = new double[p];
                for (int a = 0; a < p; a++) {
                    mean[a] = (s1[a] - f * d1[a]) / denominator;
                    gradient[a] -= mean[a];
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        information[a][b] += (s2[a][b] - f * d2[a][b]) / denominator - mean[a] * mean[b];
                    }
                }
            }
        }
        return new Derivatives(loglik, new ArrayRealVector(gradient), new Array2DRowRealMatrix(information));
    }
}
