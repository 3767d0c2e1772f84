package org.mentoringanalytics.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.Ingest;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.ingest.IngestSettings;
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

    static IngestResult ingest(PipelineOptions options, Path keyFile, PrintStream out, PrintStream err) throws Exception {
        Path landing = options.landing();
        LocalDate asOf = options.asOf();
        if (!java.nio.file.Files.isDirectory(landing)) {
            throw new IllegalArgumentException("landing folder not found: " + landing.toAbsolutePath());
        }
        Pseudonymizer pseudonymizer = new Pseudonymizer(PseudonymKey.resolve(keyFile, landing, err));
        long started = System.nanoTime();
        IngestResult result = Ingest.run(landing, options.warehouse, asOf, pseudonymizer, IngestSettings.defaults());
        out.printf("ingest %s: run %d, as of %s, %.1f s%n", result.outcome().name().toLowerCase(), result.runId(), asOf,
                (System.nanoTime() - started) / 1e9);
        for (IngestResult.SourceCounts c : result.sources()) {
            out.printf("  %-18s read %,8d  written %,8d  rejected %,6d%n", c.source(), c.read(), c.written(), c.rejected());
        }
        if (result.totalRejected() > 0) {
            out.println("  rejected rows are in " + result.rejectsFolder().toAbsolutePath());
        }
        return result;
    }

    static void metrics(PipelineOptions options, String master, PrintStream out) {
        long started = System.nanoTime();
        SparkSession spark = SparkSessions.create(master);
        try {
            Warehouse warehouse = new Warehouse(options.warehouse.toAbsolutePath().toString());
            Map<String, Long> counts = new MetricsJob(new MetricsJobConfig(warehouse, options.asOf())).run(spark);
            out.printf("metrics done: as of %s, %.1f s%n", options.asOf(), (System.nanoTime() - started) / 1e9);
            counts.forEach((table, rows) -> out.printf("  %-34s %,8d rows%n", table, rows));
        } finally {
            spark.stop();
        }
    }

    static ReportOutput report(PipelineOptions options, Quarter quarter, int minGroup, PrintStream out) throws Exception {
        Warehouse warehouse = new Warehouse(options.warehouse.toAbsolutePath().toString());
        ReportOutput output = new QuarterlyReport(ReportTheme.standard()).write(new ReportRequest(warehouse,
                options.reports, quarter, options.asOf(), minGroup, Instant.now()));
        out.printf("report %s written: %s (%d files in %s)%n", output.quarter(), output.pdf(), output.files().size() - 1,
                output.folder());
        return output;
    }
}
