package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every export reader, in the order their files are read within a source: the list beside
 * {@link org.mentoringanalytics.ingest.LandingSources}.
 */
public final class ExportReaders {

    public static final List<ExportReader> ALL = List.of(
            new Meetings.Export(Exports.TEAMS), new Meetings.Export(Exports.ZOOM), new SlackExport.Export(),
            new HrisEmployees.Export(Exports.BAMBOOHR), new HrisEmployees.Export(Exports.HRIS),
            new QualtricsResponses.Export(Exports.GOOGLE_FORMS), new QualtricsResponses.Export(Exports.QUALTRICS));

    private ExportReaders() {
    }

    /** The readers feeding a landing source, in reading order. */
    public static List<ExportReader> of(String source) {
        return ALL.stream().filter(r -> r.source().equals(source)).toList();
    }

    /** The reader of a file under {@code exports/<tool>/}, by its tool folder. */
    public static Optional<ExportReader> forFile(Path file) {
        String tool = Exports.tool(file);
        return ALL.stream().filter(r -> r.tool().equals(tool)).findFirst();
    }

    /** The CSV files (plain or gzipped) directly in a reader's folder, hidden ones left out, by name. */
    static List<Path> csvFiles(Path landing, String folder) throws IOException {
        Path directory = landing.resolve(folder);
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "{*.csv,*.csv.gz}")) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                        found.add(p);
                    }
                }
            }
        }
        found.sort(null);
        return found;
    }
}
