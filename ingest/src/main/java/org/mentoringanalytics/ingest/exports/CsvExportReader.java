package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A reader of one tool folder's CSV files (plain or gzipped) feeding one landing source. */
abstract class CsvExportReader implements ExportReader {

    private final String folder;
    private final String source;

    CsvExportReader(String folder, String source) {
        this.folder = folder;
        this.source = source;
    }

    @Override
    public final String folder() {
        return folder;
    }

    @Override
    public final String source() {
        return source;
    }

    @Override
    public List<Path> files(Path landing) throws IOException {
        return ExportReaders.csvFiles(landing, folder);
    }
}
