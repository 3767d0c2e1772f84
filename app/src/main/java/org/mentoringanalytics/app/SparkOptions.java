package org.mentoringanalytics.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Spark options shared by every command that runs Spark. */
final class SparkOptions {

    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark master URL: local[*], spark://host:7077, yarn, k8s://... (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Extra Spark setting, repeatable, e.g. --spark-conf spark.executor.memory=4g.")
    Map<String, String> conf = new LinkedHashMap<>();
}
