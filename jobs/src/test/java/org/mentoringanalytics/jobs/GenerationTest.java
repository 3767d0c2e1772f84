package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.d;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

class GenerationTest {

    @TempDir
    Path dir;

    private void publish(Warehouse warehouse, int rows) {
        TableIO io = new TableIO(SharedSpark.get(), warehouse);
        Generation generation = new Generation(io, warehouse);
        List<Object[]> programs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            programs.add(new Object[]{"P" + i, "p" + i, "career", "one_to_one", d("2024-01-01"), null});
        }
        // Any mart-layer contract will do: the test is about publishing, not about the rows.
        var data = table(Tables.STG_PROGRAMS, programs.toArray(Object[][]::new))
                .selectExpr("program_id", "name as program_name", "'2026-Q1' as quarter", "0L as goals_set",
                        "0L as goals_completed", "cast(null as double) as completion_rate", "0L as set_in_quarter",
                        "0L as completed_in_quarter", "1L as people");
        generation.publish(data, Tables.MART_GOALS_QUARTERLY);
        Properties metadata = new Properties();
        metadata.setProperty("rows", Integer.toString(rows));
        generation.commit(metadata);
    }

    /**
     * Rows of the published table as a reader finds it at this moment, from the Parquet footers. Like
     * the project's readers, it resolves the layer link once, then lists and opens files in that generation.
     */
    private static long rowsNow(Warehouse warehouse) throws Exception {
        long rows = 0;
        Path folder = Path.of(warehouse.location(Tables.MART_GOALS_QUARTERLY)).toRealPath();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
                    rows += reader.getRecordCount();
                }
            }
        }
        return rows;
    }

    @Test
    void aReaderSeesTheOldOrTheNewTablesNeverAMixOrNothing() throws Exception {
        Warehouse warehouse = new Warehouse(dir.toString());
        publish(warehouse, 2);
        assertThat(Files.isSymbolicLink(dir.resolve("marts"))).isTrue();
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    seen.add(rowsNow(warehouse));
                } catch (Throwable e) {
                    errors.add(e);
                }
            }
        });
        reader.start();
        for (int i = 0; i < 6; i++) {
            publish(warehouse, i % 2 == 0 ? 3 : 2);
        }
        done.set(true);
        reader.join();
        assertThat(errors).isEmpty();
        assertThat(seen).isNotEmpty().allMatch(n -> n == 2 || n == 3);
        assertThat(rowsNow(warehouse)).isEqualTo(2);
        // The published generation and the one before it are kept; older ones are gone.
        try (var entries = Files.list(dir)) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith(".marts-"))).hasSize(2);
        }
        assertThat(new Generation(new TableIO(SharedSpark.get(), warehouse), warehouse).published().getProperty("rows"))
                .isEqualTo("2");
    }

    @Test
    void aFailedRunLeavesThePublishedTablesAsTheyWere() throws Exception {
        Warehouse warehouse = new Warehouse(dir.toString());
        publish(warehouse, 3);
        Generation failing = new Generation(new TableIO(SharedSpark.get(), warehouse), warehouse);
        failing.carryOver(Tables.MART_GOALS_QUARTERLY);
        failing.abort();
        assertThat(rowsNow(warehouse)).isEqualTo(3);
        try (var entries = Files.list(dir)) {
            assertThat(entries.filter(p -> p.getFileName().toString().startsWith(".marts-"))).hasSize(1);
        }
    }
}
