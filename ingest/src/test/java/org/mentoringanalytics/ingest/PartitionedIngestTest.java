package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * A source's files read on several threads give exactly what one thread gives: the same staging
 * rows in the same order, the same rejects and warnings in file and line order, the same per-file
 * counts, and a key repeated in a later file still supersedes the earlier one.
 */
class PartitionedIngestTest {

    private static final int CHUNK = 50;

    @TempDir
    Path dir;

    private static long lineCount(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void filesReadOnSeveralThreadsGiveWhatOneThreadGives() throws Exception {
        Path landing = dir.resolve("landing");
        SampleData.generate(new GeneratorConfig(11L, 150, 3, LocalDate.of(2026, 9, 30), 0.5), landing);
        List<Path> sessionFiles;
        try (var files = Files.list(landing.resolve("sessions"))) {
            sessionFiles = files.sorted().toList();
        }
        assertThat(sessionFiles).hasSizeGreaterThan(3);
        // Bad rows in two files, and the last session of the biggest earlier file (read in a late chunk) repeated
        // on the last file's first line (its first chunk): part names must still put the later file last.
        Path first = sessionFiles.get(0);
        Path last = sessionFiles.get(sessionFiles.size() - 1);
        Path biggest = sessionFiles.subList(0, sessionFiles.size() - 1).stream()
                .max(java.util.Comparator.comparingLong(PartitionedIngestTest::lineCount)).orElseThrow();
        List<String> biggestLines = Files.readAllLines(biggest);
        assertThat(biggestLines).hasSizeGreaterThan(3 * CHUNK);
        String repeated = biggestLines.get(biggestLines.size() - 1);
        Files.writeString(first, "S-BAD-1,M00001,2026-01-05T10:00:00+01:00,30,fax,sync,E00001\n", StandardOpenOption.APPEND);
        Files.writeString(sessionFiles.get(2), "S-BAD-2,M00001,not a time,30,video,sync,E00001\n", StandardOpenOption.APPEND);
        List<String> lastLines = new java.util.ArrayList<>(Files.readAllLines(last));
        lastLines.add(1, repeated.replaceFirst(",\\d+,(video|phone|chat|email|in_person),", ",599,$1,"));
        Files.write(last, lastLines);

        Set<String> threads = ConcurrentHashMap.newKeySet();
        java.util.Map<String, List<Long>> finished = new ConcurrentHashMap<>();
        IngestProgress seen = (source, rows, done) -> {
            threads.add(Thread.currentThread().getName());
            if (done) {
                finished.computeIfAbsent(source, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(rows);
            }
        };
        IngestResult one = IngestRun.run(landing, dir.resolve("one"), new IngestSettings(CHUNK, 10_000, IngestProgress.NONE,
                1_000_000, 1));
        IngestResult four = IngestRun.run(landing, dir.resolve("four"), new IngestSettings(CHUNK, 10_000, seen, 1_000_000, 4));

        assertThat(one.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(four.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(threads.stream().filter(t -> t.startsWith("ingest-"))).hasSizeGreaterThan(1);
        for (TableContract table : List.of(Tables.STG_SESSIONS, Tables.STG_EMPLOYEES, Tables.STG_MATCHES,
                Tables.STG_SURVEY_RESPONSES, Tables.STG_INGEST_REJECTS)) {
            assertThat(rows(dir.resolve("four"), table)).as(table.name()).containsExactlyElementsOf(rows(dir.resolve("one"), table));
        }
        assertThat(outcomes(four)).containsExactlyInAnyOrderElementsOf(outcomes(one));
        // A source ends once, when its last partition does, with the rows of all its files; not once a partition.
        long sessionsRead = four.files().stream().filter(f -> f.source().equals("sessions"))
                .mapToLong(IngestResult.FileOutcome::read).sum();
        assertThat(finished.get("sessions")).containsExactly(sessionsRead);
        assertThat(finished.values()).allSatisfy(reports -> assertThat(reports).hasSize(1));
        for (String csv : List.of("sessions.csv", "warnings-sessions.csv")) {
            Path a = one.rejectsFolder().resolve(csv);
            Path b = four.rejectsFolder().resolve(csv);
            assertThat(Files.exists(a)).isEqualTo(Files.exists(b));
            if (Files.exists(a)) {
                assertThat(Files.readString(b)).as(csv).isEqualTo(Files.readString(a));
            }
        }

        String rejects = Files.readString(four.rejectsFolder().resolve("sessions.csv"));
        String relativeFirst = "sessions/" + first.getFileName();
        assertThat(rejects).contains(relativeFirst + ",").contains("not_accepted").contains("bad_type").contains("duplicate_key");
        // The later file's row wins: the staging row has the duration the last file gave it.
        String repeatedId = repeated.substring(0, repeated.indexOf(','));
        assertThat(IngestRun.read(dir.resolve("four"), Tables.STG_SESSIONS))
                .filteredOn(r -> r.get("session_id").toString().equals(repeatedId))
                .extracting(r -> r.get("duration_minutes")).containsExactly(599);
    }

    private static List<String> outcomes(IngestResult result) {
        return result.files().stream().map(f -> String.join(" ", f.file(), f.status(), String.valueOf(f.read()),
                String.valueOf(f.written()), String.valueOf(f.rejected()), String.valueOf(f.superseding()))).toList();
    }

    private static List<String> rows(Path warehouse, TableContract table) throws Exception {
        // Run ids and load times differ between the two warehouses; everything else must not.
        return IngestRun.read(warehouse, table).stream().map(PartitionedIngestTest::withoutRunFields).toList();
    }

    private static String withoutRunFields(GenericRecord r) {
        StringBuilder text = new StringBuilder();
        for (var field : r.getSchema().getFields()) {
            if (!field.name().equals("run_id") && !field.name().endsWith("_at")) {
                text.append(field.name()).append('=').append(r.get(field.pos())).append(' ');
            } else if (field.name().equals("started_at")) {
                text.append(field.name()).append('=').append(r.get(field.pos())).append(' ');
            }
        }
        return text.toString();
    }
}
