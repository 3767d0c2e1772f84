package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.ingest.IngestRun.PSEUDONYMIZER;
import static org.mentoringanalytics.ingest.IngestRun.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

class IngestJobTest {

    @TempDir
    Path dir;

    @Test
    void writesStagingTablesWithPseudonymsAndKeepsCommentsApart() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");

        IngestResult result = IngestRun.run(landing, warehouse);

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        List<GenericRecord> employees = read(warehouse, Tables.STG_EMPLOYEES);
        assertThat(employees).hasSize(4);
        GenericRecord e1 = employees.stream()
                .filter(r -> r.get("employee_key").toString().equals(PSEUDONYMIZER.pseudonym("E1"))).findFirst().orElseThrow();
        assertThat(e1.get("hire_date")).isEqualTo(LocalDate.of(2020, 1, 6));
        assertThat(e1.get("termination_type").toString()).isEqualTo("voluntary");
        assertThat(e1.get("manager_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E3"));
        assertThat(e1.getSchema().getField("email")).isNull();

        GenericRecord s1 = read(warehouse, Tables.STG_SESSIONS).stream()
                .filter(r -> r.get("session_id").toString().equals("S1")).findFirst().orElseThrow();
        // 2026-03-02T10:00:00+01:00 is 09:00 UTC.
        assertThat(s1.get("started_at")).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(s1.get("logged_by_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E2"));

        GenericRecord response = read(warehouse, Tables.STG_SURVEY_RESPONSES).get(0);
        assertThat(response.getSchema().getField("comment")).isNull();
        List<GenericRecord> comments = read(warehouse, Tables.RESTRICTED_SURVEY_COMMENTS);
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("comment").toString()).isEqualTo("Private words");
        assertThat(comments.get(0).getSchema().getField("employee_key")).isNull();
        assertThat(warehouse.resolve("restricted/restricted_survey_comments")).isDirectory();
    }

    @Test
    void recordsEveryFileAndRunInTheDataQualityTables() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        IngestResult result = IngestRun.run(landing, warehouse);

        List<GenericRecord> files = read(warehouse, Tables.STG_INGEST_FILES);
        assertThat(files).hasSize(9);
        GenericRecord sessions = files.stream().filter(r -> r.get("file").toString().equals("sessions/sessions-2026.csv"))
                .findFirst().orElseThrow();
        assertThat(sessions.get("rows_read")).isEqualTo(2L);
        assertThat(sessions.get("rows_written")).isEqualTo(2L);
        assertThat(sessions.get("run_id")).isEqualTo(result.runId());
        List<GenericRecord> runs = read(warehouse, Tables.STG_INGEST_RUNS);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("files_loaded")).isEqualTo(9L);
        assertThat(runs.get(0).get("rows_written")).isEqualTo(14L);
    }

    @Test
    void aSecondRunOnTheSameLandingChangesNothing() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        IngestRun.run(landing, warehouse);
        List<String> before = listing(warehouse.resolve("staging"));

        IngestResult second = IngestRun.run(landing, warehouse);

        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.NOTHING_NEW);
        assertThat(second.files()).allMatch(f -> f.status().equals("skipped"));
        assertThat(listing(warehouse.resolve("staging"))).isEqualTo(before);
    }

    @Test
    void aNewFileIsAddedAndAChangedFileSupersedesByKey() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        IngestRun.run(landing, warehouse);

        Files.writeString(landing.resolve("sessions/sessions-2026-q3.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S3,M1,2026-07-02T10:00:00Z,50,phone,sync,E2
                """);
        // The 2026 export is re-issued with S1 corrected from 45 to 40 minutes.
        Files.writeString(landing.resolve("sessions/sessions-2026.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                S1,M1,2026-03-02T10:00:00+01:00,40,video,sync,E2
                S2,M1,2026-03-20T10:00:00Z,0,chat,async,E1
                """);
        IngestResult second = IngestRun.run(landing, warehouse);

        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(IngestRun.file(second, "sessions/sessions-2026.csv").superseding()).isEqualTo(2);
        assertThat(IngestRun.file(second, "sessions/sessions-2026-q3.csv").written()).isEqualTo(1);
        assertThat(IngestRun.file(second, "hr/employees.csv").status()).isEqualTo("skipped");
        List<GenericRecord> sessions = read(warehouse, Tables.STG_SESSIONS);
        assertThat(sessions).extracting(r -> r.get("session_id").toString()).containsExactlyInAnyOrder("S1", "S2", "S3");
        assertThat(sessions).filteredOn(r -> r.get("session_id").toString().equals("S1"))
                .extracting(r -> r.get("duration_minutes")).containsExactly(40);
        assertThat(read(warehouse, Tables.STG_INGEST_RUNS)).hasSize(2);
    }

    @Test
    void aFloodOfBadRowsStopsTheRunAndPublishesNothing() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("sessions/broken-export.csv"), """
                session_id,match_id,started_at,duration_minutes,channel,mode,logged_by
                X1,M1,2026-03-02T10:00:00Z,30,fax,sync,E1
                X2,M1,2026-03-02T10:00:00Z,30,fax,sync,E1
                X3,M1,2026-03-02T10:00:00Z,30,fax,sync,E1
                """);
        Path warehouse = dir.resolve("warehouse");

        IngestResult result = IngestRun.run(landing, warehouse, new IngestSettings(100, 2));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.FAILED);
        assertThat(result.error()).contains("sessions/broken-export.csv: more than 2 rows rejected");
        assertThat(warehouse.resolve("staging/stg_sessions")).doesNotExist();
        assertThat(warehouse.resolve("staging/stg_employees")).doesNotExist();

        // Fixing the export and running again starts afresh from the new content and completes.
        Files.delete(landing.resolve("sessions/broken-export.csv"));
        IngestResult fixed = IngestRun.run(landing, warehouse, new IngestSettings(100, 2));
        assertThat(fixed.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(read(warehouse, Tables.STG_SESSIONS)).hasSize(2);
    }

    @Test
    void aResumedRunReportsWhatTheWholeLogicalRunDid() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("sessions/wrong-header.csv"), "id,when\nS9,2026-03-02\n");
        Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
        // A file where the staging folder belongs: the run reads everything, then cannot publish.
        Files.writeString(warehouse.resolve("staging"), "in the way");

        IngestResult stopped = IngestRun.run(landing, warehouse);
        assertThat(stopped.outcome()).isEqualTo(IngestResult.Outcome.FAILED);

        Files.delete(warehouse.resolve("staging"));
        IngestResult resumed = IngestRun.run(landing, warehouse);

        assertThat(resumed.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(resumed.resumedRunId()).isEqualTo(stopped.runId());
        assertThat(resumed.runId()).isGreaterThan(stopped.runId());
        // Each file once, as the resumed run handled it: nothing "ingested before".
        assertThat(resumed.files()).extracting(IngestResult.FileOutcome::status).doesNotContain("skipped");
        assertThat(resumed.files()).filteredOn(f -> !f.status().equals("ignored"))
                .extracting(IngestResult.FileOutcome::file).doesNotHaveDuplicates();
        assertThat(IngestRun.file(resumed, "sessions/sessions-2026.csv").status()).isEqualTo("loaded");
        assertThat(resumed.rejectedWhole()).extracting(IngestResult.FileOutcome::file)
                .containsExactly("sessions/wrong-header.csv");
        assertThat(resumed.totalRejected()).isEqualTo(IngestRun.run(landing, dir.resolve("uninterrupted")).totalRejected());
        assertThat(resumed.rejectsFolders()).first().isEqualTo(stopped.rejectsFolder());
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }
}
