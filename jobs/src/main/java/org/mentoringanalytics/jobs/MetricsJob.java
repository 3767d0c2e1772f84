package org.mentoringanalytics.jobs;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * Staging to marts: monthly engagement per program and 12-month retention of mentees against
 * non-participants. Reads staging tables by contract, runs the pure transforms, checks and
 * publishes each mart. Runs on whatever {@link SparkSession} it is given (local or cluster).
 */
public final class MetricsJob {

    private final MetricsJobConfig config;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /** Computes and publishes every mart; returns the row count per mart. */
    public java.util.Map<String, Long> run(SparkSession spark) {
        TableIO io = new TableIO(spark, config.warehouse());
        Dataset<Row> programs = io.read(Tables.STG_PROGRAMS);
        Dataset<Row> matches = io.read(Tables.STG_MATCHES);
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();

        Dataset<Row> engagement = EngagementTransforms.programMonthly(programs, matches,
                io.read(Tables.STG_SESSIONS), config.asOf());
        counts.put(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY.name(), publish(io, engagement, Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY));

        Dataset<Row> retention = RetentionTransforms.twelveMonth(programs, io.read(Tables.STG_EMPLOYEES),
                io.read(Tables.STG_ENROLLMENTS), matches, config.asOf());
        counts.put(Tables.MART_RETENTION_12M.name(), publish(io, retention, Tables.MART_RETENTION_12M));
        return counts;
    }

    private static long publish(TableIO io, Dataset<Row> data, TableContract table) {
        io.publish(data, table);
        return io.read(table).count();
    }
}
