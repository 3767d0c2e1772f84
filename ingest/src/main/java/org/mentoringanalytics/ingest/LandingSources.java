package org.mentoringanalytics.ingest;

import static org.mentoringanalytics.ingest.Rule.notAfterAsOf;
import static org.mentoringanalytics.ingest.Rule.bornBy;
import static org.mentoringanalytics.ingest.Rule.differ;
import static org.mentoringanalytics.ingest.Rule.levelDirection;
import static org.mentoringanalytics.ingest.Rule.notBeforeDay;
import static org.mentoringanalytics.ingest.Rule.setExactlyWhen;
import static org.mentoringanalytics.ingest.Rule.notBefore;
import static org.mentoringanalytics.ingest.Rule.range;
import static org.mentoringanalytics.ingest.Rule.references;
import static org.mentoringanalytics.ingest.Rule.together;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoringanalytics.contracts.Tables;

/**
 * The landing format (docs/landing-format.md) as data: which files feed which staging table and
 * which rules their rows must pass. Ordered so that referenced entities are loaded before the
 * entities that reference them. Snapshots: employees, programs, enrollments, matches, goals and
 * survey questions; append logs: job changes, sessions and survey responses.
 */
public final class LandingSources {

    /** Dates before this are placeholders HR systems write for "unknown" (0001-01-01, 1899-12-31). */
    public static final java.time.LocalDate EARLIEST_DATE = java.time.LocalDate.of(1900, 1, 1);

    /** Youngest plausible employee, in years on the as-of date. */
    public static final int MINIMUM_AGE = 14;

    /** Longest plausible single session, in minutes. */
    public static final int MAX_SESSION_MINUTES = 600;

    public static final List<LandingSource> ALL = List.of(
            new LandingSource("employees", "hr", "employees.csv", Tables.STG_EMPLOYEES,
                    Map.of("employee_key", "employee_id", "manager_key", "manager_id"), List.of("email"),
                    List.of(notAfterAsOf("hire_date"), notAfterAsOf("termination_date"),
                            notBefore("termination_date", "hire_date"), together("termination_date", "termination_type"),
                            notBeforeDay("hire_date", EARLIEST_DATE), range("birth_year", 1900, 2100),
                            bornBy("birth_year", MINIMUM_AGE)),
                    Optional.empty()).asSnapshot(),
            new LandingSource("job_changes", "hr", "job_changes.csv", Tables.STG_JOB_CHANGES,
                    Map.of("employee_key", "employee_id"), List.of(),
                    List.of(notAfterAsOf("effective_date"), notBeforeDay("effective_date", EARLIEST_DATE),
                            levelDirection("change_type", "from_level", "to_level"),
                            references("employee_key", Tables.STG_EMPLOYEES, "employee_key")),
                    Optional.empty()).withCautions(List.of(Caution.changeAfterHire())),
            new LandingSource("programs", "programs", "programs.csv", Tables.STG_PROGRAMS, Map.of(), List.of(),
                    List.of(notBefore("end_date", "start_date")), Optional.empty()).asSnapshot(),
            new LandingSource("enrollments", "programs", "enrollments.csv", Tables.STG_ENROLLMENTS,
                    Map.of("employee_key", "employee_id"), List.of(),
                    List.of(notAfterAsOf("enrolled_at"), references("program_id", Tables.STG_PROGRAMS, "program_id"),
                            references("employee_key", Tables.STG_EMPLOYEES, "employee_key")),
                    Optional.empty()).asSnapshot(),
            new LandingSource("matches", "programs", "matches.csv", Tables.STG_MATCHES,
                    Map.of("mentor_key", "mentor_id", "mentee_key", "mentee_id"), List.of(),
                    List.of(notAfterAsOf("matched_at"), notAfterAsOf("ended_at"), notBefore("ended_at", "matched_at"),
                            differ("mentor_key", "mentee_key", "the mentor and the mentee are the same person"),
                            references("program_id", Tables.STG_PROGRAMS, "program_id"),
                            references("mentor_key", Tables.STG_EMPLOYEES, "employee_key"),
                            references("mentee_key", Tables.STG_EMPLOYEES, "employee_key")),
                    Optional.empty()).withCautions(Caution.matchInItsProgram()).asSnapshot(),
            new LandingSource("goals", "programs", "goals.csv", Tables.STG_GOALS, Map.of(), List.of(),
                    List.of(notAfterAsOf("created_at"), notAfterAsOf("completed_at"),
                            notBefore("completed_at", "created_at"), setExactlyWhen("completed_at", "status", "completed"),
                            references("match_id", Tables.STG_MATCHES, "match_id")),
                    Optional.empty()).asSnapshot(),
            new LandingSource("sessions", "sessions", "*.csv", Tables.STG_SESSIONS,
                    Map.of("logged_by_key", "logged_by"), List.of(),
                    List.of(range("duration_minutes", 0, MAX_SESSION_MINUTES), notAfterAsOf("started_at"),
                            references("match_id", Tables.STG_MATCHES, "match_id"),
                            references("logged_by_key", Tables.STG_EMPLOYEES, "employee_key")),
                    Optional.empty()).withCautions(Caution.sessionInItsMatch()),
            new LandingSource("survey_questions", "surveys", "questions.csv", Tables.STG_SURVEY_QUESTIONS,
                    Map.of(), List.of(),
                    List.of(range("scale_min", 0, 10), range("scale_max", 1, 10), notBefore("scale_max", "scale_min")),
                    Optional.empty()).asSnapshot(),
            new LandingSource("survey_responses", "surveys", "responses*.csv", Tables.STG_SURVEY_RESPONSES,
                    Map.of("employee_key", "employee_id"), List.of("comment"),
                    List.of(notAfterAsOf("submitted_at"), references("program_id", Tables.STG_PROGRAMS, "program_id"),
                            references("employee_key", Tables.STG_EMPLOYEES, "employee_key"),
                            references("question_id", Tables.STG_SURVEY_QUESTIONS, "question_id"),
                            Rule.scoreWithinScale("score", "question_id", Tables.STG_SURVEY_QUESTIONS)),
                    Optional.of(new LandingSource.RestrictedOutput(Tables.RESTRICTED_SURVEY_COMMENTS, "comment"))));

    private LandingSources() {
    }

    public static Optional<LandingSource> byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
