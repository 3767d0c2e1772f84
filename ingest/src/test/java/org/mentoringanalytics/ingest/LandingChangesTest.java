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
}
