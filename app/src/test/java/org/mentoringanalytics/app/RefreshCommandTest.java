package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/** The nightly refresh through the command line: idempotent, incremental, recorded. */
class RefreshCommandTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    @TempDir
    Path dir;

    private int refresh() {
        return Main.execute("refresh", "--landing", dir.resolve("landing").toString(), "--warehouse",
                dir.resolve("warehouse").toString(), "--reports", dir.resolve("reports").toString(), "--key-file",
                dir.resolve("key.txt").toString(), "--master", "local[2]");
    }

    /** SHA-256 of every file of the published intermediate and mart tables, by path inside the layer. */
    private Map<String, String> publishedFiles() throws Exception {
        Map<String, String> digests = new TreeMap<>();
        for (String layer : List.of("marts", "intermediate")) {
            Path root = dir.resolve("warehouse").resolve(layer);
            try (Stream<Path> files = Files.walk(root.toRealPath())) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".crc")).toList()) {
                    String name = layer + "/" + root.toRealPath().relativize(file);
                    digests.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            }
        }
        return digests;
    }

    private static Map<String, String> ofTable(Map<String, String> files, String table) {
        Map<String, String> result = new TreeMap<>();
        files.forEach((name, digest) -> {
            if (name.contains("/" + table + "/")) {
                result.put(name, digest);
            }
        });
        return result;
    }

    private JsonNode manifest(long run) throws Exception {
        return new ObjectMapper().readTree(dir.resolve("warehouse/_runs/refresh-" + run + ".json").toFile());
    }

    private long sessions() {
        return new MartReader(new Warehouse(dir.resolve("warehouse").toAbsolutePath().toString()))
                .read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY).stream().mapToLong(r -> (Long) r.get("sessions")).sum();
    }

    @Test
    void aSecondRefreshChangesNothingAndANewSessionFileRecomputesOnlyWhatReadsSessions() throws Exception {
        SampleData.generate(new GeneratorConfig(5L, 250, 3, AS_OF, 0.6), dir.resolve("landing"));
        Files.writeString(dir.resolve("key.txt"), "refresh-test-key-0123456789abcdef");

        assertThat(refresh()).isZero();
        assertThat(manifest(1).at("/metrics/recomputed")).hasSize(org.mentoringanalytics.jobs.MetricsJob.Group.values().length);
        assertThat(dir.resolve("reports/mentoring-2026-Q2.pdf")).isRegularFile();
        Map<String, String> first = publishedFiles();
        Path generation = Files.readSymbolicLink(dir.resolve("warehouse/marts"));
        long sessionsBefore = sessions();

        // Same input again: nothing is recomputed, republished or rewritten.
        assertThat(refresh()).isZero();
        JsonNode second = manifest(3);
        assertThat(second.at("/ingest/outcome").asText()).isEqualTo("nothing_new");
        assertThat(second.at("/metrics/recomputed")).isEmpty();
        assertThat(second.at("/report/skipped").asText()).contains("up to date");
        assertThat(publishedFiles()).isEqualTo(first);
        assertThat(Files.readSymbolicLink(dir.resolve("warehouse/marts"))).isEqualTo(generation);

        // One new session file: only the groups that read sessions (and the data-quality tables) are recomputed.
        Path sessionsFolder = dir.resolve("landing/sessions");
        String header;
        String last;
        try (Stream<Path> files = Files.list(sessionsFolder)) {
            Path latest = files.sorted().reduce((a, b) -> b).orElseThrow();
            List<String> lines = Files.readAllLines(latest, StandardCharsets.UTF_8);
            header = lines.get(0);
            last = lines.get(lines.size() - 1);
        }
        String[] cells = last.split(",", -1);
        List<String> added = new ArrayList<>(List.of(header));
        for (int i = 1; i <= 2; i++) {
            cells[0] = "LATE-" + i;
            added.add(String.join(",", cells));
        }
        Files.write(sessionsFolder.resolve("late-entries.csv"), added, StandardCharsets.UTF_8);

        assertThat(refresh()).isZero();
        JsonNode third = manifest(5);
        assertThat(third.at("/ingest/files/0/file").asText()).isEqualTo("sessions/late-entries.csv");
        assertThat(third.at("/ingest/files/0/content_hash").asText()).hasSize(64);
        assertThat(third.at("/metrics/recomputed").toString()).isEqualTo("[\"engagement\",\"data_quality\"]");
        assertThat(third.at("/report/quarter").asText()).isEqualTo("2026-Q2");
        Map<String, String> now = publishedFiles();
        for (String unchanged : List.of("mart_retention_outcome", "mart_retention_survival", "int_outcome_cohort",
                "mart_survey_results", "mart_goals_quarterly", "mart_participation_quarterly", "mart_turnover_monthly")) {
            assertThat(ofTable(now, unchanged)).as(unchanged).isNotEmpty().isEqualTo(ofTable(first, unchanged));
        }
        assertThat(ofTable(now, "mart_program_engagement_monthly")).isNotEqualTo(ofTable(first, "mart_program_engagement_monthly"));
        assertThat(sessions()).isEqualTo(sessionsBefore + 2);

        // An analyst's ad-hoc cut: written under adhoc/, queryable by sql, the marts untouched.
        Map<String, String> beforeAdHoc = publishedFiles();
        String warehouse = dir.resolve("warehouse").toString();
        assertThat(Main.execute("metrics", "--warehouse", warehouse, "--as-of", AS_OF.toString(), "--output", "q2-total",
                "--from", "2026-04-01", "--to", "2026-06-30", "--master", "local[2]")).isZero();
        assertThat(Main.execute("metrics", "--warehouse", warehouse, "--as-of", AS_OF.toString(), "--output", "q2-by-level",
                "--from", "2026-04-01", "--to", "2026-06-30", "--by", "department,job_level", "--master", "local[2]")).isZero();
        assertThat(publishedFiles()).isEqualTo(beforeAdHoc);
        long q2Sessions = new MartReader(new Warehouse(dir.resolve("warehouse").toAbsolutePath().toString()))
                .read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY).stream()
                .filter(r -> !((LocalDate) r.get("month")).isBefore(LocalDate.of(2026, 4, 1)))
                .mapToLong(r -> (Long) r.get("sessions")).sum();
        Path total = dir.resolve("total.csv");
        assertThat(Main.execute("sql", "SELECT sessions, suppressed FROM adhoc_q2_total", "--warehouse", warehouse,
                "--format", "csv", "--output", total.toString(), "--master", "local[2]")).isZero();
        assertThat(Files.readAllLines(total)).containsExactly("sessions,suppressed", q2Sessions + ",false");
        Path levels = dir.resolve("levels.csv");
        assertThat(Main.execute("sql", "SELECT count(*), sum(CASE WHEN suppressed THEN 1 ELSE 0 END), "
                        + "sum(CASE WHEN people < 5 OR (suppressed AND (people IS NOT NULL OR sessions IS NOT NULL)) THEN 1 ELSE 0 END), "
                        + "sum(sessions) <= " + q2Sessions
                        + " FROM adhoc_q2_by_level", "--warehouse", warehouse, "--format", "csv", "--output", levels.toString(),
                "--master", "local[2]")).isZero();
        String[] counts = Files.readAllLines(levels).get(1).split(",");
        assertThat(Long.parseLong(counts[0])).isGreaterThan(3);
        assertThat(counts[2]).as("no values from fewer than 5 people").isEqualTo("0");
        assertThat(counts[3]).isEqualTo("true");
        assertThat(Main.execute("metrics", "--warehouse", warehouse, "--output", "bad", "--by", "shoe_size")).isEqualTo(ExitCodes.USAGE);

        // Every run is in the job repository, listed by history.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.execute("history", "--warehouse", dir.resolve("warehouse").toString(), "--json")).isZero();
        } finally {
            System.setOut(original);
        }
        JsonNode history = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        List<String> refreshes = new ArrayList<>();
        history.forEach(r -> {
            if (r.get("job").asText().equals("refresh")) {
                refreshes.add(r.get("status").asText() + " " + r.get("rows").asLong());
            }
        });
        long firstRows = manifest(1).at("/ingest/files").findValues("rows_written").stream().mapToLong(JsonNode::asLong).sum();
        assertThat(refreshes).containsExactly("COMPLETED 2", "COMPLETED 0", "COMPLETED " + firstRows);
    }
}
