package org.mentoringanalytics.ingest.exports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * A Zoom participant report (Reports > Usage > Participants, "Export with meeting data" or not):
 * one meeting per file. With the meeting block, the file starts with {@code Meeting ID, Topic,
 * Start Time, ...}, a meeting row and a blank line; then {@code Name (Original Name), User Email,
 * Join Time, Leave Time, Duration (Minutes), Guest [, Recording Consent]}, one row per join, so a
 * reconnect is a second row for the same person. Times are 12-hour US ({@code 11/19/2021 09:54:15 AM})
 * in the Zoom account's time zone, given explicitly (landing.properties {@code exports.timezone});
 * a time read twice at the autumn change is placed by {@link WallClock}, with the row's own duration.
 */
public final class ZoomParticipantReport {

    static final List<String> REQUIRED = List.of("Name (Original Name)", "User Email", "Join Time", "Leave Time");
    private static final String DURATION = "Duration (Minutes)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private ZoomParticipantReport() {
    }

    /** Reads the report; throws {@link IllegalArgumentException} when it is not a Zoom participant report. */
    public static Meetings.Meeting read(Path file, ZoneId zone) throws IOException {
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(LandingText.reader(file))) {
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
        List<Meetings.Join> joins = new ArrayList<>();
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
                    ZonedDateTime[] span = WallClock.span(LocalDateTime.parse(r.get("Join Time"), TIME),
                            LocalDateTime.parse(r.get("Leave Time"), TIME), minutes(r), zone);
                    joins.add(new Meetings.Join(r.get("Name (Original Name)"), r.get("User Email"), span[0], span[1], line));
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    problems.add("line " + line + ": " + e.getMessage());
                }
            }
        }
        return new Meetings.Meeting(meetingId, joins, problems);
    }

    /** Zoom's own length of the join, in whole minutes, when the report has the column and the row a number. */
    private static Integer minutes(CSVRecord r) {
        if (!r.isMapped(DURATION) || !r.isSet(DURATION) || !r.get(DURATION).matches("\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(r.get(DURATION));
    }
}
