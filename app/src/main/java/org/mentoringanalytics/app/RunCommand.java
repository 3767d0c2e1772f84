package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.reports.ReportOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every stage in order: ingest, metrics, report. With no options, on the bundled sample.",
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
        try (PipelineLock lock = PipelineLock.acquire(options.warehouse, "run")) {
            return runAll();
        }
    }

    private int runAll() throws Exception {
        IngestResult ingest = Stages.ingest(options, ingestOptions, System.out, System.err);
        if (ingest.outcome() == IngestResult.Outcome.FAILED) {
            return ExitCodes.FAILED;
        }
        Stages.metrics(options, spark, System.out);
        ReportOutput written = Stages.report(options, report, report.quarter(), System.out);
        System.out.println("Report: " + written.pdf().toAbsolutePath());
        return Stages.exitCode(ingest);
    }
}
