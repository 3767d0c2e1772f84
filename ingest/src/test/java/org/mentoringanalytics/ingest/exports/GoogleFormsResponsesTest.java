package org.mentoringanalytics.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoogleFormsResponsesTest {

    @TempDir
    Path landing;

    @Test
    void titlesAndGridRowsMapToQuestionsAndTheResponseIdIsStable() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("surveys/mappings"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\n");
        Files.writeString(landing.resolve("surveys/mappings/end-2025.csv"), """
                source_column,question_id,survey_type,program_id,role,labels
                How satisfied are you with your mentor?,SAT1,end_of_program,P1,mentee,Not at all=1;Somewhat=3;Very=5
                Rate each [I belong here],BEL1,end_of_program,P1,mentee,
                """);
        Path file = Files.createDirectories(landing.resolve("exports/googleforms")).resolve("end-2025.csv");
        Files.writeString(file, """
                Timestamp,Email Address,How satisfied are you with your mentor?,Rate each [I belong here],Anything else?
                3/1/2025 9:05:00,ada@example.com,Very,4,private words
                3/2/2025 2:10:00 PM,someone@else.org,Somewhat,2,
                """);
        QualtricsResponses.Result result = GoogleFormsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing),
                ZoneId.of("UTC"), GoogleFormsResponses.format("month-first"));
        assertThat(result.responses()).isEqualTo(2);
        assertThat(result.unresolved()).isEqualTo(1);
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).values()).containsEntry("question_id", "SAT1").containsEntry("score", "5")
                .containsEntry("submitted_at", "2025-03-01T09:05Z").containsEntry("employee_id", "E1");
        assertThat(result.rows().get(1).values()).containsEntry("question_id", "BEL1").containsEntry("score", "4");
        assertThat(result.rows().get(0).line()).isEqualTo(2);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.values().values()).doesNotContain("private words"));
        String id = result.rows().get(0).values().get("response_id");
        assertThat(id).startsWith("gforms-").isEqualTo(GoogleFormsResponses.read(file, SurveyMapping.of(landing, file),
                Directory.of(landing), ZoneId.of("UTC"), GoogleFormsResponses.format("month-first")).rows().get(0).values()
                .get("response_id"));
        assertThatThrownBy(() -> GoogleFormsResponses.format(null)).hasMessageContaining("exports.googleforms.dates");
    }
}
