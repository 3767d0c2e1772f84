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

    /**
     * A session for work on the warehouse at {@code root}: with {@link SmallWarehouse#SETTINGS} when it
     * is small and the master embedded, under the options' own settings, and then without the
     * optimizing compiler for the rest of the process ({@link OptimizingCompiler}).
     */
    static SparkSession create(SparkOptions options, String root) {
        if (!SmallWarehouse.applies(options.master, root)) {
            return create(options);
        }
        OptimizingCompiler.offForSmallData();
        java.util.Map<String, String> conf = new java.util.LinkedHashMap<>(SmallWarehouse.SETTINGS);
        conf.putAll(options.conf);
        return create(options.master, conf);
    }

    /** How the session runs, for the line that says it started. */
    static String mode(SparkSession session) {
        if (!"false".equals(session.conf().get("spark.sql.codegen.wholeStage", "true"))) {
            return "";
        }
        return "small warehouse: interpreted, no whole-stage code generation"
                + (OptimizingCompiler.isOff() ? ", quick JIT compiler only" : "");
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
