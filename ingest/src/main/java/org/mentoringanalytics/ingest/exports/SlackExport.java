package org.mentoringanalytics.ingest.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A Slack workspace export (Settings > Import/Export data > Export), as the zip or unzipped:
 * {@code users.json} maps user IDs to profiles with emails, and each conversation (channel, DM) is
 * a folder of {@code YYYY-MM-DD.json} message arrays. A conversation-day with messages from a
 * match's mentor and at least one of its mentees, and from nobody outside the match, is one
 * asynchronous chat session of that match. Joins, bot and other system messages are ignored; the
 * text of messages is never read into anything.
 */
public final class SlackExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> METADATA = Set.of("users.json", "channels.json", "dms.json", "groups.json", "mpims.json",
            "integration_logs.json", "canvases.json", "huddle_transcripts.json");

    /** What a set of conversation-days gave. */
    public record Result(List<Exports.Row> sessions, int days, int unresolved, int skipped) {
    }

    private SlackExport() {
    }

    /** Whether a landing-relative path under exports/slack is a conversation-day file or a whole zip. */
    static boolean isReadable(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".zip") || (name.matches("\\d{4}-\\d{2}-\\d{2}\\.json") && !METADATA.contains(name));
    }

    /** One conversation-day file of an unzipped export; its users.json is two folders up. */
    public static Result readDay(Path file, Directory directory, ZoneId zone) throws IOException {
        Path root = file.getParent().getParent();
        Map<String, JsonNode> users = users(Files.isRegularFile(root.resolve("users.json"))
                ? JSON.readTree(root.resolve("users.json").toFile()) : JSON.createArrayNode());
        TreeMap<String, JsonNode> days = new TreeMap<>();
        days.put(file.getParent().getFileName() + "/" + file.getFileName(), JSON.readTree(file.toFile()));
        return sessions(days, users, directory, zone);
    }

    /** Every conversation-day of a zipped export. */
    public static Result readZip(Path file, Directory directory, ZoneId zone) throws IOException {
        TreeMap<String, JsonNode> days = new TreeMap<>();
        JsonNode users = JSON.createArrayNode();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String[] parts = entry.getName().split("/");
                if (entry.isDirectory()) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    if (entry.getName().equals("users.json") || entry.getName().endsWith("/users.json") && parts.length == 2) {
                        users = JSON.readTree(in);
                    } else if (parts.length >= 2 && parts[parts.length - 1].matches("\\d{4}-\\d{2}-\\d{2}\\.json")) {
                        days.put(parts[parts.length - 2] + "/" + parts[parts.length - 1], JSON.readTree(in));
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("not a readable zip: " + e.getMessage());
        }
        return sessions(days, users(users), directory, zone);
    }

    private static Map<String, JsonNode> users(JsonNode array) {
        Map<String, JsonNode> users = new LinkedHashMap<>();
        array.forEach(u -> users.put(u.path("id").asText(), u));
        return users;
    }

    private static Result sessions(TreeMap<String, JsonNode> days, Map<String, JsonNode> users, Directory directory,
                                   ZoneId zone) {
        List<Exports.Row> sessions = new ArrayList<>();
        Set<String> unresolved = new LinkedHashSet<>();
        int skipped = 0;
        long index = 0;
        for (Map.Entry<String, JsonNode> day : days.entrySet()) {
            index++;
            if (!day.getValue().isArray()) {
                throw new IllegalArgumentException(day.getKey() + " is not an array of messages");
            }
            Set<String> senders = new LinkedHashSet<>();
            Instant first = null;
            for (JsonNode message : day.getValue()) {
                if (!message.path("type").asText().equals("message") || message.hasNonNull("subtype")
                        || message.hasNonNull("bot_id") || !message.hasNonNull("user")) {
                    continue;
                }
                String user = message.get("user").asText();
                JsonNode profile = users.getOrDefault(user, JSON.createObjectNode());
                Optional<String> employee = directory.resolve(profile.path("profile").path("email").asText(""), user)
                        .or(() -> directory.resolve("", profile.path("real_name").asText("")));
                if (employee.isEmpty()) {
                    unresolved.add(user);
                    senders.add("unresolved:" + user);
                    continue;
                }
                senders.add(employee.get());
                Instant at = Instant.ofEpochMilli((long) (Double.parseDouble(message.path("ts").asText("0")) * 1000));
                first = first == null || at.isBefore(first) ? at : first;
            }
            if (senders.isEmpty() || first == null) {
                continue;
            }
            LocalDate date = LocalDate.parse(day.getKey().substring(day.getKey().indexOf('/') + 1, day.getKey().indexOf('/') + 11));
            Optional<Directory.Match> match = senders.stream().anyMatch(s -> s.startsWith("unresolved:")) ? Optional.empty()
                    : directory.matchWithBothSides(senders, date);
            if (match.isEmpty()) {
                skipped++;
                continue;
            }
            Map<String, String> session = new LinkedHashMap<>();
            session.put("session_id", "slack-" + day.getKey().replace('/', '-').replace(".json", ""));
            session.put("match_id", match.get().matchId());
            session.put("started_at", first.atZone(ZoneOffset.UTC).withZoneSameInstant(zone).toOffsetDateTime().toString());
            session.put("duration_minutes", "0");
            session.put("channel", "chat");
            session.put("mode", "async");
            session.put("logged_by", match.get().mentor());
            sessions.add(new Exports.Row(index, session));
        }
        return new Result(sessions, days.size(), unresolved.size(), skipped);
    }

    /** Slack workspace exports, zipped or unzipped, into asynchronous chat sessions. */
    static final class Export implements ExportReader {

        @Override
        public String folder() {
            return Exports.SLACK;
        }

        @Override
        public String source() {
            return "sessions";
        }

        @Override
        public List<Path> files(Path landing) throws IOException {
            Path slack = landing.resolve(Exports.SLACK);
            if (!Files.isDirectory(slack)) {
                return List.of();
            }
            try (var walk = Files.walk(slack)) {
                return walk.filter(Files::isRegularFile).filter(SlackExport::isReadable)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
        }

        private static Result read(Path landing, Path file) throws IOException {
            return file.getFileName().toString().endsWith(".zip")
                    ? readZip(file, Directory.of(landing), Exports.zone(landing))
                    : readDay(file, Directory.of(landing), Exports.zone(landing));
        }

        @Override
        public Exports.Check check(Path landing, Path file) throws IOException {
            Result result = read(landing, file);
            return new Exports.Check(null, "slack: " + result.days() + " conversation-day(s), " + result.sessions().size()
                    + " chat session(s), " + result.skipped() + " skipped (not one match's mentor and mentee), "
                    + result.unresolved() + " unresolved user(s)");
        }

        @Override
        public List<Exports.Row> rows(Path landing, Path file) throws IOException {
            return read(landing, file).sessions();
        }
    }
}
