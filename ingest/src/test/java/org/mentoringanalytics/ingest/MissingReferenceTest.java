package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** A reference table with no rows stops nothing: its dependants are rejected as unknown_reference and the run ends. */
class MissingReferenceTest {

    @TempDir
    Path dir;

    @Test
    void anEmployeesFileRejectedWholeRejectsItsDependantsAndTheRunFinishes() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        // Saved as UTF-16 by a spreadsheet: the whole employees file is rejected.
        String employees = Files.readString(landing.resolve("hr/employees.csv"));
        Files.write(landing.resolve("hr/employees.csv"), ("\uFEFF" + employees).getBytes(StandardCharsets.UTF_16LE));

        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(result.rejectedWhole()).extracting(IngestResult.FileOutcome::file).containsExactly("hr/employees.csv");
        // Every row naming a person is rejected, with the reason the reference is empty.
        List<CSVRecord> matches = IngestRun.rejects(result, "matches");
        assertThat(matches).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactly("2 mentor_id unknown_reference");
        assertThat(matches.get(0).get("message")).contains("no employees are loaded at all");
        assertThat(IngestRun.rejects(result, "enrollments")).hasSize(2).allMatch(r -> r.get("reason").equals("unknown_reference"));
        assertThat(IngestRun.rejects(result, "sessions")).hasSize(2).allMatch(r -> r.get("field").equals("match_id"));
        // What depends on nobody still loads.
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_PROGRAMS)).hasSize(1);
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_SURVEY_QUESTIONS)).hasSize(1);
    }

    @Test
    void aMatchesFileWhoseEveryRowIsRejectedRejectsTheSessionsAndTheRunFinishes() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,yesterday,,
                """);

        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(IngestRun.rejects(result, "matches")).extracting(r -> r.get("field") + " " + r.get("reason"))
                .containsExactly("matched_at bad_type");
        List<CSVRecord> sessions = IngestRun.rejects(result, "sessions");
        assertThat(sessions).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactlyInAnyOrder("2 match_id unknown_reference", "3 match_id unknown_reference");
        assertThat(sessions.get(0).get("message")).contains("no matches are loaded at all");
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_EMPLOYEES)).hasSize(4);
    }
}
