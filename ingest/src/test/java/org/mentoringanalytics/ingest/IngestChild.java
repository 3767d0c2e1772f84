package org.mentoringanalytics.ingest;

import java.nio.file.Path;

/** Runs one ingest in its own JVM, so a test can kill it at any moment: {@code landing warehouse chunkSize}. */
public final class IngestChild {

    private IngestChild() {
    }

    public static void main(String[] args) throws Exception {
        IngestResult result = IngestRun.run(Path.of(args[0]), Path.of(args[1]),
                new IngestSettings(Integer.parseInt(args[2]), 10_000));
        System.out.println("outcome " + result.outcome() + " " + (result.error() == null ? "" : result.error()));
        System.exit(result.outcome() == IngestResult.Outcome.FAILED ? 1 : 0);
    }
}
