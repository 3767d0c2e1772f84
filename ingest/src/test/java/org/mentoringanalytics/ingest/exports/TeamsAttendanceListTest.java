package org.mentoringanalytics.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamsAttendanceListTest {

    @TempDir
    Path landing;

    /** As Teams writes it: UTF-16 little-endian with a byte-order mark, tab-separated. */
    private Path utf16(String name, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write(text.getBytes(StandardCharsets.UTF_16LE));
        Path file = Files.createDirectories(landing.resolve("exports/teams")).resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    @Test
    void joinedAndLeftEventsBecomeOneSessionOfTheMatchTheNamesResolveTo() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("programs"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\nE2,ben@example.com\n");
        Files.writeString(landing.resolve("hr/aliases.csv"), "alias,employee_id\nLovelace Ada,E1\nBenson Ben,E2\n");
        Files.writeString(landing.resolve("programs/matches.csv"),
                "match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason\nM1,P1,E2,E1,2025-01-10T10:00:00Z,,\n");
        // 03/02/2025 day-first is 3 February; Ben drops out and rejoins; Ada is still in when the list is taken.
        Path file = utf16("call.csv", "Full Name\tUser Action\tTimestamp\r\n"
                + "Benson Ben\tJoined\t03/02/2025, 17:00:05\r\n"
                + "Lovelace Ada\tJoined\t03/02/2025, 17:02:00\r\n"
                + "Benson Ben\tLeft\t03/02/2025, 17:20:00\r\n"
                + "Benson Ben\tJoined\t03/02/2025, 17:21:00\r\n"
                + "Benson Ben\tLeft\t03/02/2025, 17:45:00\r\n");
        Meetings.Meeting meeting = TeamsAttendanceList.read(file, ZoneId.of("UTC"), TeamsAttendanceList.DateOrder.DAY_FIRST);
        assertThat(meeting.joins()).hasSize(3);
        assertThat(meeting.people()).hasSize(2);
        Map<String, String> session = Meetings.toSession(meeting, Directory.of(landing), "teams").session().orElseThrow();
        assertThat(session).containsEntry("match_id", "M1").containsEntry("logged_by", "E2")
                .containsEntry("started_at", "2025-02-03T17:00:05Z").containsEntry("duration_minutes", "45");
        assertThat(session.get("session_id")).startsWith("teams-call-");
    }

    @Test
    void eventsAcrossTheAutumnChangeKeepTheirOrder() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("programs"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\nE2,ben@example.com\n");
        Files.writeString(landing.resolve("hr/aliases.csv"), "alias,employee_id\nLovelace Ada,E1\nBenson Ben,E2\n");
        Files.writeString(landing.resolve("programs/matches.csv"),
                "match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason\nM1,P1,E2,E1,2025-01-10T10:00:00Z,,\n");
        // 02:50 CEST, then 02:05 and 02:10 after the clocks went back: 20 minutes, not minus 40.
        Path file = utf16("night.csv", "Full Name\tUser Action\tTimestamp\r\n"
                + "Benson Ben\tJoined\t26/10/2025, 02:50:00\r\n"
                + "Lovelace Ada\tJoined\t26/10/2025, 02:05:00\r\n"
                + "Benson Ben\tLeft\t26/10/2025, 02:10:00\r\n"
                + "Lovelace Ada\tLeft\t26/10/2025, 02:10:00\r\n");
        Meetings.Meeting meeting = TeamsAttendanceList.read(file, ZoneId.of("Europe/Berlin"),
                TeamsAttendanceList.DateOrder.DAY_FIRST);
        assertThat(meeting.problems()).isEmpty();
        assertThat(Meetings.toSession(meeting, Directory.of(landing), "teams").session().orElseThrow())
                .containsEntry("started_at", "2025-10-26T02:50+02:00").containsEntry("duration_minutes", "20");
    }

    @Test
    void theNewerSectionedReportResolvesPeopleByEmailWithA12HourClock() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("programs"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\nE2,ben@example.com\n");
        Files.writeString(landing.resolve("programs/matches.csv"),
                "match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason\nM1,P1,E2,E1,2025-01-10T10:00:00Z,,\n");
        Path file = utf16("sectioned.csv", "1. Summary\r\n"
                + "Meeting title\tMentoring\r\nAttended participants\t2\r\nStart time\t2/3/2025, 5:00:05 PM\r\n\r\n"
                + "2. Participants\r\n"
                + "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole\r\n"
                + "Ben Benson\t2/3/2025, 5:00:05 PM\t2/3/2025, 5:45:00 PM\t44m 55s\tben@example.com\tben@example.com\tOrganizer\r\n"
                + "Ada Lovelace\t2/3/2025, 5:02:00 PM\t2/3/2025, 5:44:00 PM\t42m\tada@example.com\tada@example.com\tAttendee\r\n"
                + "\r\n3. In-Meeting Activities\r\nName\tJoin Time\tLeave Time\tDuration\tEmail\tRole\r\n");
        Meetings.Meeting meeting = TeamsAttendanceList.read(file, ZoneId.of("UTC"), TeamsAttendanceList.DateOrder.MONTH_FIRST);
        assertThat(meeting.problems()).isEmpty();
        assertThat(meeting.joins()).hasSize(2);
        assertThat(meeting.joins().get(0).line()).isEqualTo(8);
        Map<String, String> session = Meetings.toSession(meeting, Directory.of(landing), "teams").session().orElseThrow();
        assertThat(session).containsEntry("match_id", "M1").containsEntry("started_at", "2025-02-03T17:00:05Z")
                .containsEntry("duration_minutes", "45");
    }

    @Test
    void theDateOrderMustBeSaid() throws Exception {
        assertThatThrownBy(() -> TeamsAttendanceList.DateOrder.of(null)).hasMessageContaining("exports.teams.dates");
        assertThatThrownBy(() -> TeamsAttendanceList.DateOrder.of("guess")).hasMessageContaining("day-first or month-first");
        Path file = utf16("other.csv", "Name,Email\r\nx,y\r\n");
        assertThatThrownBy(() -> TeamsAttendanceList.read(file, ZoneId.of("UTC"), TeamsAttendanceList.DateOrder.DAY_FIRST))
                .hasMessageContaining("not a Teams attendance report");
    }

    @Test
    void readsTheRealAttendanceListEitherWayItIsToldToReadTheDates() throws Exception {
        Path sample = Path.of("../../shared/samples/teams/meetingAttendanceList.csv");
        Assumptions.assumeTrue(Files.isRegularFile(sample), "../shared/samples/teams is not here (only in CI and the team's checkout)");
        Meetings.Meeting dayFirst = TeamsAttendanceList.read(sample, ZoneId.of("UTC"), TeamsAttendanceList.DateOrder.DAY_FIRST);
        Meetings.Meeting monthFirst = TeamsAttendanceList.read(sample, ZoneId.of("UTC"), TeamsAttendanceList.DateOrder.MONTH_FIRST);
        assertThat(dayFirst.problems()).isEmpty();
        assertThat(dayFirst.joins()).isNotEmpty().hasSameSizeAs(monthFirst.joins());
        assertThat(dayFirst.joins().get(0).name()).isEqualTo("Mustermann Max");
        assertThat(dayFirst.joins().get(0).joined().toLocalDateTime()).hasToString("2020-12-11T12:27:24");
        assertThat(monthFirst.joins().get(0).joined().toLocalDateTime()).hasToString("2020-11-12T12:27:24");
        assertThat(dayFirst.joins().get(0).left().toLocalDateTime()).hasToString("2020-12-11T12:45:18");
        assertThat(dayFirst.joins().get(0).line()).isEqualTo(2);
    }
}
