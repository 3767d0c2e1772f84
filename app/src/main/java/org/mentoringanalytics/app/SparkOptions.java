package org.mentoringanalytics.app;

import picocli.CommandLine.Option;

/** The Spark option shared by every command that runs Spark. */
final class SparkOptions {

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master URL (default: ${DEFAULT-VALUE}).")
    String master;
}
