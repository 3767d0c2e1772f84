package org.mentoringanalytics.ingest.internal;

import java.io.IOException;

/**
 * A source's reference data for one job execution, loaded by the first of its partitions and
 * shared, read only, by the others; {@link #clear} frees it when the source's step ends.
 */
public final class SharedReferences {

    /** Loads the reference data. */
    @FunctionalInterface
    interface Loader {
        ReferenceData load() throws IOException;
    }

    private long jobExecution = -1;
    private ReferenceData data;

    synchronized ReferenceData get(long jobExecutionId, Loader loader) throws IOException {
        if (data == null || jobExecution != jobExecutionId) {
            data = loader.load();
            jobExecution = jobExecutionId;
        }
        return data;
    }

    public synchronized void clear() {
        data = null;
        jobExecution = -1;
    }
}
