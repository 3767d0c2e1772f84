package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"The nightly refresh: ingest new or changed landing files, recompute the marts they affect, "
                + "rebuild the quarter's report. Safe to rerun: with nothing new it changes nothing. Every run is "
                + "recorded in the job repository (see history) and in <warehouse>/_runs/refresh-<run>.json. A report cut short or changed since is written again."},
        footer = {"", "Examples:",
                "  mentoring-analytics refresh --landing /data/landing --warehouse /data/warehouse --reports /data/reports",
                "  # from cron: 0 2 * * * cd /opt/mentoring && bin/mentoring-analytics refresh --landing ... >> refresh.log 2>&1",
                "", "Exit codes: 0 success, 1 failed, 2 bad usage, 3 a landing file was rejected whole, 4 another run holds the warehouse,",
                "5 a table is damaged (see verify)."})
final class RefreshCommand implements Callable<Integer> {

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
        try (PipelineLock lock = PipelineLock.acquire(options.warehouse, "refresh")) {
            return refresh();
        }
    }

    /** Runs one refresh; the caller holds the warehouse lock. */
    int refresh() throws Exception {
        return PipelineJob.launch(new RefreshRun(options, ingestOptions, spark, report, System.out, System.err));
    }
}
