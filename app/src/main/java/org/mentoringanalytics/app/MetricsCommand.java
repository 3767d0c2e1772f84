package org.mentoringanalytics.app;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.engagement.AdHocEngagement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute the marts from the staging tables with Spark.",
                "With --output NAME, compute an ad-hoc engagement cut instead (matches, active match-months, "
                        + "sessions, people for --from..--to, --program, broken down --by any of "
                        + "program, program_type, department, job_level, location, gender, month, quarter), write it to "
                        + "<warehouse>/adhoc/NAME (queryable in sql as adhoc_NAME) and print it; the published marts are "
                        + "not touched."},
        footer = {"", "Examples:",
                "  mentoring-analytics metrics",
                "  mentoring-analytics metrics --master spark://10.0.0.5:7077 --warehouse hdfs://namenode:8020/mentoring",
                "  mentoring-analytics metrics --output eng-by-level --from 2026-01-01 --to 2026-06-30 --by department,job_level",
                "  mentoring-analytics metrics --output p1-monthly --program P01 --by month",
                "", "Exit codes: 0 success, 1 failed, 2 bad usage, 4 another run holds the warehouse."})
final class MetricsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PipelineOptions options;

    @Mixin
    SparkOptions spark;

    @Option(names = "--output", paramLabel = "NAME", description = "Ad-hoc: name of the output (letters, digits, - and _).")
    String output;

    @Option(names = "--from", paramLabel = "DATE", description = "Ad-hoc: first month counted (default: 12 months before the as-of month).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Ad-hoc: last month counted (default: the as-of date).")
    LocalDate to;

    @Option(names = "--program", split = ",", paramLabel = "ID", description = "Ad-hoc: only these programs (comma-separated ids).")
    List<String> programs = List.of();

    @Option(names = "--by", split = ",", paramLabel = "DIMENSION", description = "Ad-hoc: breakdown, comma-separated.")
    List<String> by = List.of();

    @Option(names = "--profile", description = "After the run, print each step's wall time, Spark jobs, stages and "
            + "tasks, and peak heap (also with --verbose). Groups then run one at a time, so each step's figures "
            + "are its own (on a small warehouse they otherwise run two at a time).")
    boolean profile;

    int minGroup = MinGroup.DEFAULT_FLOOR;

    @Option(names = "--min-group", defaultValue = "5",
            description = "Ad-hoc: rows from fewer people keep no values (default: ${DEFAULT-VALUE}; never below the configured floor).")
    void minGroup(int k) {
        this.minGroup = MinGroup.checked(k);
    }

    private boolean profiling() {
        return profile || Boolean.getBoolean("mentoring.verbose") || "1".equals(System.getenv("MENTORING_VERBOSE"));
    }

    @Override
    public Integer call() throws Exception {
        boolean adHoc = output != null || from != null || to != null || !programs.isEmpty() || !by.isEmpty();
        if (adHoc) {
            if (output == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--from, --to, --program and --by compute an ad-hoc cut: name it with --output NAME");
            }
            return adHoc();
        }
        // On an hdfs:// warehouse the lock is the working copy's: it keeps runs of this machine apart.
        try (PipelineLock lock = PipelineLock.acquire(options.warehouse, "metrics")) {
            Stages.metrics(options, spark, System.out, profiling());
        }
        return 0;
    }

    private int adHoc() {
        LocalDate asOf = options.asOf();
        AdHocEngagement.Request request;
        try {
            request = new AdHocEngagement.Request(asOf, from != null ? from : asOf.withDayOfMonth(1).minusMonths(11),
                    to != null ? to : asOf, programs, by, minGroup, output);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SparkSession session = SparkSessions.create(spark, Locations.warehouseRoot(options));
        try {
            Warehouse warehouse = new Warehouse(Locations.warehouseRoot(options));
            String location = AdHocEngagement.run(session, warehouse, request);
            var result = session.read().parquet(location);
            List<Row> rows = result.limit(200).collectAsList();
            StringBuilder text = new StringBuilder();
            TextTable.appendRows(text, result.columns(), rows);
            System.out.print(text);
            System.out.printf("ad-hoc cut %s, %s to %s: written to %s (sql: adhoc_%s)%n", output, request.from(), request.to(),
                    location, output.replace('-', '_'));
            return ExitCodes.OK;
        } finally {
            session.stop();
        }
    }
}
