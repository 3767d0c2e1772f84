package org.mentoringanalytics.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest invocation did.
 *
 * @param outcome       how the run ended
 * @param runId         job instance id in the job repository; also names the rejects folder
 * @param sources       rows per source, in job order
 * @param rejectsFolder folder holding this run's rejects files
 */
public record IngestResult(Outcome outcome, long runId, List<SourceCounts> sources, Path rejectsFolder) {

    public enum Outcome { COMPLETED, ALREADY_INGESTED, FAILED }

    /**
     * @param source   landing source name
     * @param read     rows read
     * @param written  rows written to staging
     * @param rejected rows quarantined
     */
    public record SourceCounts(String source, long read, long written, long rejected) {
    }

    public long totalRejected() {
        return sources.stream().mapToLong(SourceCounts::rejected).sum();
    }

    public long totalWritten() {
        return sources.stream().mapToLong(SourceCounts::written).sum();
    }
}
