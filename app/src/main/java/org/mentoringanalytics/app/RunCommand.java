package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.reports.ReportOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--min-group", defaultValue = "5",
            description = "Suppress values from fewer people than this (default: ${DEFAULT-VALUE}).")
    int minGroup;

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
        ReportOutput report = Stages.report(options, null, minGroup, System.out);
        System.out.println("Report: " + report.pdf().toAbsolutePath());
        return Stages.exitCode(ingest);
    }
}
