package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Compute the marts from the staging tables with Spark.",
        footer = {"", "Examples:",
                "  mentoring-analytics metrics",
                "  mentoring-analytics metrics --master spark://10.0.0.5:7077 --warehouse hdfs:///mentoring"})
final class MetricsCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() {
        Stages.metrics(options, spark.master, System.out);
        return 0;
    }
}
