package org.mentoringanalytics.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny hand-written landing folder: every source, values chosen to be checked by hand. */
final class LandingFixture {

    private LandingFixture() {
    }

    static Path write(Path landing) throws IOException {
        file(landing, "hr/employees.csv", """
                employee_id,email,hire_date,termination_date,termination_type,department,location,job_level,manager_id,gender,ethnicity,birth_year
                E1,ada@example.com,2020-01-06,2025-05-31,voluntary,Engineering,London,L2,E3,woman,,1990
                E2,ben@example.com,2018-03-01,,,Engineering,Berlin,L4,E3,man,White,1984
                E3,cat@example.com,2012-07-15,,,Engineering,London,L6,,woman,Asian,1975
                E4,dev@example.com,2021-02-01,,,Sales,New York,L1,E3,,,
                """);
        file(landing, "hr/job_changes.csv", """
                employee_id,effective_date,change_type,from_level,to_level
                E2,2024-04-01,promotion,L3,L4
                """);
        file(landing, "programs/programs.csv", """
                program_id,name,program_type,format,start_date,end_date
                P1,Career Compass,career,one_to_one,2025-01-01,
                """);
        file(landing, "programs/enrollments.csv", """
                program_id,employee_id,role,enrolled_at
                P1,E1,mentee,2025-01-02T09:00:00Z
                P1,E2,mentor,2025-01-02T09:30:00Z
                """);
        file(landing, "programs/matches.csv", """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-10T10:00:00Z,2025-05-31T17:00:00Z,withdrawn
                """);
        file(landing, "programs/goals.csv", """
                goal_id,match_id,created_at,category,target_date,status,completed_at
                G1,M1,2025-01-15T10:00:00Z,skill,2025-04-30,completed,2025-04-01T10:00:00Z
                """);
        file(landing, "sessions/sessions-2026.csv", """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-03-02T10:00:00+01:00,45,video,sync,E2
                S2,M1,2026-03-20T10:00:00Z,0,chat,async,E1
                """);
        file(landing, "surveys/questions.csv", """
                question_id,survey_type,construct,scale_min,scale_max,text
                SAT1,mentoring,satisfaction,1,5,"I am satisfied, overall."
                """);
        file(landing, "surveys/responses.csv", """
                response_id,survey_id,survey_type,program_id,employee_id,role,submitted_at,question_id,score,comment
                R1,P1-pulse,pulse,P1,E1,mentee,2025-02-10T12:00:00Z,SAT1,4,Private words
                """);
        return landing;
    }

    private static void file(Path landing, String name, String content) throws IOException {
        Path file = landing.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
