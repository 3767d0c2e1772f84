package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoringanalytics.contracts.Column.optional;
import static org.mentoringanalytics.contracts.Column.required;
import static org.mentoringanalytics.contracts.Column.requiredEnum;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.ColumnType;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

class DriverParquetTest {

    /** Every column type, required and optional, as a mart could hold them. */
    private static final TableContract EVERY_TYPE = TableContract.builder("mart_every_type", Layer.MARTS,
                    "One row per key: a test of every column type.")
            .column(required("key", ColumnType.STRING, "key"))
            .column(requiredEnum("kind", "kind", "a", "b"))
            .column(optional("count_int", ColumnType.INT, "an int"))
            .column(required("count_long", ColumnType.LONG, "a long"))
            .column(optional("share", ColumnType.DOUBLE, "a double"))
            .column(optional("flag", ColumnType.BOOLEAN, "a boolean"))
            .column(optional("day", ColumnType.DATE, "a date"))
            .column(optional("at", ColumnType.TIMESTAMP, "a timestamp"))
            .primaryKey("key")
            .build();

    @TempDir
    Path dir;

    @Test
    void rowsWrittenOnTheDriverReadBackInSparkEqualToWhatSparkWrites() throws Exception {
        SparkSession spark = SharedSpark.get();
        List<Row> rows = List.of(
                RowFactory.create("k1", "a", 7, 9_000_000_000L, 0.125, true, Date.valueOf("2026-02-28"),
                        Timestamp.from(Instant.parse("2026-03-29T01:30:00.123456Z"))),
                // Java time types, values before 1970 and extremes of each type.
                RowFactory.create("k2", "b", Integer.MIN_VALUE, Long.MAX_VALUE, -0.0, false, LocalDate.of(1969, 12, 31),
                        Instant.parse("1969-12-31T23:59:59.999999Z")),
                RowFactory.create("k3 ünïcödé", "a", null, 0L, Double.NaN, null, null, null));
        TableIO io = new TableIO(spark, new Warehouse(dir.toString()));

        io.write(rows, EVERY_TYPE, dir.resolve("driver").toString());
        List<Row> driver = io.read(EVERY_TYPE, dir.resolve("driver").toString()).orderBy("key").collectAsList();

        // The same rows written by Spark, as every table was before.
        List<Row> sparkRows = List.of(rows.get(0),
                RowFactory.create("k2", "b", Integer.MIN_VALUE, Long.MAX_VALUE, -0.0, false, Date.valueOf("1969-12-31"),
                        Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z"))),
                rows.get(2));
        spark.createDataFrame(sparkRows, SparkSchemas.of(EVERY_TYPE)).write().parquet(dir.resolve("spark").toString());
        List<Row> bySpark = io.read(EVERY_TYPE, dir.resolve("spark").toString()).orderBy("key").collectAsList();

        assertThat(driver).hasSize(3).isEqualTo(bySpark);
        assertThat(driver.get(0).getTimestamp(7).toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00.123456Z"));
        assertThat(driver.get(1).getDate(6).toLocalDate()).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(driver.get(1).getLong(3)).isEqualTo(Long.MAX_VALUE);
        assertThat(driver.get(2).isNullAt(2)).isTrue();
        // Written with a manifest, so the table passes the same integrity check as any other.
        FileSystem fs = new org.apache.hadoop.fs.Path(dir.toString()).getFileSystem(spark.sparkContext().hadoopConfiguration());
        assertThat(TableFiles.problems(fs, new org.apache.hadoop.fs.Path(dir.resolve("driver").toString()))).isEmpty();
    }

    @Test
    void noRowsStillWriteAFileWithTheSchema() {
        TableIO io = new TableIO(SharedSpark.get(), new Warehouse(dir.toString()));
        io.write(List.of(), EVERY_TYPE, dir.resolve("empty").toString());
        var back = io.read(EVERY_TYPE, dir.resolve("empty").toString());
        assertThat(back.count()).isZero();
        assertThat(dir.resolve("empty").toFile().list((d, name) -> name.endsWith(".parquet"))).hasSize(1);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheTableAndColumnAndNothingIsPublished() {
        TableIO io = new TableIO(SharedSpark.get(), new Warehouse(dir.toString()));
        List<Row> rows = List.of(RowFactory.create("k1", "a", 7L, 1L, null, null, null, null));
        assertThatThrownBy(() -> io.write(rows, EVERY_TYPE, dir.resolve("bad").toString()))
                .hasMessageContaining("mart_every_type.count_int is INT but a row holds a Long (7)");
    }

    @Test
    void aResultOverTheDriverLimitIsCheckedAndWrittenBySparkAndEqualsTheDriverPath() {
        SparkSession spark = SharedSpark.get();
        TableIO io = new TableIO(spark, new Warehouse(dir.toString()));
        int n = TableIO.DRIVER_ROWS + 5;
        var large = spark.range(n).selectExpr("concat('k', id) as key", "if(id % 2 = 0, 'a', 'b') as kind",
                "cast(id as int) as count_int", "id * 3 as count_long", "id / 7.0 as share", "id % 3 = 0 as flag",
                "date_add(DATE'2026-01-01', cast(id % 400 as int)) as day", "cast(null as timestamp) as at");
        TableIO.Written big = io.write(large, EVERY_TYPE, dir.resolve("large").toString());
        assertThat(big.rows()).isEqualTo(n);
        assertThat(big.rowsOnDriver()).isNull();
        TableIO.Written small = io.write(large.limit(1000), EVERY_TYPE, dir.resolve("small").toString());
        assertThat(small.rowsOnDriver()).hasSize(1000);
        assertThat(io.read(EVERY_TYPE, dir.resolve("large").toString()).count()).isEqualTo(n);
        assertThat(io.read(EVERY_TYPE, dir.resolve("small").toString()).except(
                io.read(EVERY_TYPE, dir.resolve("large").toString())).count()).isZero();

        // Over the limit, the contract is still checked: a duplicate key fails and writes nothing.
        var duplicated = large.union(large.limit(1));
        assertThatThrownBy(() -> io.write(duplicated, EVERY_TYPE, dir.resolve("duplicated").toString()))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("1 duplicate [key] keys");
        assertThat(dir.resolve("duplicated")).doesNotExist();
    }

    @Test
    void theSafeLayerOfRowsInHandEqualsTheOneReadBack() {
        TableIO io = new TableIO(SharedSpark.get(), new Warehouse(dir.toString()));
        var mart = Fixtures.table(Tables.MART_SOURCE_FRESHNESS,
                new Object[]{"sessions", 3L, 0L, 10L, 9L, 1L, null, Date.valueOf("2026-09-01"), 29, 0L, 0L},
                new Object[]{"employees", 1L, 0L, 5L, 5L, 0L, null, null, null, 0L, 0L});
        TableIO.Written written = io.write(mart, Tables.MART_SOURCE_FRESHNESS, dir.resolve("m").toString());
        List<Row> inHand = SafeMarts.of(new ArrayList<>(written.rowsOnDriver()), Tables.MART_SOURCE_FRESHNESS, 5);
        List<Row> readBack = SafeMarts.of(io.read(Tables.MART_SOURCE_FRESHNESS, dir.resolve("m").toString()),
                Tables.MART_SOURCE_FRESHNESS, 5);
        assertThat(inHand).isEqualTo(readBack);
    }
}
