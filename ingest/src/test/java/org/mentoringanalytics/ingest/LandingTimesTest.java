package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** Dates and local times as real exports write them, read in the landing folder's time zone. */
class LandingTimesTest {

    @TempDir
    Path dir;

    private static Instant micros(Object value) {
        // The Avro reader gives timestamp-micros columns as Instant.
        return value instanceof Instant i ? i : Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS);
    }

    @Test
    void aDateAloneIsTheStartOfThatDayInUtcWhenNoZoneIsSet() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-05,2025-05-31,withdrawn
                """);
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-03-02T10:00:00,45,video,sync,E2
                """);
        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));
        GenericRecord match = IngestRun.read(dir.resolve("warehouse"), Tables.STG_MATCHES).get(0);
        assertThat(micros(match.get("matched_at"))).isEqualTo(Instant.parse("2025-01-05T00:00:00Z"));
        assertThat(micros(match.get("ended_at"))).isEqualTo(Instant.parse("2025-05-31T00:00:00Z"));
        // Without a zone, a local date-time is still refused: its moment is unknown.
        CSVRecord local = IngestRun.rejects(result, "sessions").get(0);
        assertThat(local.get("reason")).isEqualTo("bad_type");
        assertThat(local.get("message")).contains("needs timezone= in landing.properties");
    }

    @Test
    void localTimesAreReadInTheFoldersZoneAndTimesTheClocksSkippedOrShowedTwiceAreRejected() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("landing.properties"), "timezone=Europe/Berlin\n");
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-05,,
                """);
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-03-02T10:00:00,45,video,sync,E2
                S2,M1,2026-03-29T02:30:00,30,video,sync,E2
                S3,M1,2025-10-26T02:30:00,30,video,sync,E2
                S4,M1,2025-10-26T03:30:00,30,video,sync,E2
                S5,M1,2026-03-20T10:00:00Z,0,chat,async,E1
                """);
        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        GenericRecord match = IngestRun.read(dir.resolve("warehouse"), Tables.STG_MATCHES).get(0);
        assertThat(micros(match.get("matched_at"))).isEqualTo(Instant.parse("2025-01-04T23:00:00Z"));
        Map<String, Instant> sessions = IngestRun.read(dir.resolve("warehouse"), Tables.STG_SESSIONS).stream()
                .collect(Collectors.toMap(r -> r.get("session_id").toString(), r -> micros(r.get("started_at"))));
        assertThat(sessions).containsOnly(
                Map.entry("S1", Instant.parse("2026-03-02T09:00:00Z")),     // CET, +01:00
                Map.entry("S4", Instant.parse("2025-10-26T02:30:00Z")),     // after the change back, +01:00
                Map.entry("S5", Instant.parse("2026-03-20T10:00:00Z")));    // an offset given is kept
        assertThat(IngestRun.rejects(result, "sessions")).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("message"))
                .containsExactly(
                        "3 started_at '2026-03-29T02:30:00' does not exist in Europe/Berlin (the clocks skipped it): give its offset",
                        "4 started_at '2025-10-26T02:30:00' happened twice in Europe/Berlin (the clocks went back): give its offset");
    }

    @Test
    void theAsOfDateIsJudgedOnTheRecordsOwnLocalDate() throws Exception {
        // The as-of date is 2026-09-30. 23:30 at -05:00 is 04:30 UTC the next day, but its writer's
        // day is the 30th; 00:30 at +02:00 on 1 October is the 30th in UTC, but the writer's 1st.
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-09-30T23:30:00-05:00,45,video,sync,E2
                S2,M1,2026-10-01T00:30:00+02:00,30,video,sync,E2
                S3,M1,2026-10-01,30,video,sync,E2
                """);
        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_SESSIONS))
                .extracting(r -> r.get("session_id").toString()).containsExactly("S1");
        assertThat(IngestRun.rejects(result, "sessions")).extracting(r -> r.get("line") + " " + r.get("reason") + " " + r.get("message"))
                .containsExactly("3 after_as_of 2026-10-01 is after the as-of date 2026-09-30",
                        "4 after_as_of 2026-10-01 is after the as-of date 2026-09-30");
    }
}
