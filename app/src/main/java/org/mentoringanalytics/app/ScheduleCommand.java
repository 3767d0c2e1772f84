package org.mentoringanalytics.app;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.scheduling.support.CronExpression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Keep running and start a refresh at every time the cron expression gives: crontab's five fields "
                + "(minute hour day-of-month month day-of-week) or Spring's six (a seconds field first), or a macro such as "
                + "@daily; in --zone, else the machine's time zone. Never two runs at "
                + "once: a run that finds the warehouse locked is skipped and logged. A failed run is recorded in the "
                + "job repository and the next one still runs. SIGTERM (Ctrl-C, docker stop, kill) lets a running "
                + "refresh finish, releases the lock and exits."},
        footer = {"", "Examples:",
                "  mentoring-analytics schedule --cron \"0 2 * * *\" --zone Europe/Berlin --landing /data/landing --warehouse /data/warehouse",
                "  mentoring-analytics schedule --cron \"30 1 * * MON-FRI\"",
                "  mentoring-analytics schedule --cron \"0 0 2 * * *\"          # six fields: seconds first",
                "", "Instead of this command, system cron or a Kubernetes CronJob can call 'refresh' directly (see README)."})
final class ScheduleCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Mixin
    SparkOptions spark;

    @Option(names = "--cron", required = true, paramLabel = "EXPRESSION",
            description = "When to refresh, e.g. \"0 2 * * *\" (crontab) or \"0 0 2 * * *\" (with seconds) for 02:00 every day.")
    String cron;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of the cron expression, e.g. Europe/Berlin (default: the machine's).")
    String zone;

    @Mixin
    ReportOptions report;

    @Option(names = "--max-runs", paramLabel = "N",
            description = "Stop after N scheduled runs (default: run until stopped).")
    Integer maxRuns;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        OptimizingCompiler.keepForLongLivedProcess();
        CronExpression expression = expression(cron, spec);
        java.time.ZoneId timeZone = zone(zone, spec);
        Delivery delivery = Delivery.configured(System.err);
        Thread hook = new Thread(() -> {
            System.out.println("schedule: stop requested; letting a running refresh finish");
            stop.countDown();
            try {
                stopped.await(6, TimeUnit.HOURS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "schedule-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            int runs = 0;
            while (maxRuns == null || runs < maxRuns) {
                ZonedDateTime next = expression.next(ZonedDateTime.now(timeZone));
                if (next == null) {
                    System.out.println("schedule: the cron expression has no future time; stopping");
                    break;
                }
                System.out.println("schedule: next refresh at " + next.withNano(0));
                long wait = Math.max(0, Duration.between(ZonedDateTime.now(timeZone), next).toMillis());
                if (stop.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
                runs++;
                runOnce(delivery);
            }
            System.out.println("schedule: stopped");
            return ExitCodes.OK;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it returns once it sees 'stopped'.
            }
        }
    }

    /** A crontab expression (five fields) gets Spring's seconds field; six fields and macros are Spring's own. */
    static CronExpression expression(String cron, picocli.CommandLine.Model.CommandSpec spec) {
        String text = cron.trim();
        String spring = !text.startsWith("@") && text.split("\\s+").length == 5 ? "0 " + text : text;
        try {
            return CronExpression.parse(spring);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid --cron '" + cron + "': " + e.getMessage()
                    + " (use five crontab fields, minute hour day-of-month month day-of-week, or six with seconds first)");
        }
    }

    static java.time.ZoneId zone(String zone, picocli.CommandLine.Model.CommandSpec spec) {
        if (zone == null) {
            return java.time.ZoneId.systemDefault();
        }
        try {
            return java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "invalid --zone '" + zone + "': use a zone name such as Europe/Berlin or UTC");
        }
    }

    private void runOnce(Delivery delivery) {
        try (HeldWarehouse held = HeldWarehouse.tryAcquire(options, "scheduled refresh").orElse(null)) {
            if (held == null) {
                System.out.println("schedule: refresh skipped: " + new PipelineLock.Busy(options.warehouse).getMessage());
                return;
            }
            RefreshCommand refresh = new RefreshCommand();
            refresh.options = options;
            refresh.ingestOptions = ingestOptions;
            refresh.spark = spark;
            refresh.report = report;
            int code = refresh.refresh(delivery);
            System.out.println("schedule: refresh finished with exit code " + code);
        } catch (Exception e) {
            // Recorded as failed in the job repository when it got that far; the schedule goes on.
            System.out.println("schedule: refresh failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
