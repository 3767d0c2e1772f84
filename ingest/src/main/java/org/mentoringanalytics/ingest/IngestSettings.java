package org.mentoringanalytics.ingest;

/**
 * Tuning of the ingest job that is not part of a run's identity.
 *
 * @param chunkSize rows per transaction and per Parquet part file
 */
public record IngestSettings(int chunkSize) {

    public IngestSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
    }

    public static IngestSettings defaults() {
        return new IngestSettings(5000);
    }
}
