package org.mentoringanalytics.sampledata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a generated organisation as landing-format CSV files (UTF-8, header row, ISO-8601) plus
 * {@code landing.properties} (the extraction date) and {@code ground-truth.properties}.
 */
final class LandingWriter {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private LandingWriter() {
    }

    static void write(GeneratedOrganisation org, GeneratorConfig config, Path landing) throws IOException {
        write(landing.resolve("hr/employees.csv"), org.employees, List.of("employee_id", "email", "hire_date",
                "termination_date", "termination_type", "department", "location", "job_level", "manager_id", "gender",
                "ethnicity", "birth_year"), e -> new Object[]{e.id, e.email, e.hireDate, e.terminationDate,
                e.terminationType, e.department, e.location, e.level, e.managerId, e.gender, e.ethnicity, e.birthYear});
        write(landing.resolve("hr/job_changes.csv"), org.jobChanges, List.of("employee_id", "effective_date",
                "change_type", "from_level", "to_level"), c -> new Object[]{c.employeeId(), c.effectiveDate(),
                c.changeType(), c.fromLevel(), c.toLevel()});
        write(landing.resolve("programs/programs.csv"), org.programs, List.of("program_id", "name", "program_type",
                "format", "start_date", "end_date"), p -> new Object[]{p.id(), p.name(), p.type(), p.format(),
                p.startDate(), p.endDate()});
        write(landing.resolve("programs/enrollments.csv"), org.enrollments, List.of("program_id", "employee_id", "role",
                "enrolled_at"), e -> new Object[]{e.programId(), e.employeeId(), e.role(), e.enrolledAt()});
        write(landing.resolve("programs/matches.csv"), org.matches, List.of("match_id", "program_id", "mentor_id",
                "mentee_id", "matched_at", "ended_at", "end_reason"), m -> new Object[]{m.id, m.programId, m.mentorId,
                m.menteeId, m.matchedAt, m.endedAt, m.endReason});
        write(landing.resolve("programs/goals.csv"), org.goals, List.of("goal_id", "match_id", "created_at", "category",
                "target_date", "status", "completed_at"), g -> new Object[]{g.id(), g.matchId(), g.createdAt(),
                g.category(), g.targetDate(), g.status(), g.completedAt()});
        write(landing.resolve("surveys/questions.csv"), org.questions, List.of("question_id", "survey_type", "construct",
                "scale_min", "scale_max", "text"), q -> new Object[]{q.id(), q.surveyType(), q.construct(),
                q.scaleMin(), q.scaleMax(), q.text()});
        write(landing.resolve("surveys/responses.csv"), org.responses, List.of("response_id", "survey_id",
                "survey_type", "program_id", "employee_id", "role", "submitted_at", "question_id", "score", "comment"),
                r -> new Object[]{r.responseId(), r.surveyId(), r.surveyType(), r.programId(), r.employeeId(), r.role(),
                        r.submittedAt(), r.questionId(), r.score(), r.comment()});
        writeProperties(landing.resolve("landing.properties"), Map.of("as_of", config.asOf().toString()),
                "Extraction date of this landing folder: nothing in it happened later.");
        writeProperties(landing.resolve("ground-truth.properties"), GroundTruth.asProperties(config, org),
                "Effects planted by the sample-data generator.");
    }

    /**
     * Session logs arrive as one export per year, as they would from a logging tool. Sessions are
     * written as they are generated, in generation order within each year's file.
     */
    static final class SessionFiles implements OrganisationGenerator.SessionSink, AutoCloseable {
        private final Path folder;
        private final Map<Integer, CSVPrinter> printers = new java.util.TreeMap<>();

        SessionFiles(Path landing) throws IOException {
            this.folder = landing.resolve("sessions");
            Files.createDirectories(folder);
        }

        @Override
        public void accept(Landing.Session s) throws IOException {
            CSVPrinter printer = printers.get(s.startedAt().getYear());
            if (printer == null) {
                Writer out = Files.newBufferedWriter(folder.resolve("sessions-" + s.startedAt().getYear() + ".csv"),
                        StandardCharsets.UTF_8);
                printer = new CSVPrinter(out, FORMAT.builder().setHeader("session_id", "match_id", "started_at",
                        "duration_minutes", "channel", "mode", "logged_by").get());
                printers.put(s.startedAt().getYear(), printer);
            }
            printer.printRecord(s.id(), s.matchId(), format(s.startedAt()), s.durationMinutes(), s.channel(), s.mode(),
                    format(s.loggedBy()));
        }

        @Override
        public void close() throws IOException {
            for (CSVPrinter printer : printers.values()) {
                printer.close();
            }
        }
    }

    private static <T> void write(Path file, List<T> rows, List<String> header, Function<T, Object[]> values)
            throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, FORMAT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (T row : rows) {
                Object[] cells = values.apply(row);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = format(cells[i]);
                }
                printer.printRecord(cells);
            }
        }
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        return value.toString();
    }

    private static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        values.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
