package org.mentoringanalytics.ingest;

/**
 * Tuning of the ingest job that is not part of a run's identity.
 *
 * @param chunkSize         rows per transaction and per Parquet part file
 * @param maxRejectsPerFile rejected rows one landing file may have before the run stops
 */
public record IngestSettings(int chunkSize, long maxRejectsPerFile) {

    public IngestSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        if (maxRejectsPerFile < 0) {
            throw new IllegalArgumentException("maxRejectsPerFile must not be negative");
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(20_000, 10_000);
    }
}
