package org.mentoringanalytics.app;

import java.nio.file.Path;
import org.mentoringanalytics.ingest.IngestSettings;
import picocli.CommandLine.Option;

/** Options of the ingest stage, shared by {@code ingest} and {@code run}. */
final class IngestOptions {

    @Option(names = "--key-file", paramLabel = "FILE", description = "File holding the pseudonymization key.")
    Path keyFile;

    @Option(names = "--job-repository", paramLabel = "JDBC-URL",
            description = "Job repository database, e.g. jdbc:postgresql://db:5432/mentoring (user and password from "
                    + "MENTORING_JOB_REPOSITORY_USER and MENTORING_JOB_REPOSITORY_PASSWORD). Default: an embedded H2 "
                    + "database in the warehouse.")
    String jobRepository;

    @Option(names = "--max-rejects-per-file", defaultValue = "10000",
            description = "Stop the run when one landing file has more rejected rows than this (default: ${DEFAULT-VALUE}).")
    long maxRejectsPerFile;

    @Option(names = "--max-row-chars", defaultValue = "1000000",
            description = "Reject a row longer than this many characters (all its fields; default: ${DEFAULT-VALUE}); "
                    + "it is never held in memory whole.")
    int maxRowChars = 1_000_000;

    @Option(names = "--ingest-threads", paramLabel = "N",
            description = "Landing files of one source read at once, one thread each (default: one per processor, here "
                    + "${DEFAULT-VALUE}). 1 reads them one after another; the result is the same.")
    int ingestThreads = IngestSettings.DEFAULT_THREADS;
}
