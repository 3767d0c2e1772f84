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
 * A Microsoft Teams attendance list in the older format (Participants > Download attendance list):
 * UTF-16 with a byte-order mark, tab-separated despite the {@code .csv} name, columns
 * {@code Full Name, User Action, Timestamp}, one row per Joined or Left event, timestamps like
 * {@code 11/12/2020, 12:27:24} in the organiser's locale. Whether that is day-first or month-first
 * cannot be told from the data, so landing.properties must say ({@code exports.teams.dates}).
 * Teams names people by display name only: they resolve through {@code hr/aliases.csv}.
 */
public final class TeamsAttendanceList {

    /** Day or month first in the export's dates. */
    public enum DateOrder {
        DAY_FIRST("d/M/yyyy, H:mm:ss"), MONTH_FIRST("M/d/yyyy, H:mm:ss");

        private final DateTimeFormatter format;

        DateOrder(String pattern) {
            this.format = DateTimeFormatter.ofPattern(pattern);
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
        if (lines.isEmpty() || !lines.get(0).replace("\uFEFF", "").startsWith("Full Name\tUser Action\tTimestamp")) {
            throw new IllegalArgumentException("not a Teams attendance list: expected the tab-separated header "
                    + "'Full Name, User Action, Timestamp' on line 1");
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
                at = LocalDateTime.parse(cells[2].trim(), order.format).atZone(zone);
            } catch (DateTimeParseException e) {
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
        String meetingId = file.getFileName().toString().replaceFirst("\\.csv$", "");
        return new Meetings.Meeting(meetingId, joins, problems);
    }
}
