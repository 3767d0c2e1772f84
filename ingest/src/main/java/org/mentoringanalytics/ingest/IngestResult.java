package org.mentoringanalytics.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * What one ingest invocation did. An invocation that first finishes a stopped run reports both as
 * one logical run: the files the stopped run loaded or rejected, then what the new run found.
 *
 * @param outcome        how the logical run ended: completed when either run loaded or rejected a file
 * @param runId          job instance id of the last run in the job repository; also names its rejects folder
 * @param resumedRunId   the stopped run this invocation finished first, or 0
 * @param files          every landing file the runs looked at, each once
 * @param rejectsFolders folders holding the runs' rejects files, the resumed run's first
 * @param error          why the run failed, when it did
 */
public record IngestResult(Outcome outcome, long runId, long resumedRunId, List<FileOutcome> files,
                           List<Path> rejectsFolders, String error) {

    public IngestResult {
        files = List.copyOf(files);
        rejectsFolders = List.copyOf(rejectsFolders);
    }

    /** The result of one run that resumed nothing. */
    public static IngestResult of(Outcome outcome, long runId, List<FileOutcome> files, Path rejectsFolder, String error) {
        return new IngestResult(outcome, runId, 0, files, List.of(rejectsFolder), error);
    }

    /**
     * A stopped run finished, then a new run: one logical run. The new run's entries for files the
     * resumed run took ("ingested before") are dropped, so each file is told once, as it was handled.
     */
    public static IngestResult resumed(IngestResult finished, IngestResult next) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<FileOutcome> files = new java.util.ArrayList<>();
        for (FileOutcome f : finished.files()) {
            if (f.status().equals("loaded") || f.status().equals("rejected_whole")) {
                taken.add(f.source() + "\t" + f.contentHash());
                files.add(f);
            }
        }
        for (FileOutcome f : next.files()) {
            if (!(f.status().equals("skipped") && taken.contains(f.source() + "\t" + f.contentHash()))) {
                files.add(f);
            }
        }
        Outcome outcome = next.outcome() == Outcome.FAILED ? Outcome.FAILED
                : finished.outcome() == Outcome.COMPLETED ? Outcome.COMPLETED : next.outcome();
        List<Path> folders = new java.util.ArrayList<>(finished.rejectsFolders());
        folders.addAll(next.rejectsFolders());
        return new IngestResult(outcome, next.runId(), finished.runId(), files, folders, next.error());
    }

    /** The last run's rejects folder. */
    public Path rejectsFolder() {
        return rejectsFolders.get(rejectsFolders.size() - 1);
    }

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
