package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.GenerationReaders;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;
import org.mentoringanalytics.reports.Quarter;
import org.mentoringanalytics.reports.ReportFiles;

/**
 * The warehouse tells the truth about its state after kills, failures and damage: reports are whole
 * or rewritten, a failed publish never costs the readable generation, damaged staging is found by
 * every stage, and history records what really happened. Each test works on a copy of the shared
 * pipeline fixture.
 */
class WarehouseStateTest {

    private static final Quarter QUARTER = Quarter.parse("2026-Q2");

    private static String[] pipeline(PipelineFixture f, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--landing", f.landing.toString(), "--warehouse",
                f.warehouse.toString(), "--reports", f.reports.toString(), "--key-file", f.key.toString(), "--master", "local[2]"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static Map<String, String> files(Path folder) throws Exception {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return digests;
        }
        try (Stream<Path> all = Files.list(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    digests.put(file.getFileName().toString(), TableManifest.sha256(in));
                }
            }
        }
        return digests;
    }

    private static JsonNode history(PipelineFixture f) throws Exception {
        CommandLineTest.Captured history = CommandLineTest.capture(() -> Main.execute("history", "--warehouse",
                f.warehouse.toString(), "--json", "--limit", "100"));
        assertThat(history.exit()).isZero();
        return new ObjectMapper().readTree(history.out());
    }

    private static long sessions(Path warehouse) {
        return new MartReader(new Warehouse(warehouse.toAbsolutePath().toString())).read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)
                .stream().mapToLong(r -> (Long) r.get("sessions")).sum();
    }

    private static List<String> generations(Path warehouse) throws Exception {
        try (Stream<Path> entries = Files.list(warehouse)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".marts-"))
                    .map(n -> n.substring(".marts-".length())).sorted().toList();
        }
    }

    @Test
    void aRefreshKilledWhileWritingTheReportIsNotTakenAsDoneAndTheNextRefreshWritesTheReportWholeAndRecordsTheKill(
            @TempDir Path dir) throws Exception {
        PipelineFixture f = PipelineFixture.get().copyTo(dir);
        assertThat(ReportFiles.complete(f.reports, QUARTER)).isTrue();
        // A file of the report edited by hand: the report is no longer the one written, so refresh writes it again.
        Files.writeString(f.reports.resolve(QUARTER.toString()).resolve("dictionary.csv"), "edited\n", StandardOpenOption.APPEND);
        assertThat(ReportFiles.problems(f.reports, QUARTER)).containsExactly(QUARTER + "/dictionary.csv differs from the report it was written with");
        Map<String, String> manifestsBefore = files(f.warehouse.resolve("_runs"));

        try (ChildProgram refresh = ChildProgram.start(dir.resolve("killed-refresh.log"), pipeline(f, "refresh"))) {
            Instant end = Instant.now().plus(Duration.ofMinutes(3));
            while (!workingFolderExists(f.reports)) {
                assertThat(refresh.process().isAlive()).as("refresh ended before its report step:\n" + refresh.output()).isTrue();
                assertThat(Instant.now()).as("no report step within 3 minutes:\n" + refresh.output()).isBefore(end);
                Thread.sleep(5);
            }
            refresh.process().destroyForcibly().waitFor();
            assertThat(refresh.output()).contains("metrics up to date").doesNotContain("report 2026-Q2 written");
        }
        assertThat(ReportFiles.complete(f.reports, QUARTER)).as("a report cut short is not complete").isFalse();

        CommandLineTest.Captured next = CommandLineTest.capture(() -> Main.execute(pipeline(f, "refresh")));
        assertThat(next.exit()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).contains("report 2026-Q2 written");
        assertThat(next.err()).contains("had been killed");
        assertThat(ReportFiles.problems(f.reports, QUARTER)).isEmpty();
        assertThat(workingFolderExists(f.reports)).as("the killed run's working folder is removed").isFalse();
        List<String> sums = Files.readAllLines(f.reports.resolve(QUARTER.toString()).resolve("SHA256SUMS"));
        try (Stream<Path> written = Files.list(f.reports.resolve(QUARTER.toString()))) {
            // Every file of the folder but SHA256SUMS itself, plus the PDF, page and workbook beside it.
            assertThat(sums).hasSize((int) written.count() + 2);
        }
        assertThat(sums).anyMatch(l -> l.endsWith("  mentoring-2026-Q2.pdf")).anyMatch(l -> l.endsWith("  mentoring-2026-Q2.html"))
                .anyMatch(l -> l.endsWith("  mentoring-2026-Q2.xlsx"));

        // History: the killed refresh is FAILED with when it was found; ids never repeat; no manifest overwritten.
        JsonNode history = history(f);
        List<JsonNode> refreshes = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        history.forEach(run -> {
            assertThat(ids.add(run.get("run").asLong())).as("run ids are unique").isTrue();
            if (run.get("job").asText().equals("refresh")) {
                refreshes.add(run);
            }
        });
        assertThat(refreshes).hasSize(2);
        JsonNode completed = refreshes.get(0);
        JsonNode killed = refreshes.get(1);
        assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(completed.get("started").asText()).matches(".*(Z|[+-]\\d\\d:\\d\\d)$");
        assertThat(killed.get("status").asText()).isEqualTo("FAILED");
        assertThat(killed.get("message").asText()).startsWith("killed: still marked running when refresh");
        assertThat(killed.get("steps").findValuesAsText("step")).contains("ingest", "metrics", "report");
        assertThat(killed.get("run").asLong()).isLessThan(completed.get("run").asLong());
        Map<String, String> manifestsAfter = files(f.warehouse.resolve("_runs"));
        manifestsBefore.forEach((name, digest) -> assertThat(manifestsAfter).containsEntry(name, digest));
        assertThat(manifestsAfter).doesNotContainKey("refresh-" + killed.get("run").asLong() + ".json")
                .containsKey("refresh-" + completed.get("run").asLong() + ".json");
    }

    private static boolean workingFolderExists(Path reports) throws Exception {
        try (Stream<Path> entries = Files.list(reports)) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith(".report-"));
        }
    }

    @Test
    void metricsKilledMidPublishTwiceKeepsTheReadableGenerationAndTheNextSuccessRemovesOnlyWhatNoReaderHolds(
            @TempDir Path dir) throws Exception {
        PipelineFixture f = PipelineFixture.get().copyTo(dir);
        Path warehouse = f.warehouse;
        String good = Warehouse.publishedGeneration(warehouse).orElseThrow();
        // The fixture may already hold the generation before the published one (kept for readers).
        List<String> before = generations(warehouse);
        long sessions = sessions(warehouse);
        String[] metrics = {"metrics", "--warehouse", warehouse.toString(), "--as-of", PipelineFixture.AS_OF.toString(),
                "--master", "local[2]"};
        // Analysts read the safe layer (small cells suppressed): what a query returns before any kill.
        List<String> answer = sumOfSessions(warehouse, dir.resolve("sessions-0.csv"));
        assertThat(answer).hasSize(2);
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (ChildProgram run = ChildProgram.start(dir.resolve("metrics-" + attempt + ".log"), metrics)) {
                run.awaitOutput("mart_match_engagement_monthly", Duration.ofMinutes(3));
                run.process().destroyForcibly().waitFor();
            }
            assertThat(Warehouse.publishedGeneration(warehouse)).contains(good);
            assertThat(sumOfSessions(warehouse, dir.resolve("sessions-" + attempt + ".csv"))).isEqualTo(answer);
        }
        List<String> partial = new ArrayList<>(generations(warehouse));
        partial.removeAll(before);
        assertThat(partial).hasSize(2).allSatisfy(g -> assertThat(warehouse.resolve(".marts-" + g + "/" + Warehouse.COMMITTED))
                .doesNotExist());

        // The next success publishes, keeps the generation before it and removes the two unfinished ones.
        assertThat(Main.execute(metrics)).isZero();
        String second = Warehouse.publishedGeneration(warehouse).orElseThrow();
        assertThat(generations(warehouse)).containsExactlyInAnyOrder(good, second);
        for (String g : partial) {
            for (String layer : List.of(".marts-", ".safe-", ".intermediate-")) {
                assertThat(warehouse.resolve(layer + g)).doesNotExist();
            }
        }
        assertThat(warehouse.resolve(".marts-" + second + "/" + Warehouse.COMMITTED)).isRegularFile();
        assertThat(sessions(warehouse)).isEqualTo(sessions);

        // A reader still in the first generation keeps it through the next publish; without readers it goes.
        try (AutoCloseable reader = GenerationReaders.hold(warehouse, good)) {
            assertThat(Main.execute(metrics)).isZero();
            String third = Warehouse.publishedGeneration(warehouse).orElseThrow();
            assertThat(generations(warehouse)).containsExactlyInAnyOrder(good, second, third);
            assertThat(warehouse.resolve(".marts-" + good + "/mart_program_engagement_monthly")).isDirectory();
        }
        CommandLineTest.Captured verify = CommandLineTest.capture(() -> Main.execute("verify", "--warehouse",
                warehouse.toString(), "--reports", f.reports.toString()));
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("ok: 0 damaged");
    }

    private static List<String> sumOfSessions(Path warehouse, Path csv) throws Exception {
        assertThat(Main.execute("sql", "SELECT sum(sessions) AS sessions FROM mart_program_engagement_monthly", "--warehouse",
                warehouse.toString(), "--format", "csv", "--output", csv.toString(), "--master", "local[2]")).isZero();
        return Files.readAllLines(csv);
    }

    @Test
    void aDeletedOrTruncatedStagingPartIsFoundByVerifyRefreshMetricsAndIngestAndRebuiltFromTheLandingFiles(
            @TempDir Path dir) throws Exception {
        PipelineFixture f = PipelineFixture.get().copyTo(dir);
        Path sessions = f.warehouse.resolve("staging").resolve("stg_sessions");
        TableManifest before = TableManifest.readLocal(sessions);
        assertThat(before).isNotNull();
        assertThat(before.parts()).hasSizeGreaterThan(1);
        TableManifest.Part deleted = before.parts().get(0);
        TableManifest.Part truncated = before.parts().get(1);
        Files.delete(sessions.resolve(deleted.file()));

        CommandLineTest.Captured verify = CommandLineTest.capture(() -> Main.execute("verify", "--warehouse",
                f.warehouse.toString(), "--reports", f.reports.toString()));
        assertThat(verify.exit()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(verify.out()).contains("DAMAGED  staging/stg_sessions: " + deleted.file() + " is missing (it held "
                + deleted.rows() + " rows)").contains("ingest --rebuild sessions");
        CommandLineTest.Captured refresh = CommandLineTest.capture(() -> Main.execute(pipeline(f, "refresh")));
        assertThat(refresh.exit()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(refresh.err()).contains("stg_sessions is damaged").contains(deleted.file());
        CommandLineTest.Captured metrics = CommandLineTest.capture(() -> Main.execute("metrics", "--warehouse",
                f.warehouse.toString(), "--as-of", PipelineFixture.AS_OF.toString(), "--master", "local[2]"));
        assertThat(metrics.exit()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(metrics.err()).contains(deleted.file() + " is missing");

        try (FileChannel part = FileChannel.open(sessions.resolve(truncated.file()), StandardOpenOption.WRITE)) {
            part.truncate(truncated.bytes() / 2);
        }
        verify = CommandLineTest.capture(() -> Main.execute("verify", "--warehouse", f.warehouse.toString()));
        assertThat(verify.exit()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(verify.out()).contains(truncated.file() + " has " + truncated.bytes() / 2 + " bytes, " + truncated.bytes()
                + " were written");
        CommandLineTest.Captured ingest = CommandLineTest.capture(() -> Main.execute("ingest", "--landing", f.landing.toString(),
                "--warehouse", f.warehouse.toString(), "--key-file", f.key.toString()));
        assertThat(ingest.exit()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(ingest.out()).doesNotContain("nothing new");

        CommandLineTest.Captured rebuild = CommandLineTest.capture(() -> Main.execute("ingest", "--landing", f.landing.toString(),
                "--warehouse", f.warehouse.toString(), "--key-file", f.key.toString(), "--rebuild", "sessions"));
        assertThat(rebuild.exit()).as(rebuild.out() + rebuild.err()).isZero();
        assertThat(TableManifest.readLocal(sessions).rows()).isEqualTo(before.rows());
        verify = CommandLineTest.capture(() -> Main.execute("verify", "--warehouse", f.warehouse.toString()));
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(Files.readString(sessions.resolve(TableManifest.FILE), StandardCharsets.UTF_8))
                .startsWith("# table stg_sessions rows " + before.rows());
    }
}
