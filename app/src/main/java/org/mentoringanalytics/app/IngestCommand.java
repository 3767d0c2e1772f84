package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Validate and pseudonymize the landing files and write the staging tables.",
        footer = {"", "Examples:",
                "  mentoring-analytics ingest",
                "  mentoring-analytics ingest --rebuild sessions     # after verify reports stg_sessions damaged",
                "  MENTORING_PSEUDONYM_KEY_FILE=/secrets/key mentoring-analytics ingest --landing /data/landing",
                "", "Exit codes: 0 success (rows may have been quarantined: see the summary), 1 the run failed",
                "(it resumes on the next invocation), 2 bad usage, 3 a landing file was rejected whole,",
                "4 another run holds the warehouse, 5 a staging table is damaged (the message says what to rebuild)."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Option(names = "--rebuild", paramLabel = "SOURCE", split = ",",
            description = "Build these sources' staging tables again from all their landing files, ignoring what was "
                    + "ingested before (after 'verify' reports a damaged table): a source name such as sessions, or all.")
    java.util.Set<String> rebuild = new java.util.LinkedHashSet<>();

    @Override
    public Integer call() throws Exception {
        try (HeldWarehouse held = HeldWarehouse.acquire(options, "ingest")) {
            JobHistory.markKilled(options, ingestOptions, "ingest", System.err);
            return Stages.exitCode(Stages.ingest(options, ingestOptions, rebuild, System.out, System.err));
        }
    }
}
