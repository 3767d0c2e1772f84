package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * A Qualtrics response export (Data & Analysis > Export > CSV), in the current layout with three
 * header rows (column IDs, question texts, {@code {"ImportId":...}}) or the older one with two
 * (V1..Vn and Q ids, then names). Each response becomes one survey-response row per mapped
 * question ({@link SurveyMapping}). Preview and test responses are dropped; a respondent whose
 * email does not resolve to an employee is skipped and counted, never guessed. Free-text columns
 * are not mapped, so their text is never read into anything.
 */
public final class QualtricsResponses {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Set<String> NOT_REAL = Set.of("survey preview", "1", "survey test", "2", "spam", "8", "preview spam", "16");

    /** The rows and what was left out. */
    public record Result(List<Exports.Row> rows, int responses, int previews, int unresolved) {
    }

    private QualtricsResponses() {
    }

    public static Result read(Path file, SurveyMapping mapping, Directory directory, ZoneId zone) throws IOException {
        List<CSVRecord> records;
        try (Reader reader = LandingText.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get()) {
            records = parser.getRecords();
        }
        if (records.size() < 2) {
            throw new IllegalArgumentException("not a Qualtrics export: fewer than two header rows");
        }
        boolean current = records.size() >= 3 && records.get(2).size() > 0 && records.get(2).get(0).startsWith("{\"ImportId\"");
        List<String> ids = records.get(0).toList();
        List<String> names = records.get(1).toList();
        int firstData = current ? 3 : 2;
        // Standard fields: by ID in the current layout, by the second row's name in the older one.
        List<String> fieldNames = current ? ids : names;
        int responseId = indexOf(fieldNames, "ResponseId", "ResponseID");
        int email = indexOf(fieldNames, "RecipientEmail", "EmailAddress");
        int status = indexOf(fieldNames, "Status");
        int end = indexOf(fieldNames, "EndDate", "RecordedDate");
        if (responseId < 0 || end < 0) {
            throw new IllegalArgumentException("not a Qualtrics export: no ResponseId and EndDate columns in the header rows");
        }
        Map<Integer, SurveyMapping.Column> answers = new LinkedHashMap<>();
        mapping.columns().forEach((source, column) -> {
            int index = ids.indexOf(source);
            if (index < 0) {
                throw new IllegalArgumentException("mapped column '" + source + "' is not in the export (columns " + ids + ")");
            }
            answers.put(index, column);
        });
        List<Exports.Row> rows = new ArrayList<>();
        int responses = 0;
        int previews = 0;
        int unresolved = 0;
        for (int i = firstData; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            // Every record is one line in these exports (header rows included), so its number is its line.
            long line = r.getRecordNumber();
            if (status >= 0 && status < r.size() && NOT_REAL.contains(r.get(status).trim().toLowerCase(java.util.Locale.ROOT))) {
                previews++;
                continue;
            }
            responses++;
            Optional<String> employee = email >= 0 && email < r.size() ? directory.resolve(r.get(email), null) : Optional.empty();
            if (employee.isEmpty()) {
                unresolved++;
                continue;
            }
            String submitted;
            try {
                submitted = LocalDateTime.parse(r.get(end).trim(), TIME).atZone(zone).toOffsetDateTime().toString();
            } catch (DateTimeParseException e) {
                submitted = r.get(end).trim();
            }
            for (Map.Entry<Integer, SurveyMapping.Column> answer : answers.entrySet()) {
                String text = answer.getKey() < r.size() ? r.get(answer.getKey()) : "";
                rows.add(new Exports.Row(line, mapping.row(r.get(responseId), employee.get(), submitted, answer.getValue(), text)));
            }
        }
        return new Result(rows, responses, previews, unresolved);
    }

    private static int indexOf(List<String> names, String... candidates) {
        for (String candidate : candidates) {
            int i = names.indexOf(candidate);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Qualtrics response exports or Google Forms sheets, each with its mapping, into survey responses. */
    static final class Export extends CsvExportReader {

        Export(String folder) {
            super(folder, "survey_responses");
        }

        private Result read(Path landing, Path file) throws IOException {
            if (folder().equals(Exports.GOOGLE_FORMS)) {
                return GoogleFormsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing),
                        Exports.zone(landing),
                        GoogleFormsResponses.format(Exports.settings(landing).getProperty("exports.googleforms.dates")));
            }
            return QualtricsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing), Exports.zone(landing));
        }

        @Override
        public Exports.Check check(Path landing, Path file) throws IOException {
            Result result = read(landing, file);
            return new Exports.Check(null, tool() + ": " + result.responses() + " response(s), " + result.rows().size()
                    + " answer row(s), " + result.previews() + " preview or test response(s) dropped, "
                    + result.unresolved() + " respondent(s) unresolved and skipped");
        }

        @Override
        public List<Exports.Row> rows(Path landing, Path file) throws IOException {
            return read(landing, file).rows();
        }
    }
}
