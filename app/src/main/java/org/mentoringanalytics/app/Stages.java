package org.mentoringanalytics.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.Ingest;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.ingest.IngestSettings;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.mentoringanalytics.ingest.Pseudonymizer;
import org.mentoringanalytics.jobs.MetricsJob;
import org.mentoringanalytics.jobs.MetricsJobConfig;
import org.mentoringanalytics.reports.Quarter;
import org.mentoringanalytics.reports.QuarterlyReport;
import org.mentoringanalytics.reports.ReportOutput;
import org.mentoringanalytics.reports.ReportRequest;
import org.mentoringanalytics.reports.ReportTheme;

/** The only place that calls the stages; each call prints a short summary of what it did. */
final class Stages {

    private Stages() {
    }

    static IngestResult ingest(PipelineOptions options, IngestOptions ingestOptions, PrintStream out, PrintStream err)
            throws Exception {
        return ingest(options, ingestOptions, java.util.Set.of(), out, err);
    }

    /** Ingest, building the named sources' staging tables again from their landing files. */
    static IngestResult ingest(PipelineOptions options, IngestOptions ingestOptions, java.util.Set<String> rebuild,
                               PrintStream out, PrintStream err) throws Exception {
        Path landing = options.landing();
        LocalDate asOf = options.asOf();
        if (!java.nio.file.Files.isDirectory(landing)) {
            throw new IllegalArgumentException("landing folder not found: " + landing.toAbsolutePath());
        }
        if (ingestOptions.ingestThreads < 1) {
            throw new UsageError("--ingest-threads: " + ingestOptions.ingestThreads + " is not a number of threads: use 1 or more");
        }
        byte[] key = PseudonymKey.resolve(ingestOptions.keyFile, landing, err);
        PseudonymKey.checkFingerprint(key, options.warehouse);
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        if (SmallWarehouse.smallIngest(landing, Locations.warehouseRoot(options))) {
            // The metrics that follow in run and refresh get the small-warehouse session too.
            OptimizingCompiler.offForSmallData();
        }
        long started = System.nanoTime();
        IngestResult result;
        try (JobRepositoryDatabase repository = jobRepository(options, ingestOptions)) {
            result = Ingest.run(landing, options.warehouse, asOf, pseudonymizer,
                    new IngestSettings(IngestSettings.defaults().chunkSize(), ingestOptions.maxRejectsPerFile,
                            ConsoleProgress.forStandardOutput(), ingestOptions.maxRowChars, ingestOptions.ingestThreads),
                    repository, rebuild);
        } finally {
            OwnerOnly.apply(options.warehouse);
        }
        out.printf("ingest %s: run %d%s, as of %s, %.1f s%n", result.outcome().name().toLowerCase().replace('_', ' '),
                result.runId(), result.resumedRunId() > 0
                        ? " (after finishing run " + result.resumedRunId() + ", which had stopped)" : "",
                asOf, (System.nanoTime() - started) / 1e9);
        for (IngestResult.FileOutcome f : result.files()) {
            if (f.status().equals("loaded")) {
                out.printf("  %-40s read %,9d  written %,9d  rejected %,7d%s%n", f.file(), f.read(), f.written(),
                        f.rejected(), f.superseding() > 0 ? String.format("  (%,d replaced earlier versions)", f.superseding()) : "");
                if (!f.message().isEmpty()) {
                    out.println("    warning: " + f.message());
                }
            } else if (f.status().equals("rejected_whole")) {
                out.printf("  %-40s REJECTED: %s%n", f.file(), f.message());
            } else if (f.status().equals("removed")) {
                out.printf("  %-40s warning: %s%n", f.file(), f.message());
            } else if (f.status().equals("ignored")) {
                out.printf("  %-40s ignored: %s%n", f.file(), f.message());
            }
        }
        long skipped = result.files().stream().filter(f -> f.status().equals("skipped")).count();
        if (skipped > 0) {
            out.printf("  %d file(s) skipped: their content was ingested before%n", skipped);
        }
        boolean warned = result.files().stream().anyMatch(f -> f.message().contains("loaded with a warning"));
        if (result.totalRejected() > 0 || !result.rejectedWhole().isEmpty() || warned) {
            for (Path folder : result.rejectsFolders()) {
                if (java.nio.file.Files.isDirectory(folder)) {
                    out.println("  rejects: " + folder.toAbsolutePath());
                }
            }
        }
        if (result.outcome() != IngestResult.Outcome.FAILED) {
            var remote = HeldWarehouse.workingCopy(options);
            if (remote.isPresent()) {
                long publishing = System.nanoTime();
                java.util.List<String> published = remote.get().publishStaging();
                out.printf("  published to %s: %s (%.1f s)%n", Locations.warehouseRoot(options),
                        published.isEmpty() ? "nothing changed" : published.size() + " item(s)", (System.nanoTime() - publishing) / 1e9);
            }
        }
        if (result.error() != null) {
            err.println("error: ingest stopped: " + result.error());
            err.println("       fix the cause and run ingest again: it resumes where it stopped");
        }
        return result;
    }

