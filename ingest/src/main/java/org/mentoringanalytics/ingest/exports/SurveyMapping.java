package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * How a survey tool's export maps onto the landing format: {@code surveys/mappings/<survey>.csv}
 * beside the export, one row per answer column with
 * {@code source_column,question_id,survey_type,program_id,role,labels}. {@code labels} turns answer
 * texts into scores ({@code Strongly disagree=1;Disagree=2;...}); empty when the export holds
 * numbers. Survey type, program and role are the same on every row of a mapping.
 */
public record SurveyMapping(String surveyId, String surveyType, String programId, String role, Map<String, Column> columns) {

    /** One answer column: the question it is and how its texts read as scores. */
    public record Column(String questionId, Map<String, Integer> labels) {

        /** The score of an answer; null when blank; throws naming the answer when it cannot be read. */
        Integer score(String answer) {
            String text = answer == null ? "" : answer.trim();
            if (text.isEmpty()) {
                return null;
            }
            Integer labelled = labels.get(text.toLowerCase(Locale.ROOT));
            if (labelled != null) {
                return labelled;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("answer '" + text + "' to " + questionId + " is neither a number nor a mapped label");
            }
        }
    }

    /** The mapping for an export file named {@code <survey>.csv}. */
    public static SurveyMapping of(Path landing, Path export) throws IOException {
        String survey = export.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        Path file = landing.resolve("surveys/mappings").resolve(survey + ".csv");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no mapping for survey '" + survey + "': add surveys/mappings/" + survey
                    + ".csv (source_column,question_id,survey_type,program_id,role,labels)");
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        String type = null;
        String program = null;
        String role = null;
        try (Reader reader = LandingText.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            for (String required : List.of("source_column", "question_id", "survey_type", "program_id", "role")) {
                if (!parser.getHeaderNames().contains(required)) {
                    throw new IllegalArgumentException("surveys/mappings/" + survey + ".csv lacks the column " + required);
                }
            }
            for (CSVRecord r : parser) {
                Map<String, Integer> labels = new LinkedHashMap<>();
                String text = r.isMapped("labels") && r.isSet("labels") ? r.get("labels") : "";
                for (String pair : text.split(";")) {
                    if (!pair.isBlank()) {
                        String[] kv = pair.split("=", 2);
                        labels.put(kv[0].trim().toLowerCase(Locale.ROOT), Integer.valueOf(kv[1].trim()));
                    }
                }
                columns.put(r.get("source_column"), new Column(r.get("question_id"), labels));
                type = r.get("survey_type");
                program = r.get("program_id");
                role = r.get("role");
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("surveys/mappings/" + survey + ".csv maps no column");
        }
        return new SurveyMapping(survey, type, program, role, columns);
    }

    /**
     * One survey-response row of the landing format for one answer. An answer that is neither a
     * number nor a mapped label is passed on as it is, for validation to reject with its line.
     */
    public Map<String, String> row(String responseId, String employeeId, String submittedAt, Column column, String answer) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("response_id", responseId);
        values.put("survey_id", surveyId);
        values.put("survey_type", surveyType);
        values.put("program_id", programId);
        values.put("employee_id", employeeId);
        values.put("role", role);
        values.put("submitted_at", submittedAt);
        values.put("question_id", column.questionId());
        try {
            Integer score = column.score(answer);
            values.put("score", score == null ? "" : score.toString());
        } catch (IllegalArgumentException e) {
            values.put("score", answer.trim());
        }
        return values;
    }
}
