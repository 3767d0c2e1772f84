package org.mentoringanalytics.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;

/**
 * What a refresh tells people by mail ({@link MailSettings}): the quarter's PDF and workbook to
 * {@code mail.report-to} when the refresh built a new report; an alert to {@code mail.alert-to}
 * when it failed, or when a source is more days behind the as-of date than
 * {@code mail.stale-after-days}. A mail that cannot be sent is a warning: the refresh's own result
 * and exit code stand.
 */
final class Delivery {

    private final MailSettings settings;
    private final PrintStream err;

    private Delivery(MailSettings settings, PrintStream err) {
        this.settings = settings;
        this.err = err;
    }

    /** Delivery as configured; off (sends nothing) when mail is not configured. */
    static Delivery configured(PrintStream err) {
        return new Delivery(MailSettings.of(Settings.current(), System.getenv()), err);
    }

    static Delivery of(MailSettings settings, PrintStream err) {
        return new Delivery(settings, err);
    }

    boolean enabled() {
        return settings != null;
    }

    /** After a refresh that ended with {@code exitCode} (its failure, if any, in {@code run.failure}). */
    void after(RefreshRun run, int exitCode) {
        if (!enabled()) {
            return;
        }
        if (run.failure != null) {
            failed(run, exitCode, run.failure);
            return;
        }
        if (run.report != null && !settings.reportTo().isEmpty()) {
            String quarter = run.report.quarter().toString();
            StringBuilder findings = new StringBuilder();
            List<String> summary = run.report.summary();
            if (!summary.isEmpty()) {
                findings.append(summary.get(0)).append("\n\n");
                summary.subList(1, summary.size()).forEach(f -> findings.append("- ").append(f).append("\n"));
                findings.append("\n");
            }
            send(settings.reportTo(), "Mentoring programs: quarterly report " + quarter,
                    findings + "The mentoring programs' report for " + quarter + " (data as of " + run.options.asOf()
                            + ") is attached: the PDF for reading and the Excel workbook with every table.\n\n"
                            + "Values from fewer than " + run.minGroup + " people are suppressed in both.\n"
                            + "The same report as a web page, the charts and CSV files: " + run.report.html().toAbsolutePath()
                            + "\n", List.of(run.report.pdf(), run.report.workbook()), "report");
        }
        stale(run);
    }

    /** An alert for a refresh that failed before or inside its job. */
    void failed(RefreshRun run, int exitCode, String why) {
        if (!enabled() || settings.alertTo().isEmpty()) {
            return;
        }
        send(settings.alertTo(), "mentoring-analytics: " + run.job + " failed (exit " + exitCode + ")",
                "The " + run.job + " of " + run.options.warehouse.toAbsolutePath() + " failed at "
                        + ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".\n\n"
                        + "Reason: " + why + "\n\n"
                        + "What to do: read the run with 'mentoring-analytics history', check the warehouse with "
                        + "'mentoring-analytics verify', fix the cause and run 'mentoring-analytics refresh' again.\n",
                List.of(), "failure alert");
    }

    /** Sources further behind the as-of date than the configured limit, one alert listing them. */
    private void stale(RefreshRun run) {
        if (settings.staleAfterDays() == null || settings.alertTo().isEmpty()) {
            return;
        }
        List<String> behind = new ArrayList<>();
        List<Map<String, Object>> freshness = new MartReader(
                new Warehouse(run.options.warehouse.toAbsolutePath().toString())).read(Tables.MART_SOURCE_FRESHNESS);
        for (Map<String, Object> source : freshness) {
            Integer days = (Integer) source.get("days_behind");
            if (days != null && days > settings.staleAfterDays() && settings.staleSources().contains(source.get("source"))) {
                behind.add(source.get("source") + ": latest record " + source.get("latest_record_date") + ", " + days
                        + " days behind");
            }
        }
        if (behind.isEmpty()) {
            return;
        }
        send(settings.alertTo(), "mentoring-analytics: " + behind.size() + " source(s) more than " + settings.staleAfterDays()
                        + " days behind",
                "As of " + run.options.asOf() + ", these landing sources are more than " + settings.staleAfterDays()
                        + " days behind (mail.stale-after-days):\n\n  " + String.join("\n  ", behind) + "\n\n"
                        + "What to do: check that the exports into the landing folder still run.\n",
                List.of(), "stale-source alert");
    }

    private void send(List<String> to, String subject, String body, List<Path> attachments, String what) {
        try {
            new Mailer(settings).send(to, subject, body, attachments);
            err.println("note: " + what + " mailed to " + String.join(", ", to));
        } catch (Exception e) {
            err.println("warning: the " + what + " was not mailed to " + String.join(", ", to) + ": "
                    + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }
}
