package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ingest is small while its landing files and the staging tables each stay within the limit. */
class SmallWarehouseTest {

    private static void fileOf(Path file, long bytes) throws Exception {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes);
        }
    }

    @Test
    void anIngestIsSmallUpToTheLimitInLandingAndStaging(@TempDir Path dir) throws Exception {
        Path landing = dir.resolve("landing");
        String warehouse = dir.resolve("warehouse").toString();
        fileOf(landing.resolve("sessions/sessions-2025.csv"), SmallWarehouse.STAGING_BYTES / 2);
        fileOf(landing.resolve("sessions/sessions-2026.csv"), SmallWarehouse.STAGING_BYTES / 2);
        assertThat(SmallWarehouse.smallIngest(landing, warehouse)).isTrue();

        fileOf(landing.resolve("hr/employees.csv"), 1);
        assertThat(SmallWarehouse.smallIngest(landing, warehouse)).as("one byte over, in landing").isFalse();

        Files.delete(landing.resolve("hr/employees.csv"));
        fileOf(dir.resolve("elsewhere/surveys.csv"), 1);
        Files.createSymbolicLink(landing.resolve("surveys"), dir.resolve("elsewhere"));
        assertThat(SmallWarehouse.smallIngest(landing, warehouse)).as("one byte over, in a linked folder").isFalse();

        Files.delete(landing.resolve("surveys"));
        fileOf(dir.resolve("warehouse/staging/stg_sessions/part-0.parquet"), SmallWarehouse.STAGING_BYTES + 1);
        assertThat(SmallWarehouse.smallIngest(landing, warehouse)).as("over, in staging").isFalse();
        assertThat(SmallWarehouse.smallIngest(landing, "hdfs://namenode:8020/warehouse")).isFalse();
    }

    /** What a report and a Spark session look at: the staging tables of a local warehouse only. */
    @Test
    void aWarehouseIsSmallUpToTheLimitInStagingAndOnlyWhenLocal(@TempDir Path dir) throws Exception {
        String warehouse = dir.resolve("warehouse").toString();
        assertThat(SmallWarehouse.small(warehouse)).as("new").isTrue();
        fileOf(dir.resolve("warehouse/staging/stg_sessions/part-0.parquet"), SmallWarehouse.STAGING_BYTES);
        assertThat(SmallWarehouse.small(warehouse)).isTrue();
        assertThat(SmallWarehouse.applies("local[*]", warehouse)).isTrue();
        assertThat(SmallWarehouse.applies("spark://host:7077", warehouse)).as("on a cluster").isFalse();
        fileOf(dir.resolve("warehouse/staging/stg_matches/part-0.parquet"), 1);
        assertThat(SmallWarehouse.small(warehouse)).as("one byte over").isFalse();
        assertThat(SmallWarehouse.small("s3a://bucket/warehouse")).isFalse();
    }
}
