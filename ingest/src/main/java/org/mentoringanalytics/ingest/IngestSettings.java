package org.mentoringanalytics.ingest;

/**
 * Tuning of the ingest job that is not part of a run's identity.
 *
 * @param chunkSize         rows per transaction and per Parquet part file
 * @param maxRejectsPerFile rejected rows one landing file may have before the run stops
 * @param progress          told how far each source has got
 * @param maxRowChars       longest row read, in characters; a longer one is rejected as too_long without
 *                          being held in memory
 * @param threads           landing files of one source read at once (each file by one thread)
 */
public record IngestSettings(int chunkSize, long maxRejectsPerFile, IngestProgress progress, int maxRowChars, int threads) {

    public IngestSettings(int chunkSize, long maxRejectsPerFile) {
        this(chunkSize, maxRejectsPerFile, IngestProgress.NONE);
    }

    public IngestSettings(int chunkSize, long maxRejectsPerFile, IngestProgress progress) {
        this(chunkSize, maxRejectsPerFile, progress, org.mentoringanalytics.ingest.internal.LandingCsvReader.DEFAULT_MAX_ROW_CHARS);
    }

    /** One thread per processor. */
    public IngestSettings(int chunkSize, long maxRejectsPerFile, IngestProgress progress, int maxRowChars) {
        this(chunkSize, maxRejectsPerFile, progress, maxRowChars, DEFAULT_THREADS);
    }

    /** The processors the JVM may use. */
    public static final int DEFAULT_THREADS = Runtime.getRuntime().availableProcessors();

    public IngestSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        if (progress == null) {
            progress = IngestProgress.NONE;
        }
        if (maxRowChars < 1) {
            throw new IllegalArgumentException("maxRowChars must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        if (maxRejectsPerFile < 0) {
            throw new IllegalArgumentException("maxRejectsPerFile must not be negative");
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(20_000, 10_000);
    }
}
