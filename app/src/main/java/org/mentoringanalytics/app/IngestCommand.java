package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Validate and pseudonymize the landing files and write the staging tables.",
        footer = {"", "Examples:",
                "  mentoring-analytics ingest",
                "  MENTORING_PSEUDONYM_KEY_FILE=/secrets/key mentoring-analytics ingest --landing /data/landing",
                "", "Exit codes: 0 success (rows may have been quarantined: see the summary), 1 the run failed",
                "(it resumes on the next invocation), 2 bad usage, 3 a landing file was rejected whole,",
                "4 another run holds the warehouse."})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Override
    public Integer call() throws Exception {
        try (PipelineLock lock = PipelineLock.acquire(options.warehouse, "ingest")) {
            return Stages.exitCode(Stages.ingest(options, ingestOptions, System.out, System.err));
        }
    }
}
