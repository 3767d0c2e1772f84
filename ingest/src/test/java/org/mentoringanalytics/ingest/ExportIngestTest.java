package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.ingest.IngestRun.PSEUDONYMIZER;
import static org.mentoringanalytics.ingest.IngestRun.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** Zoom participant reports under exports/zoom go through ingest like any landing file. */
class ExportIngestTest {

    @TempDir
    Path dir;

    @Test
    void aZoomReportBecomesAPseudonymizedSessionAndABrokenOneIsRejectedWhole() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path zoom = Files.createDirectories(landing.resolve("exports/zoom"));
        Files.writeString(landing.resolve("landing.properties"), "as_of=2026-09-30\nexports.timezone=Europe/London\n");
        Files.writeString(zoom.resolve("mentoring-call.csv"), """
                Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
                81234567890,Mentoring,03/14/2025 04:55:00 PM,03/14/2025 06:00:00 PM,ben@example.com,65,2
                ,,,,,,
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ben,ben@example.com,03/14/2025 04:58:00 PM,03/14/2025 05:20:00 PM,22,No
                Ada,ada@example.com,03/14/2025 05:01:00 PM,03/14/2025 05:44:00 PM,43,No
                Ben,ben@example.com,03/14/2025 05:21:00 PM,03/14/2025 05:45:00 PM,24,No
                """);
        Files.writeString(zoom.resolve("team-meeting.csv"), """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ada,ada@example.com,03/20/2025 09:00:00 AM,03/20/2025 09:30:00 AM,30,No
                Dev,dev@example.com,03/20/2025 09:00:00 AM,03/20/2025 09:30:00 AM,30,No
                """);
        Files.writeString(zoom.resolve("not-a-report.csv"), "session_id,match_id\nS9,M1\n");
        Path slack = Files.createDirectories(landing.resolve("exports/slack/workspace/D-ada-ben"));
        Files.writeString(slack.getParent().resolve("users.json"), """
                [{"id": "U1", "profile": {"email": "ada@example.com"}}, {"id": "U2", "profile": {"email": "ben@example.com"}}]
                """);
        Files.writeString(slack.resolve("2025-03-03.json"), """
                [{"type": "message", "user": "U1", "text": "x", "ts": "1741010000.0001"},
                 {"type": "message", "user": "U2", "text": "y", "ts": "1741012000.0001"}]
                """);
        Files.createDirectories(landing.resolve("surveys/mappings"));
        Files.writeString(landing.resolve("surveys/mappings/pulse-2025.csv"), """
                source_column,question_id,survey_type,program_id,role,labels
                Q1,SAT1,pulse,P1,mentee,Disagree=2;Agree=4
                """);
        Files.writeString(Files.createDirectories(landing.resolve("exports/qualtrics")).resolve("pulse-2025.csv"), """
                EndDate,Status,ResponseId,RecipientEmail,Q1
                End Date,Response Type,Response ID,Recipient Email,How satisfied?
                "{""ImportId"":""endDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""recipientEmail""}","{""ImportId"":""QID1""}"
                2025-03-01 09:05:00,IP Address,R_1,ada@example.com,Agree
                """);
        // A Teams list whose date order landing.properties does not give: rejected, not guessed.
        Path teams = Files.createDirectories(landing.resolve("exports/teams"));
        Files.write(teams.resolve("call.csv"), ("\uFEFFFull Name\tUser Action\tTimestamp\r\nBen\tJoined\t03/02/2025, 17:00:05\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        List<GenericRecord> sessions = read(dir.resolve("warehouse"), Tables.STG_SESSIONS);
        GenericRecord zoomSession = sessions.stream().filter(r -> r.get("session_id").toString().startsWith("zoom-81234567890-"))
                .findFirst().orElseThrow();
        assertThat(zoomSession.get("match_id").toString()).isEqualTo("M1");
        assertThat(zoomSession.get("started_at")).isEqualTo(Instant.parse("2025-03-14T16:58:00Z"));
        assertThat(zoomSession.get("duration_minutes")).isEqualTo(47);
        assertThat(zoomSession.get("channel").toString()).isEqualTo("video");
        assertThat(zoomSession.get("logged_by_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E2"));
        assertThat(sessions.stream().filter(r -> r.get("session_id").toString().startsWith("zoom-team-meeting"))).isEmpty();
        GenericRecord chat = sessions.stream().filter(r -> r.get("session_id").toString().equals("slack-D-ada-ben-2025-03-03"))
                .findFirst().orElseThrow();
        assertThat(chat.get("channel").toString()).isEqualTo("chat");
        assertThat(chat.get("mode").toString()).isEqualTo("async");
        assertThat(result.files()).filteredOn(f -> f.file().equals("exports/slack/workspace/D-ada-ben/2025-03-03.json"))
                .extracting(IngestResult.FileOutcome::message).first().asString().contains("1 chat session(s)");

        GenericRecord answer = read(dir.resolve("warehouse"), Tables.STG_SURVEY_RESPONSES).stream()
                .filter(r -> r.get("response_id").toString().equals("R_1")).findFirst().orElseThrow();
        assertThat(answer.get("score")).isEqualTo(4);
        assertThat(answer.get("employee_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E1"));
        assertThat(answer.get("survey_type").toString()).isEqualTo("pulse");
        assertThat(result.rejectedWhole()).extracting(IngestResult.FileOutcome::file)
                .containsExactlyInAnyOrder("exports/zoom/not-a-report.csv", "exports/teams/call.csv");
        assertThat(result.rejectedWhole()).filteredOn(f -> f.file().startsWith("exports/teams"))
                .extracting(IngestResult.FileOutcome::message).first().asString().contains("exports.teams.dates");
        IngestResult.FileOutcome call = result.files().stream().filter(f -> f.file().equals("exports/zoom/mentoring-call.csv"))
                .findFirst().orElseThrow();
        assertThat(call.written()).isEqualTo(1);
        assertThat(call.message()).contains("zoom meeting 81234567890", "2 people, 0 unresolved", "1 session of match M1");
        IngestResult.FileOutcome team = result.files().stream().filter(f -> f.file().equals("exports/zoom/team-meeting.csv"))
                .findFirst().orElseThrow();
        assertThat(team.written()).isZero();
        assertThat(team.message()).contains("skipped: its people are not exactly one match's mentor and mentees");

        // Exports are versioned by content like landing files: a second run reads nothing again.
        IngestResult again = IngestRun.run(landing, dir.resolve("warehouse"));
        assertThat(again.outcome()).isEqualTo(IngestResult.Outcome.NOTHING_NEW);
    }

    @Test
    void aBambooHrReportCanStandInForTheEmployeesFile() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.delete(landing.resolve("hr/employees.csv"));
        Files.writeString(Files.createDirectories(landing.resolve("exports/bamboohr")).resolve("employees.csv"), """
                employeeNumber,workEmail,hireDate,originalHireDate,terminationDate,terminationType,department,location,jobLevel,supervisorEId,gender
                E1,ada@example.com,2020-01-06,2020-01-06,2025-05-31,Resignation,Engineering,London,L2,E3,woman
                E2,ben@example.com,2018-03-01,2015-03-01,,,Engineering,Berlin,L4,E3,man
                E3,cat@example.com,2012-07-15,2012-07-15,,,Engineering,London,L6,,woman
                E4,dev@example.com,2021-02-01,2021-02-01,2025-04-01,Death,Sales,New York,L1,E3,
                """);

        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(result.totalRejected()).isZero();
        List<GenericRecord> employees = read(dir.resolve("warehouse"), Tables.STG_EMPLOYEES);
        assertThat(employees).hasSize(4);
        GenericRecord e1 = employees.stream().filter(r -> r.get("employee_key").toString().equals(PSEUDONYMIZER.pseudonym("E1")))
                .findFirst().orElseThrow();
        assertThat(e1.get("termination_type").toString()).isEqualTo("voluntary");
        assertThat(e1.get("manager_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E3"));
        assertThat(e1.getSchema().getField("email")).isNull();
        GenericRecord e4 = employees.stream().filter(r -> r.get("employee_key").toString().equals(PSEUDONYMIZER.pseudonym("E4")))
                .findFirst().orElseThrow();
        assertThat(e4.get("termination_type").toString()).isEqualTo("other");
    }
}
