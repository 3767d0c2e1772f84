package org.mentoringanalytics.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackExportTest {

    @TempDir
    Path landing;

    private static final String USERS = """
            [{"id": "U1", "name": "ada", "real_name": "Ada L", "profile": {"email": "ada@example.com"}},
             {"id": "U2", "name": "ben", "real_name": "Ben B", "profile": {"email": "ben@example.com"}},
             {"id": "U4", "name": "dev", "real_name": "Dev P", "profile": {"email": "dev@example.com"}},
             {"id": "B1", "name": "standup-bot", "is_bot": true, "profile": {}}]
            """;
    // Both sides wrote on 3 March (a join and a bot message do not count); only Ada on 4 March.
    private static final String MARCH_3 = """
            [{"type": "message", "subtype": "channel_join", "user": "U4", "text": "joined", "ts": "1741000000.000100"},
             {"type": "message", "user": "U1", "text": "private words", "ts": "1741010000.000200"},
             {"type": "message", "user": "B1", "bot_id": "B1", "text": "reminder", "ts": "1741011000.000300"},
             {"type": "message", "user": "U2", "text": "more private words", "ts": "1741012000.000400"}]
            """;
    private static final String MARCH_4 = """
            [{"type": "message", "user": "U1", "text": "anyone?", "ts": "1741100000.000100"}]
            """;
    private static final String GENERAL = """
            [{"type": "message", "user": "U1", "text": "hi", "ts": "1741010000.000100"},
             {"type": "message", "user": "U2", "text": "hi", "ts": "1741010100.000100"},
             {"type": "message", "user": "U4", "text": "hi all", "ts": "1741010200.000100"}]
            """;

    @BeforeEach
    void directory() throws Exception {
        Files.createDirectories(landing.resolve("hr"));
        Files.createDirectories(landing.resolve("programs"));
        Files.writeString(landing.resolve("hr/employees.csv"), "employee_id,email\nE1,ada@example.com\nE2,ben@example.com\nE4,dev@example.com\n");
        Files.writeString(landing.resolve("programs/matches.csv"),
                "match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason\nM1,P1,E2,E1,2025-01-10T10:00:00Z,,\n");
    }

    private Path folderExport() throws Exception {
        Path root = Files.createDirectories(landing.resolve("exports/slack/workspace"));
        Files.writeString(root.resolve("users.json"), USERS);
        Files.createDirectories(root.resolve("D-ada-ben"));
        Files.createDirectories(root.resolve("general"));
        Files.writeString(root.resolve("D-ada-ben/2025-03-03.json"), MARCH_3);
        Files.writeString(root.resolve("D-ada-ben/2025-03-04.json"), MARCH_4);
        Files.writeString(root.resolve("general/2025-03-03.json"), GENERAL);
        return root;
    }

    @Test
    void aConversationDayWithBothSidesOfAMatchIsOneChatSessionAndNoTextIsKept() throws Exception {
        Path root = folderExport();
        Directory directory = Directory.of(landing);
        SlackExport.Result day = SlackExport.readDay(root.resolve("D-ada-ben/2025-03-03.json"), directory, ZoneId.of("UTC"));
        assertThat(day.sessions()).hasSize(1);
        Map<String, String> session = day.sessions().get(0).values();
        assertThat(session).containsEntry("session_id", "slack-D-ada-ben-2025-03-03").containsEntry("match_id", "M1")
                .containsEntry("channel", "chat").containsEntry("mode", "async").containsEntry("duration_minutes", "0")
                .containsEntry("logged_by", "E2")
                // The first counted message: 1741010000 s is 2025-03-03T13:53:20Z.
                .containsEntry("started_at", "2025-03-03T13:53:20Z");
        assertThat(session.values()).noneMatch(v -> v.contains("private words"));
        assertThat(SlackExport.readDay(root.resolve("D-ada-ben/2025-03-04.json"), directory, ZoneId.of("UTC")).sessions()).isEmpty();
        SlackExport.Result general = SlackExport.readDay(root.resolve("general/2025-03-03.json"), directory, ZoneId.of("UTC"));
        assertThat(general.sessions()).isEmpty();
        assertThat(general.skipped()).isEqualTo(1);
    }

    @Test
    void theZippedExportGivesTheSameSessions() throws Exception {
        Path zip = Files.createDirectories(landing.resolve("exports/slack")).resolve("workspace.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : Map.of("users.json", USERS, "D-ada-ben/2025-03-03.json", MARCH_3,
                    "D-ada-ben/2025-03-04.json", MARCH_4, "general/2025-03-03.json", GENERAL).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        SlackExport.Result all = SlackExport.readZip(zip, Directory.of(landing), ZoneId.of("UTC"));
        assertThat(all.days()).isEqualTo(3);
        assertThat(all.sessions()).extracting(r -> r.values().get("session_id")).containsExactly("slack-D-ada-ben-2025-03-03");
        assertThat(all.skipped()).isEqualTo(2);
        assertThat(Exports.list(landing, "sessions")).containsExactly(zip);
    }

    @Test
    void readsTheRealExportWithoutKnowingAnyoneInIt() throws Exception {
        Path sample = Path.of("../../shared/samples/slack");
        Assumptions.assumeTrue(Files.isDirectory(sample), "../shared/samples/slack is not here (only in CI and the team's checkout)");
        Path landingWithSample = Files.createDirectories(landing.resolve("exports/slack"));
        List<Path> days;
        try (var files = Files.list(sample.resolve("enrique"))) {
            days = files.sorted().toList();
        }
        SlackExport.Result first = SlackExport.readDay(days.get(0), Directory.of(landing), ZoneId.of("UTC"));
        assertThat(first.days()).isEqualTo(1);
        assertThat(first.sessions()).isEmpty();
        assertThat(landingWithSample).isDirectory();
        assertThat(SlackExport.isReadable(sample.resolve("users.json"))).isFalse();
        assertThat(SlackExport.isReadable(days.get(0))).isTrue();
    }
}
