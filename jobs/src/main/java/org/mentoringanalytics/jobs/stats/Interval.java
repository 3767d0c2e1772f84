package org.mentoringanalytics.jobs.stats;

/**
 * A point estimate with a two-sided 95% interval.
 *
 * @param estimate point estimate
 * @param lower    lower bound
 * @param upper    upper bound
 */
public record Interval(double estimate, double lower, double upper) {
}
