package org.mentoringanalytics.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.MetricsJob;
import org.mentoringanalytics.jobs.MetricsJobConfig;

/**
 * Runs every metrics job on the staging tables the ingest benchmark wrote (100k employees, about
 * 10M sessions) with Spark local[*] and prints the time; then computes the program x month
 * engagement roll-up with DuckDB on the same Parquet and prints the ratio against Spark's
 * engagement mart alone. Usage: {@code MetricsBenchmark <work-folder>} after IngestBenchmark.
 */
public final class MetricsBenchmark {

    private MetricsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "target/bench");
        Warehouse warehouse = new Warehouse(root.resolve("warehouse-ingest").toAbsolutePath().toString());
        LocalDate asOf = LocalDate.of(2026, 9, 30);
        SparkSession spark = SparkSession.builder().master("local[*]").appName("metrics-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        long started = System.nanoTime();
        org.mentoringanalytics.jobs.MetricsProfile profile = org.mentoringanalytics.jobs.MetricsProfile.on(spark);
        Map<String, Long> counts = new MetricsJob(new MetricsJobConfig(warehouse, asOf)).profiled(profile).run(spark);
        double all = Volumes.seconds(started);
        counts.forEach((table, rows) -> System.out.printf("  %-34s %,d rows%n", table, rows));
        System.out.printf("spark: all metrics jobs in %.1f s%n", all);
        System.out.print(profile.table());

        long engagementStarted = System.nanoTime();
        long sparkRows = org.mentoringanalytics.jobs.EngagementTransforms.programMonthly(
                spark.read().parquet(warehouse.location(Tables.STG_PROGRAMS)),
                spark.read().parquet(warehouse.location(Tables.STG_MATCHES)),
                spark.read().parquet(warehouse.location(Tables.STG_SESSIONS)), asOf).count();
        double sparkEngagement = Volumes.seconds(engagementStarted);
        spark.stop();

        String sessions = warehouse.location(Tables.STG_SESSIONS) + "/*.parquet";
        String matches = warehouse.location(Tables.STG_MATCHES) + "/*.parquet";
        long duckStarted = System.nanoTime();
        long duckRows;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = duck.createStatement();
             ResultSet r = s.executeQuery("""
                     WITH spans AS (
                       SELECT match_id, any_value(program_id) AS program_id, min(CAST(matched_at AS DATE)) AS from_day,
                              least(max(coalesce(CAST(ended_at AS DATE), DATE '%2$s')), DATE '%2$s') AS to_day
                       FROM '%1$s' GROUP BY match_id HAVING min(CAST(matched_at AS DATE)) <= DATE '%2$s'),
                     live AS (
                       SELECT match_id, program_id, unnest(generate_series(date_trunc('month', from_day),
                              date_trunc('month', to_day), INTERVAL 1 MONTH)) AS month FROM spans),
                     s AS (
                       SELECT match_id, date_trunc('month', CAST(started_at AS DATE)) AS month, count(*) AS sessions,
                              sum(duration_minutes) AS minutes
                       FROM '%3$s' WHERE CAST(started_at AS DATE) <= DATE '%2$s' GROUP BY ALL)
                     SELECT count(*) FROM (
                       SELECT l.program_id, l.month, count(*) AS live, count(s.sessions) AS active,
                              coalesce(sum(s.sessions), 0) AS sessions, coalesce(sum(s.minutes), 0) AS minutes
                       FROM live l LEFT JOIN s USING (match_id, month) GROUP BY ALL)
                     """.formatted(matches, asOf, sessions))) {
            r.next();
            duckRows = r.getLong(1);
        }
        double duck = Volumes.seconds(duckStarted);
        System.out.printf("engagement roll-up: spark %.1f s (%,d rows), duckdb %.1f s (%,d program-months with live matches)%n",
                sparkEngagement, sparkRows, duck, duckRows);
        System.out.printf("ratio spark / duckdb time: %.1f%n", sparkEngagement / duck);
    }
}
