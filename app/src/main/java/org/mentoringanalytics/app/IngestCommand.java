package org.mentoringanalytics.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mentoringanalytics.ingest.IngestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Validate and pseudonymize the landing files and write the staging tables.",
        footer = {"", "Examples:",
                "  mentoring-analytics ingest",
                "  MENTORING_PSEUDONYM_KEY_FILE=/secrets/key mentoring-analytics ingest --landing /data/landing"})
final class IngestCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonymization key.")
    Path keyFile;

    @Override
    public Integer call() throws Exception {
        IngestResult result = Stages.ingest(options, keyFile, System.out, System.err);
        return result.outcome() == IngestResult.Outcome.FAILED ? 1 : 0;
    }
}
