package org.mentoringanalytics.app;

import org.mentoringanalytics.reports.Quarter;
import picocli.CommandLine.Option;

/** The options of every command that writes the quarterly report. */
final class ReportOptions {

    @Option(names = "--quarter", paramLabel = "YYYY-Qn",
            description = "Quarter to report (default: the last complete quarter by the as-of date).")
    String quarter;

    int minGroup = MinGroup.DEFAULT_FLOOR;

    @Option(names = "--cost-per-exit", paramLabel = "AMOUNT",
            description = "Cost of one voluntary exit (hiring, onboarding, lost output); when set, the summary values the exits avoided.")
    Double costPerExit;

    @Option(names = "--currency", paramLabel = "SYMBOL", defaultValue = "",
            description = "Currency printed before amounts, e.g. EUR or \u00A3 (default: none).")
    String currency;

    @Option(names = "--min-group", defaultValue = "5",
            description = "Suppress values from fewer people than this (default: ${DEFAULT-VALUE}; never below the configured floor).")
    void minGroup(int k) {
        this.minGroup = MinGroup.checked(k);
    }

    /** The quarter asked for, or null for the default. */
    Quarter quarter() {
        if (quarter == null) {
            return null;
        }
        try {
            return Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new UsageError("--quarter: '" + quarter + "' is not a quarter: use YYYY-Qn, e.g. 2026-Q3");
        }
    }
}
