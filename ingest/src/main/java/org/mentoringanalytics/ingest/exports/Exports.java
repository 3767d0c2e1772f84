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

    /** The export files feeding a landing source, in name order. */
    public static List<Path> list(Path landing, String source) throws IOException {
        List<Path> files = new ArrayList<>();
        if (source.equals("survey_responses") || source.equals("employees")) {
            for (String kind : source.equals("employees") ? List.of(BAMBOOHR, HRIS) : List.of(GOOGLE_FORMS, QUALTRICS)) {
                Path folder = landing.resolve(kind);
                List<Path> found = new ArrayList<>();
                if (Files.isDirectory(folder)) {
                    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "{*.csv,*.csv.gz}")) {
                        stream.forEach(p -> {
                            if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                                found.add(p);
                            }
                        });
                    }
                }
                found.sort(null);
                files.addAll(found);
            }
            return files;
        }
        if (!source.equals("sessions")) {
            return files;
        }
        for (String kind : List.of(TEAMS, ZOOM)) {
            Path folder = landing.resolve(kind);
            List<Path> found = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "{*.csv,*.csv.gz}")) {
                    for (Path p : stream) {
                        if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                            found.add(p);
                        }
                    }
                }
            }
            found.sort(null);
            files.addAll(found);
        }
        Path slack = landing.resolve(SLACK);
        if (Files.isDirectory(slack)) {
            try (var walk = Files.walk(slack)) {
                walk.filter(Files::isRegularFile).filter(SlackExport::isReadable)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
            }
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

    private static Properties settings(Path landing) throws IOException {
        Properties properties = new Properties();
        Path file = landing.resolve("landing.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    /** The tool an export comes from, by its folder under exports/: zoom, teams or slack. */
    static String tool(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (int i = normal.getNameCount() - 2; i >= 0; i--) {
            if (normal.getName(i).toString().equals("exports")) {
                return normal.getName(i + 1).toString();
            }
        }
        return file.getParent().getFileName().toString();
    }

    private static QualtricsResponses.Result surveys(Path landing, Path file) throws IOException {
        if (tool(file).equals("googleforms")) {
            return GoogleFormsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing), zone(landing),
                    GoogleFormsResponses.format(settings(landing).getProperty("exports.googleforms.dates")));
        }
        return QualtricsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing), zone(landing));
    }

    private static SlackExport.Result slack(Path landing, Path file) throws IOException {
        return file.getFileName().toString().endsWith(".zip")
                ? SlackExport.readZip(file, Directory.of(landing), zone(landing))
                : SlackExport.readDay(file, Directory.of(landing), zone(landing));
    }

    /** Reads an export with its tool's reader. */
    static Meetings.Meeting read(Path landing, Path file) throws IOException {
        if (tool(file).equals("teams")) {
            return TeamsAttendanceList.read(file, zone(landing),
                    TeamsAttendanceList.DateOrder.of(settings(landing).getProperty("exports.teams.dates")));
        }
        return ZoomParticipantReport.read(file, zone(landing));
    }

    /**
     * Checks an export before it is read: why it is rejected whole, or null; and what the run will
     * tell about it (meetings, sessions, skipped meetings, unresolved people).
     */
    public static Check check(Path landing, Path file) throws IOException {
        try {
            if (tool(file).equals("bamboohr") || tool(file).equals("hris")) {
                return new Check(null, tool(file) + ": " + HrisEmployees.read(landing, file, tool(file).equals("bamboohr")).size()
                        + " employee row(s)");
            }
            if (tool(file).equals("qualtrics") || tool(file).equals("googleforms")) {
                QualtricsResponses.Result result = surveys(landing, file);
                return new Check(null, tool(file) + ": " + result.responses() + " response(s), " + result.rows().size()
                        + " answer row(s), " + result.previews() + " preview or test response(s) dropped, "
                        + result.unresolved() + " respondent(s) unresolved and skipped");
            }
            if (tool(file).equals("slack")) {
                SlackExport.Result result = slack(landing, file);
                return new Check(null, "slack: " + result.days() + " conversation-day(s), " + result.sessions().size()
                        + " chat session(s), " + result.skipped() + " skipped (not one match's mentor and mentee), "
                        + result.unresolved() + " unresolved user(s)");
            }
            Meetings.Meeting meeting = read(landing, file);
            Meetings.Outcome outcome = Meetings.toSession(meeting, Directory.of(landing), tool(file));
            StringBuilder summary = new StringBuilder(tool(file) + " meeting " + meeting.meetingId() + ": " + outcome.people()
                    + " people, " + outcome.unresolved() + " unresolved");
            summary.append(outcome.session().isPresent() ? "; 1 session of match " + outcome.session().get().get("match_id")
                    : "; skipped: " + outcome.skipped());
            if (!meeting.problems().isEmpty()) {
                summary.append("; unreadable rows: ").append(String.join(", ", meeting.problems()));
            }
            return new Check(null, summary.toString());
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JacksonException e) {
            return new Check(e.getMessage(), "");
        }
    }

    /** @param rejectWhole why the export cannot be read at all, or null */
    public record Check(String rejectWhole, String summary) {
    }

    /** The landing rows an export gives (none when its meeting is not a match's), with the lines they come from. */
    public static List<Row> rows(Path landing, Path file) throws IOException {
        if (tool(file).equals("qualtrics") || tool(file).equals("googleforms")) {
            return surveys(landing, file).rows();
        }
        if (tool(file).equals("bamboohr") || tool(file).equals("hris")) {
            return HrisEmployees.read(landing, file, tool(file).equals("bamboohr"));
        }
        if (tool(file).equals("slack")) {
            return slack(landing, file).sessions();
        }
        Meetings.Meeting meeting = read(landing, file);
        Meetings.Outcome outcome = Meetings.toSession(meeting, Directory.of(landing), tool(file));
        return outcome.session().map(s -> List.of(new Row(outcome.line(), s))).orElse(List.of());
    }

    /** One landing row from an export. */
    public record Row(long line, Map<String, String> values) {
    }
}
