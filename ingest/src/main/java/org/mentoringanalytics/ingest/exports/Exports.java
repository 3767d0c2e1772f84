package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Raw exports of the tools companies use, under {@code <landing>/exports/<kind>/}, read in front of
 * the same validation, pseudonymization and quarantine as the landing format: a reader turns each
 * export into rows of a landing source. Kinds so far: {@code zoom} (participant reports, into
 * sessions), {@code teams} (attendance lists, older format, into sessions) and {@code slack}
 * (workspace exports, zipped or not, into asynchronous chat sessions), {@code qualtrics} (response
 * exports with a mapping, into survey responses) and {@code googleforms} (response sheets with a
 * mapping, into survey responses), {@code bamboohr} and {@code hris} (employee reports, into
 * employees).
 */
public final class Exports {

    /** The folder of Zoom participant reports, relative to the landing root. */
    public static final String ZOOM = "exports/zoom";
    /** The folder of Teams attendance lists (older format), relative to the landing root. */
    public static final String TEAMS = "exports/teams";
    /** The folder of Qualtrics response exports, each with a mapping in surveys/mappings/. */
    public static final String QUALTRICS = "exports/qualtrics";
    /** The folder of BambooHR employee reports (mapped by BambooHR's field names, extended by hr/mappings/bamboohr.csv). */
    public static final String BAMBOOHR = "exports/bamboohr";
    /** The folder of other HR systems' employee reports, each with a mapping in hr/mappings/. */
    public static final String HRIS = "exports/hris";
    /** The folder of Google Forms response sheets, each with a mapping in surveys/mappings/. */
    public static final String GOOGLE_FORMS = "exports/googleforms";
    /** The folder of Slack exports (zips, or unzipped folders), relative to the landing root. */
    public static final String SLACK = "exports/slack";

    private Exports() {
    }

    /** Whether a landing-relative path is an export rather than a landing-format file. */
    public static boolean isExport(String relative) {
        return relative.replace('\\', '/').startsWith("exports/");
    }

    /** The export files feeding a landing source: each of its readers' files, in {@link ExportReaders#ALL} order. */
    public static List<Path> list(Path landing, String source) throws IOException {
        List<Path> files = new ArrayList<>();
        for (ExportReader reader : ExportReaders.of(source)) {
            files.addAll(reader.files(landing));
        }
        return files;
    }

    /**
     * The time zone export times are in: {@code exports.timezone} in landing.properties (an IANA
     * name such as Europe/Berlin), UTC when absent. Zoom writes local times without a zone, so this
     * is never guessed from the data.
     */
    public static ZoneId zone(Path landing) throws IOException {
        String zone = settings(landing).getProperty("exports.timezone", "UTC").trim();
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("landing.properties: exports.timezone '" + zone + "' is not a time zone ("
                    + e.getMessage() + ")");
        }
    }

    static Properties settings(Path landing) throws IOException {
        Properties properties = new Properties();
        Path file = landing.resolve("landing.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /** The tool an export comes from, by its folder under exports/: zoom, teams, slack, qualtrics... */
    static String tool(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (int i = normal.getNameCount() - 2; i >= 0; i--) {
            if (normal.getName(i).toString().equals("exports")) {
                return normal.getName(i + 1).toString();
            }
        }
        return file.getParent().getFileName().toString();
    }

    /**
     * Checks an export before it is read: why it is rejected whole, or null; and what the run will
     * tell about it (meetings, sessions, skipped meetings, unresolved people).
     */
    public static Check check(Path landing, Path file) throws IOException {
        try {
            return reader(file).check(landing, file);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            return new Check(e.getMessage(), "");
        }
    }

    /** @param rejectWhole why the export cannot be read at all, or null */
    public record Check(String rejectWhole, String summary) {
    }

    /** The landing rows an export gives (none when its meeting is not a match's), with the lines they come from. */
    public static List<Row> rows(Path landing, Path file) throws IOException {
        return reader(file).rows(landing, file);
    }

    private static ExportReader reader(Path file) {
        return ExportReaders.forFile(file).orElseThrow(() -> new IllegalArgumentException(
                "no export reader for " + file + " (exports/<tool>/ with a tool of " + ExportReaders.ALL.stream()
                        .map(ExportReader::tool).toList() + ")"));
    }

    /** One landing row from an export. */
    public record Row(long line, Map<String, String> values) {
    }
}
