package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * A landing folder whose meetings come only as Zoom participant reports gives the same engagement
 * marts as the same meetings logged by hand.
 */
class ExportsEquivalenceTest {

    private static final DateTimeFormatter ZOOM_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm:ss a", Locale.US);

    @TempDir
    Path dir;

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void zoomReportsAloneGiveTheEngagementMartsOfTheSameMeetingsLoggedByHand() throws Exception {
        Path handLogged = dir.resolve("hand-logged");
        SampleData.generate(new GeneratorConfig(17L, 150, 2, LocalDate.of(2026, 6, 30), 0.6), handLogged);
        // Keep the video meetings only: those are what Zoom can report.
        List<CSVRecord> video = new ArrayList<>();
        try (Stream<Path> files = Files.list(handLogged.resolve("sessions"))) {
            for (Path file : files.sorted().toList()) {
                List<CSVRecord> rows = csv(file);
                video.addAll(rows.stream().filter(r -> r.get("channel").equals("video")).toList());
                List<String> lines = new ArrayList<>(List.of("session_id,match_id,started_at,duration_minutes,channel,mode,logged_by"));
                rows.stream().filter(r -> r.get("channel").equals("video")).forEach(r -> lines.add(String.join(",", r.get("session_id"),
                        r.get("match_id"), r.get("started_at"), r.get("duration_minutes"), r.get("channel"), r.get("mode"), r.get("logged_by"))));
                Files.write(file, lines, StandardCharsets.UTF_8);
            }
        }
        assertThat(video).hasSizeGreaterThan(50);

        // The same meetings as one Zoom report each, people named by their HR email.
        Path exportsOnly = dir.resolve("exports-only");
        try (Stream<Path> files = Files.walk(handLogged)) {
            for (Path f : files.toList()) {
                Path target = exportsOnly.resolve(handLogged.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!f.startsWith(handLogged.resolve("sessions"))) {
                    Files.copy(f, target);
                }
            }
        }
        Map<String, String> email = new HashMap<>();
        csv(handLogged.resolve("hr/employees.csv")).forEach(r -> email.put(r.get("employee_id"), r.get("email")));
        Map<String, List<String>> people = new LinkedHashMap<>();
        for (CSVRecord m : csv(handLogged.resolve("programs/matches.csv"))) {
            List<String> members = people.computeIfAbsent(m.get("match_id"), k -> new ArrayList<>(List.of(m.get("mentor_id"))));
            members.add(m.get("mentee_id"));
        }
        Path zoom = Files.createDirectories(exportsOnly.resolve("exports/zoom"));
        for (CSVRecord s : video) {
            OffsetDateTime start = OffsetDateTime.parse(s.get("started_at")).withOffsetSameInstant(ZoneOffset.UTC);
            OffsetDateTime end = start.plusMinutes(Long.parseLong(s.get("duration_minutes")));
            List<String> lines = new ArrayList<>(List.of("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"));
            for (String person : people.get(s.get("match_id"))) {
                lines.add(String.join(",", "Person " + person, email.get(person), ZOOM_TIME.format(start), ZOOM_TIME.format(end),
                        s.get("duration_minutes"), "No"));
            }
            Files.write(zoom.resolve(s.get("session_id") + ".csv"), lines, StandardCharsets.UTF_8);
        }
        Files.writeString(exportsOnly.resolve("landing.properties"), "as_of=2026-06-30\nexports.timezone=UTC\n");
        Files.writeString(dir.resolve("key.txt"), "equivalence-test-key-0123456789abcdef");

        for (Path landing : List.of(handLogged, exportsOnly)) {
            Path warehouse = dir.resolve("warehouse-" + landing.getFileName());
            assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                    "--key-file", dir.resolve("key.txt").toString())).isZero();
            assertThat(Main.execute("metrics", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                    "--master", "local[2]")).isZero();
        }
        MartReader fromHand = new MartReader(new Warehouse(dir.resolve("warehouse-hand-logged").toAbsolutePath().toString()));
        MartReader fromZoom = new MartReader(new Warehouse(dir.resolve("warehouse-exports-only").toAbsolutePath().toString()));
        for (TableContract mart : List.of(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, Tables.MART_MATCH_ENGAGEMENT_MONTHLY,
                Tables.MART_ENGAGEMENT_ROLLUP, Tables.MART_MATCH_HEALTH)) {
            List<Map<String, Object>> hand = fromHand.read(mart);
            assertThat(hand).as(mart.name()).isNotEmpty();
            assertThat(fromZoom.read(mart)).as(mart.name()).containsExactlyInAnyOrderElementsOf(hand);
        }
        // Every meeting came through: as many Zoom sessions as hand-logged video sessions.
        Map<String, Object> zoomOrigin = fromZoom.read(Tables.MART_SESSION_SOURCES).stream()
                .filter(r -> r.get("source").equals("zoom")).findFirst().orElseThrow();
        assertThat(zoomOrigin.get("sessions")).isEqualTo((long) video.size());
    }
}
