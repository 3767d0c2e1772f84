package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every stage in order: ingest, metrics, report. With no options, on the bundled sample. "
                + "Recorded in history as one run with a step per stage, and in <warehouse>/_runs/run-<run>.json.",
        footer = {"", "Examples:",
                "  mentoring-analytics run",
                "  mentoring-analytics run --landing /data/landing --warehouse /data/warehouse --reports /data/reports"})
final class RunCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Mixin
    SparkOptions spark;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        try (HeldWarehouse held = HeldWarehouse.acquire(options, "run")) {
            return runAll();
        }
    }

    /** Ingest, metrics in full and the report, recorded in the job repository as one run with a step each. */
    private int runAll() throws Exception {
        RefreshRun run = new RefreshRun(RefreshConfiguration.RUN_JOB_NAME, options, ingestOptions, spark, report,
                System.out, System.err);
        int code = PipelineJob.launch(run);
        if (run.report != null) {
            System.out.println("Report: " + run.report.pdf().toAbsolutePath());
        }
        return code;
    }
}
