package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** Rows that load but deserve a look: each listed with its file, line, field and code, none lost. */
class RowWarningsTest {

    @TempDir
    static Path dir;

    static IngestResult result;

    @BeforeAll
    static void ingest() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("hr/employees.csv"), Files.readString(landing.resolve("hr/employees.csv"))
                + "e2,ben2@example.com,2019-01-01,,,Sales,Paris,L2,,,,\n");
        Files.writeString(landing.resolve("hr/job_changes.csv"), """
                employee_id,effective_date,change_type,from_level,to_level
                E2,2017-04-01,promotion,L3,L4
                E2,2024-04-01,promotion,L4,L5
                """);
        // The program starts 2025-01-01; E1 left on 2025-05-31.
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-10T10:00:00Z,2025-05-31T17:00:00Z,withdrawn
                M2,P1,E3,E4,2024-12-15T10:00:00Z,,
                M3,P1,E3,E1,2025-06-15T10:00:00Z,,
                """);
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2025-01-05T10:00:00Z,45,video,sync,E2
                S2,M1,2025-02-01T10:00:00Z,30,video,sync,E3
                S3,M1,2025-07-01T10:00:00Z,30,video,sync,E2
                S4,M3,2025-07-01T10:00:00Z,30,chat,async,E1
                S5,M1,2025-02-02T10:00:00Z,30,phone,sync,E1
                """);
        result = IngestRun.run(landing, dir.resolve("warehouse"));
    }

    private static List<String> warnings(String source) throws Exception {
        Path file = result.rejectsFolder().resolve("warnings-" + source + ".csv");
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
                    .map(r -> r.get("file") + " " + r.get("line") + " " + r.get("field") + " " + r.get("code")).toList();
        }
    }

    @Test
    void everyWarningIsListedWithItsFileLineFieldAndCode() throws Exception {
        assertThat(warnings("sessions")).containsExactlyInAnyOrder(
                "sessions/sessions-2026.csv 2 started_at session_before_match",
                "sessions/sessions-2026.csv 3 logged_by logger_outside_match",
                "sessions/sessions-2026.csv 4 started_at session_after_match",
                "sessions/sessions-2026.csv 5 logged_by logger_after_leaving");
        assertThat(warnings("matches")).containsExactlyInAnyOrder(
                "programs/matches.csv 3 matched_at match_before_program",
                "programs/matches.csv 4 mentee_id match_after_leaving");
        assertThat(warnings("job_changes")).containsExactly("hr/job_changes.csv 2 effective_date change_before_hire");
        assertThat(warnings("employees")).containsExactly("hr/employees.csv 6 employee_id id_case_variant");
    }

    @Test
    void warnedRowsLoadAndAreNotCountedAsRejects() throws Exception {
        assertThat(result.totalRejected()).isZero();
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_SESSIONS)).hasSize(5);
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_MATCHES)).hasSize(3);
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_EMPLOYEES)).hasSize(5);
        assertThat(IngestRun.file(result, "sessions/sessions-2026.csv").message()).isEqualTo("4 rows loaded with a warning "
                + "(logger_after_leaving 1, logger_outside_match 1, session_after_match 1, session_before_match 1), "
                + "listed in warnings-sessions.csv");
    }

    @Test
    void messagesSayWhatWasFound() throws Exception {
        Path file = result.rejectsFolder().resolve("warnings-employees.csv");
        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows.get(0).get("message")).isEqualTo("'e2' differs from 'E2' only in letter case: they load as two people");
        try (Reader in = Files.newBufferedReader(result.rejectsFolder().resolve("warnings-sessions.csv"))) {
            rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).extracting(r -> r.get("message")).contains(
                "the session started at 2025-01-05T10:00:00Z, before its match was made at 2025-01-10T10:00:00Z",
                "logged on 2025-07-01 by someone whose last day was 2025-05-31");
    }
}
