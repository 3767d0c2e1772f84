package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import org.mentoringanalytics.reports.Quarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the quarterly PDF, chart PNGs and CSVs from the marts.",
        footer = {"", "Examples:",
                "  mentoring-analytics report",
                "  mentoring-analytics report --quarter 2026-Q2 --min-group 10"})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Option(names = "--quarter", paramLabel = "YYYY-Qn",
            description = "Quarter to report (default: the last complete quarter by the as-of date).")
    String quarter;

    @Option(names = "--min-group", defaultValue = "5",
            description = "Suppress values from fewer people than this (default: ${DEFAULT-VALUE}).")
    int minGroup;

    @Override
    public Integer call() throws Exception {
        Stages.report(options, quarter == null ? null : Quarter.parse(quarter), minGroup, System.out);
        return 0;
    }
}
