package org.mentoringanalytics.ingest.exports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.internal.LandingFiles;

/**
 * A Zoom participant report (Reports > Usage > Participants, "Export with meeting data" or not):
 * one meeting per file. With the meeting block, the file starts with {@code Meeting ID, Topic,
 * Start Time, ...}, a meeting row and a blank line; then {@code Name (Original Name), User Email,
 * Join Time, Leave Time, Duration (Minutes), Guest [, Recording Consent]}, one row per join, so a
 * reconnect is a second row for the same person. Times are 12-hour US ({@code 11/19/2021 09:54:15 AM})
 * in the Zoom account's time zone, given explicitly (landing.properties {@code exports.timezone}).
 */
public final class ZoomParticipantReport {

    static final List<String> REQUIRED = List.of("Name (Original Name)", "User Email", "Join Time", "Leave Time");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    /** One join of one person, with the line it came from. */
    public record Join(String name, String email, ZonedDateTime joined, ZonedDateTime left, long line) {
    }

    /**
     * A parsed report.
     *
     * @param meetingId the meeting's ID from the meeting block, or the file name without extension
     * @param joins     every join row, in file order
     * @param problems  rows that could not be read, by line
     */
    public record Meeting(String meetingId, List<Join> joins, List<String> problems) {

        /** Joins merged per person (by email, else by name): earliest join to latest leave. */
        public Map<String, Join> people() {
            Map<String, Join> merged = new LinkedHashMap<>();
            for (Join j : joins) {
                String key = j.email().isBlank() ? "name:" + j.name().toLowerCase(Locale.ROOT) : j.email().toLowerCase(Locale.ROOT);
                merged.merge(key, j, (a, b) -> new Join(a.name(), a.email(),
                        a.joined().isBefore(b.joined()) ? a.joined() : b.joined(),
                        a.left().isAfter(b.left()) ? a.left() : b.left(), Math.min(a.line(), b.line())));
            }
            return merged;
        }
    }

    /** The session a meeting became, or why it did not. */
    public record Outcome(Optional<Map<String, String>> session, long line, int people, int unresolved, String skipped) {
    }

    private ZoomParticipantReport() {
    }

    /** Reads the report; throws {@link IllegalArgumentException} when it is not a Zoom participant report. */
    public static Meeting read(Path file, ZoneId zone) throws IOException {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(LandingFiles.reader(file))) {
            lines = reader.lines().toList();
        }
        String meetingId = file.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        int start = 0;
        if (!lines.isEmpty() && lines.get(0).startsWith("Meeting ID")) {
            if (lines.size() > 1) {
                String id = lines.get(1).split(",", -1)[0].trim();
                meetingId = id.isEmpty() ? meetingId : id;
            }
            start = 2;
            while (start < lines.size() && lines.get(start).replace(",", "").isBlank()) {
                start++;
            }
        }
        if (start >= lines.size() || !lines.get(start).startsWith("Name (Original Name)")) {
            throw new IllegalArgumentException("not a Zoom participant report: expected the header "
                    + "'Name (Original Name),User Email,Join Time,Leave Time,...' on line " + (start + 1));
        }
        String table = String.join("\n", lines.subList(start, lines.size()));
        List<Join> joins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(table))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                        .setIgnoreSurroundingSpaces(true).get()).get()) {
            for (String column : REQUIRED) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new IllegalArgumentException("the participant table lacks the column '" + column + "'");
                }
            }
            for (CSVRecord r : parser) {
                // The participant header is line start + 1; no field spans lines in these exports.
                long line = start + 1 + r.getRecordNumber();
                try {
                    joins.add(new Join(r.get("Name (Original Name)"), r.get("User Email"),
                            LocalDateTime.parse(r.get("Join Time"), TIME).atZone(zone),
                            LocalDateTime.parse(r.get("Leave Time"), TIME).atZone(zone), line));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Meeting(meetingId, joins, problems);
    }

    /**
     * The meeting as a session of the landing format when its resolved people are exactly a match's
     * mentor and mentee(s): a video session starting at the first join, lasting to the last leave of
     * the match's people, logged by the mentor.
     */
    public static Outcome toSession(Meeting meeting, Directory directory) {
        Map<String, Join> people = meeting.people();
        Set<String> resolved = new LinkedHashSet<>();
        int unresolved = 0;
        for (Join person : people.values()) {
            Optional<String> employee = directory.resolve(person.email(), person.name().replaceFirst(" \\(.*\\)$", ""));
            if (employee.isPresent()) {
                resolved.add(employee.get());
            } else {
                unresolved++;
            }
        }
        long firstLine = meeting.joins().stream().mapToLong(Join::line).min().orElse(1);
        if (people.isEmpty()) {
            return new Outcome(Optional.empty(), firstLine, 0, 0, "no participants");
        }
        ZonedDateTime first = people.values().stream().map(Join::joined).min(ZonedDateTime::compareTo).orElseThrow();
        Optional<Directory.Match> match = directory.matchOf(resolved, first.toLocalDate());
        if (match.isEmpty()) {
            return new Outcome(Optional.empty(), firstLine, people.size(), unresolved,
                    "its people are not exactly one match's mentor and mentees");
        }
        ZonedDateTime last = people.values().stream().map(Join::left).max(ZonedDateTime::compareTo).orElseThrow();
        Map<String, String> session = new LinkedHashMap<>();
        session.put("session_id", "zoom-" + meeting.meetingId() + "-" + first.toInstant().getEpochSecond());
        session.put("match_id", match.get().matchId());
        session.put("started_at", first.toOffsetDateTime().toString());
        session.put("duration_minutes", Long.toString(Math.round(Duration.between(first, last).toSeconds() / 60.0)));
        session.put("channel", "video");
        session.put("mode", "sync");
        session.put("logged_by", match.get().mentor());
        return new Outcome(Optional.of(session), firstLine, people.size(), unresolved, null);
    }
}
