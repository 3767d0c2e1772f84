package org.mentoringanalytics.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualtricsResponsesTest {

    @TempDir
    Path landing;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("surveys/mappings"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\nE2,ben@example.com\n");
        Files.writeString(landing.resolve("surveys/mappings/pulse-2025.csv"), """
                source_column,question_id,survey_type,program_id,role,labels
                Q1,SAT1,pulse,P1,mentee,Strongly disagree=1;Disagree=2;Neither agree nor disagree=3;Agree=4;Strongly agree=5
                Q3,REC1,pulse,P1,mentee,
                """);
    }

    @Test
    void theThreeHeaderRowLayoutGivesOneRowPerMappedAnswerAndDropsPreviews() throws Exception {
        Path file = Files.createDirectories(landing.resolve("exports/qualtrics")).resolve("pulse-2025.csv");
        Files.writeString(file, """
                StartDate,EndDate,Status,Finished,RecordedDate,ResponseId,RecipientEmail,Q1,Q2,Q3
                Start Date,End Date,Response Type,Finished,Recorded Date,Response ID,Recipient Email,How satisfied?,Anything else?,Recommend?
                "{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}","{""ImportId"":""_recordId""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3""}"
                2025-03-01 09:00:00,2025-03-01 09:05:00,IP Address,True,2025-03-01 09:05:01,R_1,ada@example.com,Agree,private words,9
                2025-03-01 10:00:00,2025-03-01 10:02:00,Survey Preview,True,2025-03-01 10:02:01,R_2,ben@example.com,Agree,,3
                2025-03-02 10:00:00,2025-03-02 10:02:00,IP Address,True,2025-03-02 10:02:01,R_3,stranger@else.org,Disagree,,5
                2025-03-03 10:00:00,2025-03-03 10:02:00,IP Address,True,2025-03-03 10:02:01,R_4,ben@example.com,,,10
                """);
        QualtricsResponses.Result result = QualtricsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing),
                ZoneId.of("Europe/Berlin"));
        assertThat(result.responses()).isEqualTo(3);
        assertThat(result.previews()).isEqualTo(1);
        assertThat(result.unresolved()).isEqualTo(1);
        assertThat(result.rows()).hasSize(4);
        Map<String, String> satisfied = result.rows().get(0).values();
        assertThat(satisfied).containsEntry("response_id", "R_1").containsEntry("employee_id", "E1")
                .containsEntry("question_id", "SAT1").containsEntry("score", "4").containsEntry("survey_type", "pulse")
                .containsEntry("program_id", "P1").containsEntry("role", "mentee").containsEntry("survey_id", "pulse-2025")
                .containsEntry("submitted_at", "2025-03-01T09:05+01:00");
        assertThat(result.rows().get(0).line()).isEqualTo(4);
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.values().values()).doesNotContain("private words"));
        // A skipped item stays a blank score.
        assertThat(result.rows().get(2).values()).containsEntry("response_id", "R_4").containsEntry("score", "");
        assertThat(result.rows().get(3).values()).containsEntry("question_id", "REC1").containsEntry("score", "10");
    }

    @Test
    void theOlderTwoHeaderRowLayoutToo() throws Exception {
        Path file = Files.createDirectories(landing.resolve("exports/qualtrics")).resolve("pulse-2025.csv");
        Files.writeString(file, "\uFEFFV1,V2,V3,V4,V5,V6,V7,V8,V9,V10,Q1,Q2,Q3\n"
                + "ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,Status,StartDate,EndDate,Finished,How satisfied?,Anything?,Recommend?\n"
                + "R_9,Default,Ada,,ada@example.com,1.2.3.4,0,2025-03-01 09:00:00,2025-03-01 09:05:00,1,5,,7\n");
        QualtricsResponses.Result result = QualtricsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing),
                ZoneId.of("UTC"));
        assertThat(result.rows()).hasSize(2);
        assertThat(result.rows().get(0).values()).containsEntry("response_id", "R_9").containsEntry("score", "5")
                .containsEntry("employee_id", "E1");
        assertThat(result.rows().get(0).line()).isEqualTo(3);
    }

    @Test
    void aSurveyWithoutMappingIsRefusedWithWhatToAdd() throws Exception {
        Path file = Files.createDirectories(landing.resolve("exports/qualtrics")).resolve("unknown-survey.csv");
        Files.writeString(file, "a,b\n1,2\n");
        assertThatThrownBy(() -> SurveyMapping.of(landing, file)).hasMessageContaining("surveys/mappings/unknown-survey.csv");
    }

    @Test
    void readsTheRealExportsInBothLayouts() throws Exception {
        Path samples = Path.of("../../shared/samples/qualtrics");
        Assumptions.assumeTrue(Files.isDirectory(samples), "../shared/samples/qualtrics is not here (only in CI and the team's checkout)");
        Files.writeString(landing.resolve("surveys/mappings/sample.csv"),
                "source_column,question_id,survey_type,program_id,role,labels\nQ1,SAT1,pulse,P1,mentee,\n");
        Files.writeString(landing.resolve("surveys/mappings/sample_legacy.csv"),
                "source_column,question_id,survey_type,program_id,role,labels\nQ1,SAT1,pulse,P1,mentee,\n");
        for (String name : new String[]{"sample.csv", "sample_legacy.csv"}) {
            Path file = samples.resolve(name);
            QualtricsResponses.Result result = QualtricsResponses.read(file, SurveyMapping.of(landing, file), Directory.of(landing),
                    ZoneId.of("UTC"));
            // One anonymous response: no email to resolve, so it is counted and skipped, not guessed.
            assertThat(result.responses()).as(name).isEqualTo(1);
            assertThat(result.unresolved()).as(name).isEqualTo(1);
            assertThat(result.rows()).as(name).isEmpty();
        }
    }
}
