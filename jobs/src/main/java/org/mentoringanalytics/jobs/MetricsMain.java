package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * The metrics job as a Spark application, for spark-submit on a cluster:
 * {@code spark-submit --class org.mentoringanalytics.jobs.MetricsMain --jars contracts.jar jobs.jar --warehouse hdfs:///mentoring
 * --as-of 2026-09-30}.
 * The master and resources come from spark-submit; the warehouse may be any URI Spark can read
 * (file:, hdfs:).
 */
public final class MetricsMain {

    private MetricsMain() {
    }

    public static void main(String[] args) {
        String warehouse = null;
        LocalDate asOf = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--warehouse" -> warehouse = args[i + 1];
                case "--as-of" -> asOf = LocalDate.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --warehouse URI --as-of YYYY-MM-DD)");
            }
        }
        if (warehouse == null || asOf == null) {
            throw new IllegalArgumentException("usage: MetricsMain --warehouse URI --as-of YYYY-MM-DD");
        }
        SparkSession spark = SparkSession.builder().appName("mentoring-analytics metrics")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                .getOrCreate();
        try {
            Map<String, Long> counts = new MetricsJob(new MetricsJobConfig(new Warehouse(warehouse), asOf)).run(spark);
            counts.forEach((table, rows) -> System.out.printf("%-34s %,d rows%n", table, rows));
        } finally {
            spark.stop();
        }
    }
}
