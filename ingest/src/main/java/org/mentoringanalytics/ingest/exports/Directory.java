package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * Who is who, for exports that name people by email, display name or tool user ID: the HR
 * employees' emails ({@code hr/employees.csv} or an HR system's report), then optional aliases ({@code hr/aliases.csv}:
 * alias, employee_id) for names and tool IDs; and the matches ({@code programs/matches.csv}) a
 * meeting's people can belong to. Read from the same landing folder, with raw identifiers: they are
 * pseudonymized later, with every other landing row. Nobody is guessed: what does not resolve stays
 * unresolved and is counted.
 */
public final class Directory {

    /** A match: its mentor and mentees, and the days it was live. */
    public record Match(String matchId, String mentor, Set<String> mentees, LocalDate from, LocalDate to) {

        boolean liveOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, Match> matches = new LinkedHashMap<>();

    private Directory() {
    }

    /** Reads the directory from a landing folder; missing files give an empty directory. */
    public static Directory of(Path landing) throws IOException {
        Directory directory = new Directory();
        read(landing.resolve("hr/employees.csv"), r -> {
            String email = value(r, "email");
            if (!email.isEmpty()) {
                directory.byKey.put(normal(email), value(r, "employee_id"));
            }
        });
        // Emails from HR systems' reports too, when employees come that way.
        for (Path report : Exports.list(landing, "employees")) {
            try {
                for (Exports.Row row : HrisEmployees.read(landing, report, Exports.tool(report).equals("bamboohr"))) {
                    String email = row.values().getOrDefault("email", "");
                    if (!email.isEmpty()) {
                        directory.byKey.putIfAbsent(normal(email), row.values().get("employee_id"));
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // That report is rejected whole by ingest with its reason; it names nobody.
            }
        }
        read(landing.resolve("hr/aliases.csv"), r -> directory.byKey.putIfAbsent(normal(value(r, "alias")), value(r, "employee_id")));
        Map<String, List<CSVRecord>> rows = new LinkedHashMap<>();
        read(landing.resolve("programs/matches.csv"), r -> rows.computeIfAbsent(value(r, "match_id"), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<CSVRecord>> e : rows.entrySet()) {
            CSVRecord first = e.getValue().get(0);
            Set<String> mentees = new LinkedHashSet<>();
            e.getValue().forEach(r -> mentees.add(value(r, "mentee_id")));
            String ended = value(first, "ended_at");
            try {
                directory.matches.put(e.getKey(), new Match(e.getKey(), value(first, "mentor_id"), mentees,
                        OffsetDateTime.parse(value(first, "matched_at")).toLocalDate(),
                        ended.isEmpty() ? null : OffsetDateTime.parse(ended).toLocalDate()));
            } catch (java.time.format.DateTimeParseException ignored) {
                // A broken match row is rejected by the matches source itself; no meeting can be assigned to it.
            }
        }
        return directory;
    }

    private interface RowAction {
        void accept(CSVRecord record);
    }

    private static void read(Path file, RowAction action) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Reader reader = LandingText.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            for (CSVRecord r : parser) {
                action.accept(r);
            }
        }
    }

    private static String value(CSVRecord record, String name) {
        return record.isMapped(name) && record.isSet(name) ? record.get(name).trim() : "";
    }

    private static String normal(String key) {
        return key.trim().toLowerCase(Locale.ROOT);
    }

    /** The employee an email, a display name or a tool ID stands for: email first, then aliases. */
    public Optional<String> resolve(String email, String name) {
        if (email != null && !email.isBlank() && byKey.containsKey(normal(email))) {
            return Optional.of(byKey.get(normal(email)));
        }
        if (name != null && !name.isBlank() && byKey.containsKey(normal(name))) {
            return Optional.of(byKey.get(normal(name)));
        }
        return Optional.empty();
    }

    /**
     * The one match live on the day whose people are exactly these: its mentor and all its mentees,
     * or in a group match (two or more mentees) all but one mentee. Empty when none or several fit.
     */
    public Optional<Match> matchOf(Set<String> people, LocalDate day) {
        Match found = null;
        for (Match m : matches.values()) {
            if (!m.liveOn(day) || !people.contains(m.mentor())) {
                continue;
            }
            Set<String> others = new LinkedHashSet<>(people);
            others.remove(m.mentor());
            if (!m.mentees().containsAll(others)) {
                continue;
            }
            int missing = m.mentees().size() - others.size();
            boolean fits = missing == 0 || (m.mentees().size() >= 2 && missing == 1);
            if (fits && !others.isEmpty()) {
                if (found != null) {
                    return Optional.empty();
                }
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The one match live on the day whose mentor and at least one mentee are among these people, with
     * nobody from outside it. Empty when none or several fit.
     */
    public Optional<Match> matchWithBothSides(Set<String> people, LocalDate day) {
        Match found = null;
        for (Match m : matches.values()) {
            Set<String> members = new LinkedHashSet<>(m.mentees());
            members.add(m.mentor());
            Set<String> mentees = new LinkedHashSet<>(people);
            mentees.retainAll(m.mentees());
            if (m.liveOn(day) && people.contains(m.mentor()) && !mentees.isEmpty() && members.containsAll(people)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