    static JobRepositoryDatabase jobRepository(PipelineOptions options, IngestOptions ingestOptions) {
        if (ingestOptions.jobRepository == null) {
            Warehouse warehouse = new Warehouse(options.warehouse.toAbsolutePath().toString());
            return JobRepositoryDatabase.embedded(Path.of(warehouse.jobRepositoryPath()));
        }
        return JobRepositoryDatabase.open(ingestOptions.jobRepository, System.getenv(JobRepositoryDatabase.ENV_USER),
                System.getenv(JobRepositoryDatabase.ENV_PASSWORD));
    }

    /** Exit code of an ingest: 1 when it failed, 3 when a file was rejected whole, else 0. */
    static int exitCode(IngestResult result) {
        if (result.outcome() == IngestResult.Outcome.FAILED) {
            return ExitCodes.FAILED;
        }
        return result.rejectedWhole().isEmpty() ? ExitCodes.OK : ExitCodes.FILE_REJECTED;
    }

    /** Recomputes every table group; prints what it did. */
    static MetricsJob.Outcome metrics(PipelineOptions options, SparkOptions sparkOptions, PrintStream out) {
        return metrics(options, sparkOptions, out, false, false);
    }

    /** Recomputes every table group; with {@code profile}, prints where the time went. */
    static MetricsJob.Outcome metrics(PipelineOptions options, SparkOptions sparkOptions, PrintStream out, boolean profile) {
        return metrics(options, sparkOptions, out, false, profile);
    }

    /** Recomputes only the table groups whose inputs changed; prints what it did. */
    static MetricsJob.Outcome metricsIncremental(PipelineOptions options, SparkOptions sparkOptions, PrintStream out) {
        return metrics(options, sparkOptions, out, true, false);
    }

