package org.mentoringanalytics.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.jobs.MetricsJob;
import org.mentoringanalytics.reports.Quarter;
import org.mentoringanalytics.reports.ReportOutput;

/**
 * The inputs and results of one refresh, shared by its steps: what to run on, and what each step
 * did, for the summary and the run manifest.
 */
final class RefreshRun {

    final PipelineOptions options;
    final IngestOptions ingestOptions;
    final SparkOptions spark;
    final Quarter quarter;
    final int minGroup;
    final ReportOptions reportOptions;
    final PrintStream out;
    final PrintStream err;
    /** The job: {@code refresh} (only what changed) or {@code run} (every stage in full). */
    final String job;

    IngestResult ingest;
    MetricsJob.Outcome metrics;
    ReportOutput report;
    String reportSkipped;
    /** Why the job failed, or null when it did not. */
    String failure;
    final Map<String, Duration> timings = new LinkedHashMap<>();

    RefreshRun(PipelineOptions options, IngestOptions ingestOptions, SparkOptions spark, ReportOptions report,
               PrintStream out, PrintStream err) {
        this(RefreshConfiguration.JOB_NAME, options, ingestOptions, spark, report, out, err);
    }

    RefreshRun(String job, PipelineOptions options, IngestOptions ingestOptions, SparkOptions spark, ReportOptions report,
               PrintStream out, PrintStream err) {
        this.job = job;
        this.options = options;
        this.ingestOptions = ingestOptions;
        this.spark = spark;
        this.reportOptions = report;
        this.quarter = report.quarter();
        this.minGroup = report.minGroup;
        this.out = out;
        this.err = err;
    }
}
