package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/**
 * A field of more than two billion characters (a few megabytes gzipped, written by the test, never
 * committed) reaches an ingest whose heap is capped at 512 MB: the row is rejected as too_long with
 * its file and line, the rows around it load, and the run ends normally.
 */
class HugeFieldTest {

    private static final long FIELD_CHARS = (1L << 31) + 1000;

    @TempDir
    Path dir;

    @Test
    void aMultiGigabyteFieldIsRejectedWithTheHeapCappedAt512Megabytes() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path huge = landing.resolve("sessions/sessions-huge.csv.gz");
        GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(huge), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("session_id,match_id,started_at,duration_minutes,channel,mode,logged_by\n");
            out.write("S7,M1,2026-03-03T10:00:00Z,30,video,sync,E1\n");
            out.write("S8,M1,2026-03-04T10:00:00Z,30,video,sync,");
            char[] block = "x".repeat(1 << 16).toCharArray();
            for (long written = 0; written < FIELD_CHARS; written += block.length) {
                out.write(block);
            }
            out.write("\nS9,M1,2026-03-05T10:00:00Z,30,video,sync,E1\n");
        }
        assertThat(Files.size(huge)).as("small on disk").isLessThan(50L << 20);

        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(),
                landing.toString(), dir.resolve("warehouse").toString(), "20000")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("outcome COMPLETED").doesNotContain("OutOfMemoryError");

        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_SESSIONS)).extracting(r -> r.get("session_id").toString())
                .containsExactlyInAnyOrder("S1", "S2", "S7", "S9");
        Path rejects = dir.resolve("warehouse").resolve("rejects");
        try (var runs = Files.list(rejects)) {
            Path run = runs.findFirst().orElseThrow();
            CSVRecord reject = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(run.resolve("sessions.csv"))).getRecords().get(0);
            assertThat(reject.get("file")).isEqualTo("sessions/sessions-huge.csv.gz");
            assertThat(reject.get("line")).isEqualTo("3");
            assertThat(reject.get("reason")).isEqualTo("too_long");
        }
    }
}
