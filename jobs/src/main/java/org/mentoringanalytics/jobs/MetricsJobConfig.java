package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.Objects;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Parameters of one metrics run.
 *
 * @param warehouse warehouse root (local path, file:// or hdfs://)
 * @param asOf      last day the metrics count
 * @param minGroup  suppression threshold of the safe layer: values from fewer people are null
 */
public record MetricsJobConfig(Warehouse warehouse, LocalDate asOf, int minGroup) {

    /** The threshold of the report and of the configuration's default floor. */
    public static final int DEFAULT_MIN_GROUP = 5;

    public MetricsJobConfig(Warehouse warehouse, LocalDate asOf) {
        this(warehouse, asOf, DEFAULT_MIN_GROUP);
    }

    public MetricsJobConfig {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(asOf, "asOf");
        if (minGroup < 2) {
            throw new IllegalArgumentException("minGroup must be at least 2");
        }
    }
}
