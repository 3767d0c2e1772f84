package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** Landing files removed or cut short between runs are reported; their earlier rows stay in staging. */
class LandingChangesTest {

    @TempDir
    Path dir;

    @Test
    void aRemovedFileAndAShorterVersionAreReportedAndTheirEarlierRowsStay() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(landing.resolve("sessions/extra.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S7,M1,2026-03-03T10:00:00Z,30,video,sync,E1
                S8,M1,2026-03-04T10:00:00Z,30,video,sync,E1
                S9,M1,2026-03-05T10:00:00Z,30,video,sync,E1
                """);
        IngestResult first = IngestRun.run(landing, warehouse);

        Files.delete(landing.resolve("sessions/extra.csv"));
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-03-02T10:00:00+01:00,45,video,sync,E2
                """);
        IngestResult second = IngestRun.run(landing, warehouse);

        assertThat(IngestRun.file(second, "sessions/extra.csv").status()).isEqualTo("removed");
        assertThat(IngestRun.file(second, "sessions/extra.csv").message())
                .isEqualTo("removed from the landing folder since run " + first.runId() + ": its 3 rows stay in staging");
        assertThat(IngestRun.file(second, "sessions/sessions-2026.csv").message())
                // The fixture's 2026 sessions are after its match ended: a warning comes first.
                .isEqualTo("1 row loaded with a warning (session_after_match 1), listed in warnings-sessions.csv; "
                        + "the version loaded in run " + first.runId() + " had 2 rows, this one 1: rows no longer in the file stay in staging");
        assertThat(IngestRun.read(warehouse, Tables.STG_SESSIONS)).extracting(r -> r.get("session_id").toString())
                .containsExactlyInAnyOrder("S1", "S2", "S7", "S8", "S9");
    }

    private static java.util.List<String> changes(Path warehouse) throws Exception {
        return IngestRun.read(warehouse, Tables.STG_INGEST_CHANGES).stream()
                .map(r -> r.get("run_id") + " " + r.get("source") + " " + r.get("file") + " " + r.get("change") + " " + r.get("rows"))
                .sorted().toList();
    }

    @Test
    void aSnapshotsNewVersionIsTheWholeTruthAndWhatItNoLongerHoldsIsRetired() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        Files.writeString(landing.resolve("sessions/extra.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S7,M1,2026-03-03T10:00:00Z,30,video,sync,E1
                """);
        IngestResult first = IngestRun.run(landing, warehouse);
        assertThat(IngestRun.read(warehouse, Tables.STG_EMPLOYEES)).hasSize(4);

        // HR's new extract no longer has E4 and corrects E3's level.
        Files.writeString(landing.resolve("hr/employees.csv"), Files.readString(landing.resolve("hr/employees.csv"))
                .replaceAll("(?m)^E4,.*\n", "").replace("London,L6", "London,L7"));
        IngestResult second = IngestRun.run(landing, warehouse);
        assertThat(IngestRun.read(warehouse, Tables.STG_EMPLOYEES)).extracting(r -> r.get("job_level").toString())
                .containsExactlyInAnyOrder("L2", "L4", "L7");
        assertThat(IngestRun.file(second, "hr/employees.csv").message()).isEqualTo("a snapshot: 1 row of stg_employees no "
                + "longer in the source's files retired, listed in retired-employees.csv");
        assertThat(Files.readAllLines(second.rejectsFolder().resolve("retired-employees.csv")))
                .containsExactly("employee_key", IngestRun.PSEUDONYMIZER.pseudonym("E4"));
        // An append log is not touched by it: the sessions stay as they were.
        assertThat(IngestRun.read(warehouse, Tables.STG_SESSIONS)).hasSize(3);
        assertThat(changes(warehouse)).containsExactly(second.runId() + " employees hr/employees.csv rows_retired 1");

        // A new version with no valid row, or rejected whole, retires nothing: staging keeps the last good one.
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email,hire_date,department,location,job_level\n"
                + "E1,ada@example.com,yesterday,Engineering,London,L2\n");
        IngestResult third = IngestRun.run(landing, warehouse);
        assertThat(IngestRun.rejects(third, "employees")).hasSize(1);
        Files.writeString(landing.resolve("programs/matches.csv"), "match_id,program\nM1,P1\n");
        IngestResult fourth = IngestRun.run(landing, warehouse);
        assertThat(fourth.rejectedWhole()).extracting(IngestResult.FileOutcome::file).containsExactly("programs/matches.csv");
        assertThat(IngestRun.read(warehouse, Tables.STG_EMPLOYEES)).hasSize(3);
        assertThat(IngestRun.read(warehouse, Tables.STG_MATCHES)).hasSize(1);

        // A removed append-log file is one change, recorded once however many runs follow.
        Files.delete(landing.resolve("sessions/extra.csv"));
        IngestResult fifth = IngestRun.run(landing, warehouse);
        assertThat(fifth.outcome()).isEqualTo(IngestResult.Outcome.NOTHING_NEW);
        IngestRun.run(landing, warehouse);
        assertThat(changes(warehouse)).containsExactly(second.runId() + " employees hr/employees.csv rows_retired 1",
                fifth.runId() + " sessions sessions/extra.csv file_removed 1");
        assertThat(IngestRun.read(warehouse, Tables.STG_SESSIONS)).hasSize(3);
        assertThat(first.runId()).isLessThan(second.runId());
    }
}
