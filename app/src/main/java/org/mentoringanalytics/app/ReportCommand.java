package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the quarterly PDF, chart PNGs and CSVs from the marts.",
        footer = {"", "Examples:",
                "  mentoring-analytics report",
                "  mentoring-analytics report --quarter 2026-Q2 --min-group 10"})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        Stages.report(options, report, report.quarter(), System.out);
        return 0;
    }
}
