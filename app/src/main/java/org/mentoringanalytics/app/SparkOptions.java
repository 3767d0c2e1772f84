package org.mentoringanalytics.app;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The Spark options shared by every command that runs Spark. */
final class SparkOptions {

    @Option(names = "--master", defaultValue = "local[*]",
            description = "Spark master: local[*], local[N] (embedded) or spark://host:7077 (a standalone cluster) "
                    + "(default: ${DEFAULT-VALUE}).")
    String master;

    private static final java.util.regex.Pattern SUPPORTED = java.util.regex.Pattern.compile(
            "local(\\[(\\*|\\d+)(,\\d+)?])?|spark://[^/\\s]+:\\d+(,[^/\\s]+:\\d+)*");

    /**
     * The master as given when this build can run on it; bad usage otherwise. YARN and Kubernetes
     * need Spark's spark-yarn and spark-kubernetes modules, which the application does not bundle.
     */
    static String checked(String master) {
        String m = master == null ? "" : master.strip();
        if (SUPPORTED.matcher(m).matches()) {
            return m;
        }
        if (m.equals("yarn") || m.startsWith("k8s://") || m.startsWith("mesos://")) {
            throw new UsageError("--master " + m + " is not supported: this build runs embedded (local[*], local[N]) or on "
                    + "a Spark standalone cluster (spark://host:7077); it does not bundle Spark's YARN or Kubernetes modules");
        }
        throw new UsageError("invalid --master '" + master + "': use local[*], local[N] or spark://host:7077");
    }

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Extra Spark setting, repeatable, e.g. --spark-conf spark.executor.memory=4g.")
    Map<String, String> conf = new LinkedHashMap<>();
}
