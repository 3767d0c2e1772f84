package org.mentoringanalytics.ingest.exports;

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
     * mentor and mentee(s): a video session starting at the first join, lasting to the last leave of
     * the match's people, logged by the mentor.
     */
    public static Outcome toSession(Meeting meeting, Directory directory, String tool) {
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
        session.put("session_id", tool + "-" + meeting.meetingId() + "-" + first.toInstant().getEpochSecond());
        session.put("match_id", match.get().matchId());
        session.put("started_at", first.toOffsetDateTime().toString());
        session.put("duration_minutes", Long.toString(Math.round(Duration.between(first, last).toSeconds() / 60.0)));
        session.put("channel", "video");
        session.put("mode", "sync");
        session.put("logged_by", match.get().mentor());
        return new Outcome(Optional.of(session), firstLine, people.size(), unresolved, null);
    }
}
