package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.Objects;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Parameters of one metrics run.
 *
 * @param warehouse warehouse root (local path, hdfs:// or s3a://)
 * @param asOf      last day the metrics count
 */
public record MetricsJobConfig(Warehouse warehouse, LocalDate asOf) {

    public MetricsJobConfig {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(asOf, "asOf");
    }
}
