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

class ZoomParticipantReportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path landing;

    @BeforeEach
    void directory() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("programs"));
        Files.writeString(landing.resolve("hr/employees.csv"), """
                employee_id,email,hire_date,department,location,job_level
                E1,ada@example.com,2020-01-06,Engineering,London,L2
                E2,ben@example.com,2018-03-01,Engineering,Berlin,L4
                E3,cat@example.com,2012-07-15,Engineering,London,L6
                E4,dev@example.com,2021-02-01,Sales,New York,L1
                """);
        Files.writeString(landing.resolve("hr/aliases.csv"), """
                alias,employee_id
                Dev Patel,E4
                """);
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-10T10:00:00Z,,
                G1,P2,E3,E1,2025-01-10T10:00:00Z,,
                G1,P2,E3,E4,2025-01-10T10:00:00Z,,
                """);
    }

    private Path report(String name, String text) throws Exception {
        Path file = landing.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aMeetingOfAMentorAndMenteeIsOneVideoSessionWithRejoinsMerged() throws Exception {
        Path file = report("m1.csv", """
                Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
                81234567890,Mentoring,03/14/2025 04:55:00 PM,03/14/2025 06:00:00 PM,ben@example.com,65,3
                ,,,,,,
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ben (Benjamin),ben@example.com,03/14/2025 04:58:10 PM,03/14/2025 05:20:00 PM,22,No
                Ada,ada@example.com,03/14/2025 05:01:00 PM,03/14/2025 05:44:30 PM,44,No
                Ben (Benjamin),ben@example.com,03/14/2025 05:21:00 PM,03/14/2025 05:45:00 PM,24,No
                Visitor,visitor@other.org,03/14/2025 05:10:00 PM,03/14/2025 05:12:00 PM,2,Yes
                """);
        Meetings.Meeting meeting = ZoomParticipantReport.read(file, BERLIN);
        assertThat(meeting.meetingId()).isEqualTo("81234567890");
        assertThat(meeting.joins()).hasSize(4);
        assertThat(meeting.joins().get(0).line()).isEqualTo(5);
        assertThat(meeting.people()).hasSize(3);

        Meetings.Outcome outcome = Meetings.toSession(meeting, Directory.of(landing), "zoom");
        assertThat(outcome.unresolved()).isEqualTo(1);
        Map<String, String> session = outcome.session().orElseThrow();
        assertThat(session).containsEntry("match_id", "M1").containsEntry("logged_by", "E2")
                .containsEntry("channel", "video").containsEntry("mode", "sync")
                // 16:58:10 Berlin (UTC+1 in March before the switch) to 17:45:00: 46.8 minutes.
                .containsEntry("started_at", "2025-03-14T16:58:10+01:00")
                .containsEntry("duration_minutes", "47");
        assertThat(outcome.line()).isEqualTo(5);
    }

    @Test
    void aGuestWhoWaitsEarlyOrStaysLateDoesNotMoveThePairsSession() throws Exception {
        // The pair met 10:00-10:30; an unresolved guest was in from 09:00 to 12:00.
        Path file = report("guest.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Guest Speaker,speaker@other.org,06/02/2025 09:00:00 AM,06/02/2025 12:00:00 PM,180,Yes
                Ben (Benjamin),ben@example.com,06/02/2025 10:00:00 AM,06/02/2025 10:30:00 AM,30,No
                Ada,ada@example.com,06/02/2025 10:01:00 AM,06/02/2025 10:29:00 AM,28,No
                """);
        Meetings.Outcome outcome = Meetings.toSession(ZoomParticipantReport.read(file, ZoneId.of("UTC")),
                Directory.of(landing), "zoom");
        assertThat(outcome.unresolved()).isEqualTo(1);
        assertThat(outcome.session().orElseThrow()).containsEntry("match_id", "M1")
                .containsEntry("started_at", "2025-06-02T10:00Z").containsEntry("duration_minutes", "30");
        assertThat(outcome.line()).isEqualTo(3);
    }

    @Test
    void aMeetingAcrossTheAutumnChangeLastsWhatItLasted() throws Exception {
        // Berlin's clocks went back at 03:00 CEST on 26 October 2025: 02:50 (CEST) to 02:10 (CET) is 20 minutes.
        Path file = report("dst.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ben (Benjamin),ben@example.com,10/26/2025 02:50:00 AM,10/26/2025 02:10:00 AM,20,No
                Ada,ada@example.com,10/26/2025 02:50:00 AM,10/26/2025 02:10:00 AM,20,No
                """);
        Meetings.Meeting meeting = ZoomParticipantReport.read(file, BERLIN);
        assertThat(meeting.problems()).isEmpty();
        assertThat(Meetings.toSession(meeting, Directory.of(landing), "zoom").session().orElseThrow())
                .containsEntry("started_at", "2025-10-26T02:50+02:00").containsEntry("duration_minutes", "20");
    }

    @Test
    void theExportsOwnDurationPlacesATimeThatHappenedTwice() throws Exception {
        // 02:10 to 02:40 on the night the clocks went back: 30 minutes at either offset, 90 from CEST to CET.
        // Zoom says 90, so the join is the first 02:10 and the leave the second 02:40.
        Path file = report("dst-long.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ben (Benjamin),ben@example.com,10/26/2025 02:10:00 AM,10/26/2025 02:40:00 AM,90,No
                Ada,ada@example.com,10/26/2025 02:10:00 AM,10/26/2025 02:40:00 AM,90,No
                """);
        assertThat(Meetings.toSession(ZoomParticipantReport.read(file, BERLIN), Directory.of(landing), "zoom")
                .session().orElseThrow())
                .containsEntry("started_at", "2025-10-26T02:10+02:00").containsEntry("duration_minutes", "90");
    }

    @Test
    void aTimeTheClocksSkippedIsAnUnreadableRowNotAShiftedOne() throws Exception {
        Path file = report("dst-spring.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ben (Benjamin),ben@example.com,03/30/2025 02:30:00 AM,03/30/2025 03:30:00 AM,0,No
                Ada,ada@example.com,03/30/2025 03:01:00 AM,03/30/2025 03:30:00 AM,29,No
                """);
        Meetings.Meeting meeting = ZoomParticipantReport.read(file, BERLIN);
        assertThat(meeting.joins()).hasSize(1);
        assertThat(meeting.problems()).containsExactly(
                "line 2: 2025-03-30T02:30 does not exist in Europe/Berlin (the clocks skipped it): check exports.timezone");
    }

    @Test
    void aGroupMatchMayMissOneMenteeAndAliasesResolveDisplayNames() throws Exception {
        Path file = report("group-call.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent
                Cat,cat@example.com,06/02/2025 09:00:00 AM,06/02/2025 09:50:00 AM,50,No,Y
                Dev Patel,,06/02/2025 09:02:00 AM,06/02/2025 09:49:00 AM,47,Yes,Y
                """);
        Meetings.Meeting meeting = ZoomParticipantReport.read(file, ZoneId.of("UTC"));
        assertThat(meeting.meetingId()).isEqualTo("group-call");
        Map<String, String> session = Meetings.toSession(meeting, Directory.of(landing), "zoom").session().orElseThrow();
        assertThat(session).containsEntry("match_id", "G1").containsEntry("logged_by", "E3")
                .containsEntry("duration_minutes", "50");
    }

    @Test
    void aMeetingThatIsNoMatchIsSkippedWithItsReason() throws Exception {
        Path file = report("all-hands.csv", """
                Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
                Ada,ada@example.com,06/02/2025 09:00:00 AM,06/02/2025 09:50:00 AM,50,No
                Dev,dev@example.com,06/02/2025 09:00:00 AM,06/02/2025 09:50:00 AM,50,No
                """);
        Meetings.Outcome outcome = Meetings.toSession(
                ZoomParticipantReport.read(file, ZoneId.of("UTC")), Directory.of(landing), "zoom");
        assertThat(outcome.session()).isEmpty();
        assertThat(outcome.skipped()).contains("not exactly one match");
    }

    @Test
    void anotherFileIsNotTakenForAReport() throws Exception {
        Path file = report("sessions.csv", "session_id,match_id\nS1,M1\n");
        assertThatThrownBy(() -> ZoomParticipantReport.read(file, ZoneId.of("UTC")))
                .hasMessageContaining("not a Zoom participant report");
    }

    @Test
    void readsTheRealExportsInBothLayouts() throws Exception {
        Path samples = Path.of("../../shared/samples/zoom");
        if (!Files.isDirectory(samples)) {
            samples = Path.of("../shared/samples/zoom");
        }
        Assumptions.assumeTrue(Files.isDirectory(samples), "../shared/samples/zoom is not here (only in CI and the team's checkout)");
        Meetings.Meeting full = ZoomParticipantReport.read(samples.resolve("participants_heroes_full.csv"), ZoneId.of("UTC"));
        Meetings.Meeting plain = ZoomParticipantReport.read(samples.resolve("participants_heroes.csv"), ZoneId.of("UTC"));
        assertThat(full.meetingId()).isEqualTo("60245167821");
        assertThat(full.problems()).isEmpty();
        assertThat(full.joins()).hasSameSizeAs(plain.joins()).isNotEmpty();
        assertThat(full.joins().get(0).joined().toLocalDateTime()).hasToString("2021-11-19T09:54:15");
        assertThat(full.joins().get(0).left().toLocalDateTime()).hasToString("2021-11-19T12:01:59");
        assertThat(full.joins().get(0).line()).isEqualTo(5);
        // Rejoins appear as extra rows: fewer people than joins.
        assertThat(full.people().size()).isLessThanOrEqualTo(full.joins().size());
    }
}
