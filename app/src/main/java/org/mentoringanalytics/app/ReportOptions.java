package org.mentoringanalytics.app;

import org.mentoringanalytics.reports.Quarter;
import picocli.CommandLine.Option;

/** The options of every command that writes the quarterly report. */
final class ReportOptions {

    @Option(names = "--quarter", paramLabel = "YYYY-Qn",
            description = "Quarter to report (default: the last complete quarter by the as-of date).")
    String quarter;

    int minGroup = MinGroup.DEFAULT_FLOOR;

    @Option(names = "--min-group", defaultValue = "5",
            description = "Suppress values from fewer people than this (default: ${DEFAULT-VALUE}; never below the configured floor).")
    void minGroup(int k) {
        this.minGroup = MinGroup.checked(k);
    }

    /** The quarter asked for, or null for the default. */
    Quarter quarter() {
        return quarter == null ? null : Quarter.parse(quarter);
    }
}
