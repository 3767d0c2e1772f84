package org.mentoringanalytics.ingest;

import java.util.List;
import java.util.Map;
import org.mentoringanalytics.contracts.Tables;

/**
 * The landing format (docs/landing-format.md) as data: which files feed which staging table.
 * Ordered so that referenced entities come before the entities that reference them.
 */
public final class LandingSources {

    public static final List<LandingSource> ALL = List.of(
            new LandingSource("employees", "hr", "employees.csv", Tables.STG_EMPLOYEES,
                    Map.of("employee_key", "employee_id", "manager_key", "manager_id"), List.of("email")),
            new LandingSource("job_changes", "hr", "job_changes.csv", Tables.STG_JOB_CHANGES,
                    Map.of("employee_key", "employee_id"), List.of()),
            new LandingSource("programs", "programs", "programs.csv", Tables.STG_PROGRAMS, Map.of(), List.of()),
            new LandingSource("enrollments", "programs", "enrollments.csv", Tables.STG_ENROLLMENTS,
                    Map.of("employee_key", "employee_id"), List.of()),
            new LandingSource("matches", "programs", "matches.csv", Tables.STG_MATCHES,
                    Map.of("mentor_key", "mentor_id", "mentee_key", "mentee_id"), List.of()),
            new LandingSource("goals", "programs", "goals.csv", Tables.STG_GOALS, Map.of(), List.of()),
            new LandingSource("sessions", "sessions", "*.csv", Tables.STG_SESSIONS,
                    Map.of("logged_by_key", "logged_by"), List.of()),
            new LandingSource("survey_questions", "surveys", "questions.csv", Tables.STG_SURVEY_QUESTIONS,
                    Map.of(), List.of()),
            new LandingSource("survey_responses", "surveys", "responses*.csv", Tables.STG_SURVEY_RESPONSES,
                    Map.of("employee_key", "employee_id"), List.of("comment")));

    private LandingSources() {
    }
}
