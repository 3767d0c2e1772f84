package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meetings read from a video tool's attendance export, whatever the tool, and how one becomes a
 * session of a match.
 */
public final class Meetings {

    private Meetings() {
    }

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

    /**
     * The meeting as a session of the landing format when its resolved people are exactly a match's
     * mentor and mentee(s): a video session from the first join to the last leave of the match's own
     * people (guests who resolve to nobody do not move it), logged by the mentor.
     */
    public static Outcome toSession(Meeting meeting, Directory directory, String tool) {
        Map<String, Join> people = meeting.people();
        Map<Join, String> employees = new LinkedHashMap<>();
        int unresolved = 0;
        for (Join person : people.values()) {
            Optional<String> employee = directory.resolve(person.email(), person.name().replaceFirst(" \\(.*\\)$", ""));
            if (employee.isPresent()) {
                employees.put(person, employee.get());
            } else {
                unresolved++;
            }
        }
        long firstLine = meeting.joins().stream().mapToLong(Join::line).min().orElse(1);
        if (people.isEmpty()) {
            return new Outcome(Optional.empty(), firstLine, 0, 0, "no participants");
        }
        if (employees.isEmpty()) {
            return new Outcome(Optional.empty(), firstLine, people.size(), unresolved, "nobody in it is a known employee");
        }
        ZonedDateTime firstResolved = employees.keySet().stream().map(Join::joined).min(ZonedDateTime::compareTo).orElseThrow();
        Optional<Directory.Match> match = directory.matchOf(new LinkedHashSet<>(employees.values()), firstResolved.toLocalDate());
        if (match.isEmpty()) {
            return new Outcome(Optional.empty(), firstLine, people.size(), unresolved,
                    "its people are not exactly one match's mentor and mentees");
        }
        // The match's own people set the session's time: a guest in the waiting room early, or a
        // colleague who stays on, does not lengthen the pair's meeting.
        Set<String> members = new LinkedHashSet<>(match.get().mentees());
        members.add(match.get().mentor());
        List<Join> own = employees.entrySet().stream().filter(e -> members.contains(e.getValue())).map(Map.Entry::getKey).toList();
        ZonedDateTime first = own.stream().map(Join::joined).min(ZonedDateTime::compareTo).orElseThrow();
        ZonedDateTime last = own.stream().map(Join::left).max(ZonedDateTime::compareTo).orElseThrow();
        long line = own.stream().mapToLong(Join::line).min().orElse(firstLine);
        Map<String, String> session = new LinkedHashMap<>();
        session.put("session_id", tool + "-" + meeting.meetingId() + "-" + first.toInstant().getEpochSecond());
        session.put("match_id", match.get().matchId());
        session.put("started_at", first.toOffsetDateTime().toString());
        session.put("duration_minutes", Long.toString(Math.round(Duration.between(first, last).toSeconds() / 60.0)));
        session.put("channel", "video");
        session.put("mode", "sync");
        session.put("logged_by", match.get().mentor());
        return new Outcome(Optional.of(session), line, people.size(), unresolved, null);
    }

    /** Zoom participant reports or Teams attendance lists: one meeting per file, into at most one session. */
    static final class Export extends CsvExportReader {

        Export(String folder) {
            super(folder, "sessions");
        }

        private Meeting read(Path landing, Path file) throws IOException {
            if (folder().equals(Exports.TEAMS)) {
                return TeamsAttendanceList.read(file, Exports.zone(landing),
                        TeamsAttendanceList.DateOrder.of(Exports.settings(landing).getProperty("exports.teams.dates")));
            }
            return ZoomParticipantReport.read(file, Exports.zone(landing));
        }

        @Override
        public Exports.Check check(Path landing, Path file) throws IOException {
            Meeting meeting = read(landing, file);
            Outcome outcome = toSession(meeting, Directory.of(landing), tool());
            StringBuilder summary = new StringBuilder(tool() + " meeting " + meeting.meetingId() + ": " + outcome.people()
                    + " people, " + outcome.unresolved() + " unresolved");
            summary.append(outcome.session().isPresent() ? "; 1 session of match " + outcome.session().get().get("match_id")
                    : "; skipped: " + outcome.skipped());
            if (!meeting.problems().isEmpty()) {
                summary.append("; unreadable rows: ").append(String.join(", ", meeting.problems()));
            }
            return new Exports.Check(null, summary.toString());
        }

        @Override
        public List<Exports.Row> rows(Path landing, Path file) throws IOException {
            Outcome outcome = toSession(read(landing, file), Directory.of(landing), tool());
            return outcome.session().map(s -> List.of(new Exports.Row(outcome.line(), s))).orElse(List.of());
        }
    }
}
