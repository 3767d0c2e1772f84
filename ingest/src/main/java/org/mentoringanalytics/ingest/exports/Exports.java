package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
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
 * sessions).
 */
public final class Exports {

    /** The folder of Zoom participant reports, relative to the landing root. */
    public static final String ZOOM = "exports/zoom";

    private Exports() {
    }

    /** Whether a landing-relative path is an export rather than a landing-format file. */
    public static boolean isExport(String relative) {
        return relative.replace('\\', '/').startsWith("exports/");
    }

    /** The export files feeding a landing source, in name order. */
    public static List<Path> list(Path landing, String source) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!source.equals("sessions")) {
            return files;
        }
        Path folder = landing.resolve(ZOOM);
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "{*.csv,*.csv.gz}")) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                        files.add(p);
                    }
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * The time zone export times are in: {@code exports.timezone} in landing.properties (an IANA
     * name such as Europe/Berlin), UTC when absent. Zoom writes local times without a zone, so this
     * is never guessed from the data.
     */
    public static ZoneId zone(Path landing) throws IOException {
        Path file = landing.resolve("landing.properties");
        if (!Files.isRegularFile(file)) {
            return ZoneId.of("UTC");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        String zone = properties.getProperty("exports.timezone", "UTC").trim();
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("landing.properties: exports.timezone '" + zone + "' is not a time zone ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Checks an export before it is read: why it is rejected whole, or null; and what the run will
     * tell about it (meetings, sessions, skipped meetings, unresolved people).
     */
    public static Check check(Path landing, Path file) throws IOException {
        try {
            ZoomParticipantReport.Meeting meeting = ZoomParticipantReport.read(file, zone(landing));
            ZoomParticipantReport.Outcome outcome = ZoomParticipantReport.toSession(meeting, Directory.of(landing));
            StringBuilder summary = new StringBuilder("zoom meeting " + meeting.meetingId() + ": " + outcome.people()
                    + " people, " + outcome.unresolved() + " unresolved");
            summary.append(outcome.session().isPresent() ? "; 1 session of match " + outcome.session().get().get("match_id")
                    : "; skipped: " + outcome.skipped());
            if (!meeting.problems().isEmpty()) {
                summary.append("; unreadable rows: ").append(String.join(", ", meeting.problems()));
            }
            return new Check(null, summary.toString());
        } catch (IllegalArgumentException e) {
            return new Check(e.getMessage(), "");
        }
    }

    /** @param rejectWhole why the export cannot be read at all, or null */
    public record Check(String rejectWhole, String summary) {
    }

    /** The landing rows an export gives (none when its meeting is not a match's), with the lines they come from. */
    public static List<Row> rows(Path landing, Path file) throws IOException {
        ZoomParticipantReport.Meeting meeting = ZoomParticipantReport.read(file, zone(landing));
        ZoomParticipantReport.Outcome outcome = ZoomParticipantReport.toSession(meeting, Directory.of(landing));
        return outcome.session().map(s -> List.of(new Row(outcome.line(), s))).orElse(List.of());
    }

    /** One landing row from an export. */
    public record Row(long line, Map<String, String> values) {
    }
}
