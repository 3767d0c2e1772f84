package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one tool's exports into rows of a landing source. Every reader is in
 * {@link ExportReaders#ALL}; nothing else decides which reader a file goes to.
 */
public interface ExportReader {

    /** The folder of the tool's exports, relative to the landing root: {@code exports/zoom}. */
    String folder();

    /** The landing source its rows feed. */
    String source();

    /** The files of the folder it reads, in name order. */
    List<Path> files(Path landing) throws IOException;

    /** Why the export cannot be read at all (a null reject), and what the run will tell about it. */
    Exports.Check check(Path landing, Path file) throws IOException;

    /** The landing rows the export gives, each with the line it comes from. */
    List<Exports.Row> rows(Path landing, Path file) throws IOException;

    /** The tool's name: the last part of the folder. */
    default String tool() {
        return folder().substring(folder().lastIndexOf('/') + 1);
    }
}
