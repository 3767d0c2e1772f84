package org.mentoringanalytics.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest invocation did.
 *
 * @param outcome       how the run ended
 * @param runId         job instance id in the job repository; also names the rejects folder
 * @param files         every landing file the run looked at
 * @param rejectsFolder folder holding this run's rejects files
 * @param error         why the run failed, when it did
 */
public record IngestResult(Outcome outcome, long runId, List<FileOutcome> files, Path rejectsFolder, String error) {

    public enum Outcome {
        /** New files were loaded (rows may still have been rejected). */
        COMPLETED,
        /** Every landing file's content had been ingested before: nothing changed. */
        NOTHING_NEW,
        /** The run stopped; it resumes from where it stopped on the next invocation. */
        FAILED
    }

    /**
     * @param file       path relative to the landing folder
     * @param source     landing source
     * @param status     loaded, skipped (content ingested before) or rejected_whole
     * @param read       rows read
     * @param written    rows written to staging
     * @param rejected   rows quarantined
     * @param superseding written rows that replaced an earlier version of the same key
     * @param message    reason of a whole-file reject, or warnings
     */
    public record FileOutcome(String file, String source, String status, long read, long written, long rejected,
                              long superseding, String message, String contentHash) {
    }

    public long totalRejected() {
        return files.stream().mapToLong(FileOutcome::rejected).sum();
    }

    public List<FileOutcome> rejectedWhole() {
        return files.stream().filter(f -> f.status().equals("rejected_whole")).toList();
    }
}
