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
                "5 a table is damaged (see verify).",
                "", "Mail: with mail.host and recipients in the configuration file, a new report is mailed (PDF and workbook),",
                "and a failed run or a source behind mail.stale-after-days is alerted (see README, Delivery by email)."})
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
        // Mail settings are checked before anything runs: a wrong one is bad usage, not a failed night.
        Delivery delivery = Delivery.configured(System.err);
        try (HeldWarehouse held = HeldWarehouse.acquire(options, "refresh")) {
            return refresh(delivery);
        }
    }

    /** Runs one refresh and mails what it should (see {@link Delivery}); the caller holds the warehouse lock. */
    int refresh(Delivery delivery) throws Exception {
        RefreshRun run = new RefreshRun(options, ingestOptions, spark, report, System.out, System.err);
        int code;
        try {
            code = PipelineJob.launch(run);
        } catch (Exception e) {
            delivery.failed(run, e instanceof UsageError ? ExitCodes.USAGE : ExitCodes.FAILED,
                    e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
        delivery.after(run, code);
        return code;
    }
}
