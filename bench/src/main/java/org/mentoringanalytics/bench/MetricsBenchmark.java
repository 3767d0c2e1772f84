package org.mentoringanalytics.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.MetricsJob;
import org.mentoringanalytics.jobs.MetricsJobConfig;
import org.mentoringanalytics.jobs.MetricsProfile;

/**
 * Runs every metrics job on the staging tables the ingest benchmark wrote (100k employees, about
 * 10M sessions) with Spark local[*], twice in one JVM (fresh, then warm), and prints each run's
 * time and profile; then computes the engagement, participation, goals and turnover marts in
 * DuckDB from the app's independent reference SQL over the same Parquet and prints, for each run,
 * each mart's Spark and DuckDB time, the ratio for the set, and the retention analysis's time on
 * its own. Usage: {@code MetricsBenchmark <work-folder>} after
 * IngestBenchmark, from the repository root (bench/metrics.sh).
 */
public final class MetricsBenchmark {

    /** Each mart of the reference set and the app's reference SQL file that defines it independently. */
    private static final java.util.List<Map.Entry<String, String>> REFERENCE = java.util.List.of(
            Map.entry("mart_program_engagement_monthly", "engagement_program_monthly.sql"),
            Map.entry("mart_participation_quarterly", "participation_quarterly.sql"),
            Map.entry("mart_goals_quarterly", "goals_quarterly.sql"),
            Map.entry("mart_turnover_monthly", "turnover_monthly.sql"));

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
        // Twice in one JVM: the first run pays for loading and compiling Spark's code, as a refresh or run
        // command does; the second runs compiled code, as the scheduler's later refreshes do.
        MetricsProfile fresh = metrics(spark, warehouse, asOf, "fresh JVM");
        MetricsProfile warm = metrics(spark, warehouse, asOf, "the same JVM again");
        spark.stop();

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            // DuckDB answers the set once per Spark run, so the warm comparison has DuckDB's warm figures too.
            compare(fresh, "fresh JVM (a refresh or run command)", s, warehouse, asOf);
            compare(warm, "warm JVM (the scheduler's later refreshes)", s, warehouse, asOf);
        }
    }

    /** Runs every metrics job once and prints its rows, time and profile. */
    private static MetricsProfile metrics(SparkSession spark, Warehouse warehouse, LocalDate asOf, String pass) {
        long started = System.nanoTime();
        MetricsProfile profile = MetricsProfile.on(spark);
        Map<String, Long> counts = new MetricsJob(new MetricsJobConfig(warehouse, asOf)).profiled(profile).run(spark);
        double all = Volumes.seconds(started);
        System.out.println("== spark, " + pass);
        counts.forEach((table, rows) -> System.out.printf("  %-34s %,d rows%n", table, rows));
        System.out.printf("spark: all metrics jobs in %.1f s%n", all);
        System.out.print(profile.table());
        return profile;
    }

    /**
     * Times the engagement, participation, goals and turnover marts in DuckDB, defined independently
     * (the app's reference files, checked equal to the marts by IndependentReferenceTest) over the
     * same staging Parquet, against the Spark run's steps for them; prints the ratio for the set.
     */
    private static void compare(MetricsProfile profile, String pass, Statement duck, Warehouse warehouse, LocalDate asOf)
            throws Exception {
        double sparkSet = 0;
        double duckSet = 0;
        System.out.println("== against DuckDB, Spark in a " + pass);
        System.out.printf("%-34s %10s %10s %8s%n", "mart", "spark s", "duckdb s", "rows");
        for (Map.Entry<String, String> mart : REFERENCE) {
            double sparkSeconds = seconds(profile, step -> step.endsWith("/ " + mart.getKey()));
            long queryStarted = System.nanoTime();
            long rows = 0;
            try (ResultSet r = duck.executeQuery(sql(mart.getValue(), warehouse, asOf))) {
                while (r.next()) {
                    rows++;
                }
            }
            double duckSeconds = Volumes.seconds(queryStarted);
            System.out.printf("%-34s %10.1f %10.1f %,8d%n", mart.getKey(), sparkSeconds, duckSeconds, rows);
            sparkSet += sparkSeconds;
            duckSet += duckSeconds;
        }
        System.out.printf("engagement, participation, goals, turnover, %s: spark %.1f s, duckdb %.1f s, ratio %.1f"
                + " (aim: 3 or less)%n", pass, sparkSet, duckSet, sparkSet / duckSet);
        System.out.printf("retention analysis on its own: spark %.1f s%n", seconds(profile, step -> step.startsWith("retention / ")));
    }

    private static double seconds(MetricsProfile profile, java.util.function.Predicate<String> steps) {
        return profile.steps().stream().filter(step -> steps.test(step.name())).mapToDouble(MetricsProfile.Step::seconds).sum();
    }

    /** A reference file with its placeholders filled, as the app's IndependentReferenceTest fills them. */
    private static String sql(String name, Warehouse warehouse, LocalDate asOf) throws java.io.IOException {
        String text = java.nio.file.Files.readString(Path.of("app/src/test/resources/reference", name));
        LocalDate last = asOf.withDayOfMonth(1);
        text = text.replace("{as_of}", asOf.toString()).replace("{last_month}", last.toString())
                .replace("{first_month}", last.minusMonths(35).toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(stg_[a-z_]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(
                    "read_parquet('" + warehouse.root() + "/staging/" + m.group(1) + "/*.parquet')"));
        }
        return m.appendTail(out).toString();
    }
}
