package org.mentoringanalytics.app;

import org.apache.spark.sql.SparkSession;

/** Builds the one Spark session of a command: embedded {@code local[*]} unless a master is given. */
final class SparkSessions {

    private SparkSessions() {
    }

    static SparkSession create(SparkOptions options) {
        SparkSession session = create(options.master, options.conf);
        return session;
    }

    static SparkSession create(String master) {
        return create(master, java.util.Map.of());
    }

    static SparkSession create(String master, java.util.Map<String, String> conf) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("mentoring-analytics")
                .master(SparkOptions.checked(master))
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        if (master.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.forEach(builder::config);
        return builder.getOrCreate();
    }
}
