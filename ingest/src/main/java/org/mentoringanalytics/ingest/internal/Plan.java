package org.mentoringanalytics.ingest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What an ingest run reads: every landing file found, with its content hash and whether it is
 * read, skipped (that content was ingested before) or rejected whole, and every other entry of the
 * folder with why it is ignored. Fixed when the run starts and
 * kept in the job execution context, so a restarted run reads exactly the same files.
 */
public record Plan(List<Plan.Entry> entries) {

    /**
     * IGNORED: an entry of the landing folder no source reads (the message says why); REMOVED: a file
     * an earlier run loaded that is no longer there.
     */
    public enum Status { READ, SKIPPED, REJECTED, IGNORED, REMOVED }

    /**
     * @param source  landing source name
     * @param index   position among the source's files to read (-1 when not read)
     * @param status  what the run does with the file
     * @param hash    SHA-256 of the file's bytes
     * @param file    path relative to the landing folder
     * @param message reason for a whole-file reject, or warnings; may be empty
     */
    public record Entry(String source, int index, Status status, String hash, String file, String message) {
    }

    public Plan {
        entries = List.copyOf(entries);
    }

    public List<Entry> toRead(String source) {
        return entries.stream().filter(e -> e.source().equals(source) && e.status() == Status.READ).toList();
    }

    public List<Entry> with(Status status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.source()).append('\t').append(e.index()).append('\t').append(e.status()).append('\t')
                    .append(e.hash()).append('\t').append(e.file()).append('\t')
                    .append(e.message().replace('\t', ' ').replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    public static Plan parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            entries.add(new Entry(f[0], Integer.parseInt(f[1]), Status.valueOf(f[2]), f[3], f[4], f[5]));
        }
        return new Plan(entries);
    }
}
