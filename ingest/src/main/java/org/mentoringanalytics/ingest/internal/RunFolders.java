package org.mentoringanalytics.ingest.internal;

import java.nio.file.Path;
import org.mentoringanalytics.contracts.TableContract;

/**
 * The private working folder of one ingest run, {@code <warehouse>/_ingest/run-<id>}: part files
 * written by the chunk steps, the compacted tables waiting to be published, reject parts.
 */
public record RunFolders(Path root) {

    public Path parts(TableContract table) {
        return root.resolve("parts").resolve(table.name());
    }

    public Path compacted(TableContract table) {
        return root.resolve("compacted").resolve(table.name());
    }

    public Path rejectParts(String source) {
        return root.resolve("rejects").resolve(source);
    }

    /** Warning parts of a source, written with its chunks. */
    public Path warningParts(String source) {
        return root.resolve("warnings").resolve(source);
    }

    /** Keys of a snapshot source's published rows its new files no longer hold. */
    public Path retired(String source) {
        return root.resolve("retired").resolve(source + ".csv");
    }

    /** Reject rows found while compacting (duplicate keys), one file per source. */
    public Path duplicateRejects(String source) {
        return root.resolve("rejects").resolve(source).resolve("duplicates.csv");
    }
}