    /** Prints each table as soon as it is written (rows, time since start), then a summary. */
    private static MetricsJob.Outcome metrics(PipelineOptions options, SparkOptions sparkOptions, PrintStream out,
                                              boolean incremental, boolean profile) {
        long started = System.nanoTime();
        if (incremental && org.mentoringanalytics.jobs.UpToDate.check(new MetricsJobConfig(
                new Warehouse(Locations.warehouseRoot(options)), options.asOf(), MinGroup.floor()))) {
            out.printf("metrics up to date: no staging table, as-of date or code changed since the published tables "
                    + "(%.1f s, no Spark session needed)%n", (System.nanoTime() - started) / 1e9);
            return new MetricsJob.Outcome(new java.util.LinkedHashMap<>(), java.util.List.of(),
                    java.util.List.of(MetricsJob.Group.values()));
        }
        SparkSession spark = SparkSessions.create(sparkOptions, Locations.warehouseRoot(options));
        out.printf("  %-34s %16s  %6.1f s%s%n", "spark session started", "", (System.nanoTime() - started) / 1e9,
                SparkSessions.mode(spark).isEmpty() ? "" : " (" + SparkSessions.mode(spark) + ")");
        try {
            Warehouse warehouse = new Warehouse(Locations.warehouseRoot(options));
            org.mentoringanalytics.jobs.MetricsProfile steps = profile ? org.mentoringanalytics.jobs.MetricsProfile.on(spark) : null;
            MetricsJob.Outcome outcome = new MetricsJob(new MetricsJobConfig(warehouse, options.asOf(), MinGroup.floor()))
                    .profiled(steps)
                    // Two groups at once on a small warehouse, where the driver's planning is the time; one when profiling.
                    .groupsAtOnce(steps == null && !SparkSessions.mode(spark).isEmpty() ? 2 : 1)
                    .onPublished((table, rows) -> out.printf("  %-34s %,10d rows  %6.1f s%n", table, rows,
                            (System.nanoTime() - started) / 1e9))
                    .run(spark, incremental);
            if (outcome.recomputed().isEmpty()) {
                out.printf("metrics up to date: no source, as-of date or code change since the published tables (%.1f s)%n",
                        (System.nanoTime() - started) / 1e9);
            } else {
                out.printf("metrics done: as of %s, %.1f s%s%n", options.asOf(), (System.nanoTime() - started) / 1e9,
                        incremental ? "; recomputed " + names(outcome.recomputed()) + "; unchanged " + names(outcome.carried()) : "");
            }
            if (steps != null) {
                out.print(steps.table());
            }
            return outcome;
        } finally {
            spark.stop();
            if (!Locations.warehouseRoot(options).contains("://")) {
                try {
                    OwnerOnly.apply(Path.of(Locations.warehouseRoot(options)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    private static String names(java.util.List<MetricsJob.Group> groups) {
        return groups.isEmpty() ? "none" : String.join(", ", groups.stream().map(g -> g.name().toLowerCase().replace('_', ' ')).toList());
    }

    /**
     * The as-of date the report states: the one given, else the one the published marts were computed
     * for (the report describes them, whatever the landing folder says today).
     */
    static java.time.LocalDate reportAsOf(PipelineOptions options) {
        if (options.asOf != null) {
            return options.asOf;
        }
        String asOf = new org.mentoringanalytics.reports.MartReader(new Warehouse(Locations.warehouseRoot(options)))
                .generationMetadata().getProperty("as_of");
        if (asOf != null) {
            try {
                return java.time.LocalDate.parse(asOf);
            } catch (java.time.format.DateTimeParseException e) {
                // Fall back to the landing folder's date below.
            }
        }
        return options.asOf();
    }

    static ReportOutput report(PipelineOptions options, ReportOptions report, Quarter quarter, PrintStream out)
            throws Exception {
        Warehouse warehouse = new Warehouse(Locations.warehouseRoot(options));
        if (report.costPerExit != null && !(report.costPerExit > 0)) {
            throw new UsageError("--cost-per-exit: " + report.costPerExit + " is not a positive amount: use e.g. 25000");
        }
        if (SmallWarehouse.small(warehouse.root())) {
            // A report of a small warehouse is over before the optimizing compiler's work pays back (about 1.5 s of 6.5 s).
            OptimizingCompiler.offForSmallData();
        }
        ReportOutput output;
        try {
            output = new QuarterlyReport(ReportTheme.standard()).write(new ReportRequest(warehouse, options.reports,
                    quarter, reportAsOf(options), report.minGroup, Instant.now(), report.costPerExit, report.currency));
        } catch (org.mentoringanalytics.reports.NoDataForQuarter e) {
            throw new UsageError(e.getMessage());
        }
        out.printf("report %s written: %s, %s, %s (%d files in all, charts and tables in %s)%n", output.quarter(), output.pdf(),
                output.html().getFileName(), output.workbook().getFileName(), output.files().size(), output.folder());
        return output;
    }
}
