package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * Ingest in a child JVM, killed with SIGKILL at several points of a run (after the first part
 * file, deep into the chunk steps, while compacting and publishing), then run again until it
 * completes. The staging tables must equal those of an uninterrupted run: same rows, no
 * duplicates, nothing lost.
 */
class KillAndRestartTest {

    private static final int CHUNK = 40;

    @TempDir
    Path dir;

    @Test
    void killedRunsResumeToExactlyTheRowsOfAnUninterruptedRun() throws Exception {
        Path landing = dir.resolve("landing");
        SampleData.generate(new GeneratorConfig(5L, 120, 3, LocalDate.of(2026, 9, 30), 0.5), landing);
        Path reference = dir.resolve("reference");
        assertThat(child(landing, reference, p -> false).exitCode).isZero();

        Path killed = dir.resolve("killed");
        List<Predicate<Path>> killPoints = List.of(
                w -> parts(w) >= 1,
                w -> parts(w) >= 15,
                w -> parts(w) >= 40,
                w -> parts(w) >= 80,
                w -> parts(w) >= 140,
                w -> exists(w, "compacted"));
        int kills = 0;
        for (Predicate<Path> point : killPoints) {
            Outcome outcome = child(landing, killed, point);
            if (outcome.killed) {
                kills++;
            }
        }
        Outcome last = child(landing, killed, p -> false);
        assertThat(last.exitCode).as(last.output).isZero();
        assertThat(kills).as("runs killed mid-way").isGreaterThanOrEqualTo(5);

        for (TableContract table : Tables.all()) {
            if (table.layer() == Layer.MARTS || table.name().startsWith("stg_ingest_")) {
                continue;
            }
            List<String> expected = rows(reference, table);
            List<String> actual = rows(killed, table);
            assertThat(actual).as(table.name()).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(actual).as(table.name() + " has no duplicate rows").doesNotHaveDuplicates();
        }
        assertThat(rows(reference, Tables.STG_SESSIONS)).hasSizeGreaterThan(500);
    }

    private record Outcome(boolean killed, int exitCode, String output) {
    }

    private Outcome child(Path landing, Path warehouse, Predicate<Path> killWhen) throws Exception {
        Path log = Files.createTempFile(dir, "child", ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(),
                landing.toString(), warehouse.toString(), Integer.toString(CHUNK))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        while (process.isAlive()) {
            if (killWhen.test(warehouse)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return new Outcome(true, -1, Files.readString(log));
            }
            Thread.sleep(5);
        }
        return new Outcome(false, process.exitValue(), Files.readString(log));
    }

    private static long parts(Path warehouse) {
        Path runs = warehouse.resolve("_ingest");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(runs)) {
            return walk.filter(p -> p.toString().contains(File.separator + "parts" + File.separator)
                    && p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet")).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static boolean exists(Path warehouse, String folder) {
        Path runs = warehouse.resolve("_ingest");
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> list = Files.list(runs)) {
            return list.anyMatch(run -> Files.isDirectory(run.resolve(folder)));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static List<String> rows(Path warehouse, TableContract table) throws IOException {
        List<String> rows = new ArrayList<>();
        for (GenericRecord r : IngestRun.read(warehouse, table)) {
            rows.add(r.toString());
        }
        return rows;
    }
}
