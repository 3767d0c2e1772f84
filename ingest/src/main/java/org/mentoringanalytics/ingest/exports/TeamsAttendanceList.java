package org.mentoringanalytics.ingest.exports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Microsoft Teams attendance report, in the newer sectioned format (see {@link #sectioned}) or
 * the older attendance list (Participants > Download attendance list):
 * UTF-16 with a byte-order mark, tab-separated despite the {@code .csv} name, columns
 * {@code Full Name, User Action, Timestamp}, one row per Joined or Left event, timestamps like
 * {@code 11/12/2020, 12:27:24} in the organiser's locale. Whether that is day-first or month-first
 * cannot be told from the data, so landing.properties must say ({@code exports.teams.dates}).
 * Teams names people by display name only: they resolve through {@code hr/aliases.csv}.
 */
public final class TeamsAttendanceList {

    /** Day or month first in the export's dates. */
    public enum DateOrder {
        // 24-hour or 12-hour clock, as the organiser's locale writes it.
        DAY_FIRST("d/M/yyyy, [h:mm:ss a][H:mm:ss]"), MONTH_FIRST("M/d/yyyy, [h:mm:ss a][H:mm:ss]");

        private final DateTimeFormatter format;

        DateOrder(String pattern) {
            this.format = DateTimeFormatter.ofPattern(pattern, java.util.Locale.US);
        }

        /** From landing.properties: {@code day-first} or {@code month-first}. */
        public static DateOrder of(String setting) {
            if (setting == null) {
                throw new IllegalArgumentException("Teams attendance dates are ambiguous (11/12/2020): set exports.teams.dates "
                        + "to day-first or month-first in landing.properties");
            }
            return switch (setting.trim()) {
                case "day-first" -> DAY_FIRST;
                case "month-first" -> MONTH_FIRST;
                default -> throw new IllegalArgumentException("exports.teams.dates must be day-first or month-first, not '"
                        + setting + "'");
            };
        }
    }

    private TeamsAttendanceList() {
    }

    public static Meetings.Meeting read(Path file, ZoneId zone, DateOrder order) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean utf16 = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        String meetingId = file.getFileName().toString().replaceFirst("\\.csv$", "");
        if (!lines.isEmpty() && lines.get(0).replace("\uFEFF", "").trim().startsWith("1. Summary")) {
            return sectioned(lines, meetingId, zone, order);
        }
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").startsWith("Full Name\tUser Action\tTimestamp")) {
            throw new IllegalArgumentException("not a Teams attendance report: expected the tab-separated header "
                    + "'Full Name, User Action, Timestamp' or the section '1. Summary' on line 1");
        }
        List<String> problems = new ArrayList<>();
        Map<String, ZonedDateTime> open = new LinkedHashMap<>();
        Map<String, Long> openLine = new LinkedHashMap<>();
        List<Meetings.Join> joins = new ArrayList<>();
        ZonedDateTime last = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            long line = i + 1;
            if (cells.length < 3) {
                problems.add("line " + line + ": expected 3 tab-separated fields");
                continue;
            }
            ZonedDateTime at;
            try {
                // Events are listed in time order: a reading the clocks gave twice is the one not before the last event.
                at = WallClock.at(LocalDateTime.parse(cells[2].trim(), order.format), zone, last);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add("line " + line + ": " + e.getMessage());
                continue;
            }
            last = last == null || at.isAfter(last) ? at : last;
            String name = cells[0].trim();
            switch (cells[1].trim()) {
                case "Joined" -> {
                    open.putIfAbsent(name, at);
                    openLine.putIfAbsent(name, line);
                }
                case "Left" -> {
                    ZonedDateTime joined = open.remove(name);
                    Long from = openLine.remove(name);
                    if (joined != null) {
                        joins.add(new Meetings.Join(name, "", joined, at, from));
                    }
                }
                default -> problems.add("line " + line + ": unknown action '" + cells[1].trim() + "'");
            }
        }
        // Still in the meeting when the list was downloaded: present until the last event.
        for (Map.Entry<String, ZonedDateTime> e : open.entrySet()) {
            joins.add(new Meetings.Join(e.getKey(), "", e.getValue(), last, openLine.get(e.getKey())));
        }
        joins.sort(java.util.Comparator.comparingLong(Meetings.Join::line));
        return new Meetings.Meeting(meetingId, joins, problems);
    }

    /**
     * The newer sectioned report: {@code 1. Summary}, then {@code 2. Participants} with a header row
     * (Name, First Join, Last Leave, In-Meeting Duration, Email, Participant ID (UPN), Role) and one
     * row per person, then {@code 3. In-Meeting Activities}. People are taken with their email.
     */
    private static Meetings.Meeting sectioned(List<String> lines, String meetingId, ZoneId zone, DateOrder order) {
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("2. Participants")) {
                header = i + 1;
                break;
            }
        }
        if (header < 0 || header >= lines.size()) {
            throw new IllegalArgumentException("the Teams report has no '2. Participants' section");
        }
        List<String> columns = List.of(lines.get(header).split("\t", -1)).stream().map(String::trim).toList();
        int name = columns.indexOf("Name");
        int first = columns.indexOf("First Join");
        int last = columns.indexOf("Last Leave");
        int email = columns.indexOf("Email");
        if (name < 0 || first < 0 || last < 0) {
            throw new IllegalArgumentException("the '2. Participants' section lacks Name, First Join or Last Leave (found "
                    + columns + ")");
        }
        List<Meetings.Join> joins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank() || text.trim().matches("\\d+\\. .*")) {
                break;
            }
            String[] cells = text.split("\t", -1);
            long line = i + 1;
            try {
                ZonedDateTime[] span = WallClock.span(LocalDateTime.parse(cells[first].trim(), order.format),
                        LocalDateTime.parse(cells[last].trim(), order.format), null, zone);
                joins.add(new Meetings.Join(cells[name].trim(), email >= 0 && email < cells.length ? cells[email].trim() : "",
                        span[0], span[1], line));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                problems.add("line " + line + ": " + e.getMessage());
            }
        }
        return new Meetings.Meeting(meetingId, joins, problems);
    }
}
