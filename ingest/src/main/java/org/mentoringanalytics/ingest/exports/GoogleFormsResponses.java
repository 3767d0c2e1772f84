package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * A Google Forms response sheet downloaded as CSV (Responses > Download responses): {@code Timestamp},
 * optional {@code Email Address} (when the form collects emails), then one column per question
 * title, grid questions as {@code Question [Row]}. Columns map to questions through the same
 * {@link SurveyMapping}, keyed by the column title. The timestamp's day/month order follows the
 * form owner's locale and must be given ({@code exports.googleforms.dates} in landing.properties).
 * Google Forms has no response ID: it is derived from the timestamp and the email, so the same
 * response keeps its ID across downloads.
 */
public final class GoogleFormsResponses {

    private GoogleFormsResponses() {
    }

    /** Day or month first in the Timestamp column; seconds and a 12- or 24-hour clock are both read. */
    static DateTimeFormatter format(String setting) {
        if (setting == null) {
            throw new IllegalArgumentException("Google Forms timestamps depend on the form owner's locale: set "
                    + "exports.googleforms.dates to day-first or month-first in landing.properties");
        }
        String date = switch (setting.trim()) {
            case "day-first" -> "d/M/yyyy";
            case "month-first" -> "M/d/yyyy";
            default -> throw new IllegalArgumentException("exports.googleforms.dates must be day-first or month-first, not '"
                    + setting + "'");
        };
        return DateTimeFormatter.ofPattern(date + " [h:mm:ss a][H:mm:ss]", Locale.US);
    }

    public static QualtricsResponses.Result read(Path file, SurveyMapping mapping, Directory directory, ZoneId zone,
                                                 DateTimeFormatter timestamps) throws IOException {
        List<Exports.Row> rows = new ArrayList<>();
        int responses = 0;
        int unresolved = 0;
        try (Reader reader = LandingText.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("Timestamp")) {
                throw new IllegalArgumentException("not a Google Forms response sheet: no 'Timestamp' column");
            }
            for (String source : mapping.columns().keySet()) {
                if (!header.contains(source)) {
                    throw new IllegalArgumentException("mapped column '" + source + "' is not in the sheet (columns " + header + ")");
                }
            }
            for (CSVRecord r : parser) {
                responses++;
                long line = parser.getCurrentLineNumber();
                String email = r.isMapped("Email Address") ? r.get("Email Address") : "";
                Optional<String> employee = directory.resolve(email, null);
                if (employee.isEmpty()) {
                    unresolved++;
                    continue;
                }
                String submitted;
                try {
                    submitted = LocalDateTime.parse(r.get("Timestamp").trim(), timestamps).atZone(zone).toOffsetDateTime().toString();
                } catch (DateTimeParseException e) {
                    // Left for validation to reject with this line.
                    submitted = r.get("Timestamp").trim();
                }
                String responseId = "gforms-" + digest(r.get("Timestamp") + "\t" + email.toLowerCase(Locale.ROOT));
                for (Map.Entry<String, SurveyMapping.Column> answer : mapping.columns().entrySet()) {
                    rows.add(new Exports.Row(line, mapping.row(responseId, employee.get(), submitted, answer.getValue(),
                            r.get(answer.getKey()))));
                }
            }
        }
        return new QualtricsResponses.Result(rows, responses, 0, unresolved);
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
