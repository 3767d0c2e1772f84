package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * The small-warehouse settings (interpreted expressions, one shuffle partition, no adaptive
 * planning) change how Spark runs, never what it computes: the fixture's tables, made with them,
 * equal row for row the tables of a run with Spark's code generation and adaptive execution.
 */
class ExecutionModesTest {

    @Test
    void everyTableOfTheSmallWarehouseSettingsEqualsTheOneWithCodeGeneration(@TempDir Path dir) throws Exception {
        PipelineFixture fixture = PipelineFixture.get();
        assertThat(SmallWarehouse.applies("local[2]", fixture.warehouse.toString())).isTrue();
        PipelineFixture f = fixture.copyTo(dir);

        CommandLineTest.Captured generated = CommandLineTest.capture(() -> Main.execute("metrics", "--warehouse",
                f.warehouse.toString(), "--as-of", PipelineFixture.AS_OF.toString(), "--master", "local[2]",
                "--spark-conf", "spark.sql.codegen.wholeStage=true",
                "--spark-conf", "spark.sql.codegen.factoryMode=FALLBACK",
                "--spark-conf", "spark.sql.adaptive.enabled=true",
                "--spark-conf", "spark.sql.shuffle.partitions=8"));
        assertThat(generated.exit()).as(generated.out()).isZero();
        assertThat(generated.out()).contains("spark session started").doesNotContain("small warehouse");

        List<String> compared = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            List<TableContract> tables = new ArrayList<>();
            for (TableContract table : Tables.all()) {
                if (table.layer() == Layer.INTERMEDIATE || table.layer() == Layer.MARTS) {
                    tables.add(table);
                }
                if (table.layer() == Layer.MARTS) {
                    tables.add(Tables.safe(table));
                }
            }
            for (TableContract table : tables) {
                String small = files(fixture.warehouse, table);
                String withCodegen = files(f.warehouse, table);
                long rows = count(sql, "SELECT count(*) FROM " + small);
                assertThat(count(sql, "SELECT count(*) FROM " + withCodegen)).as(table.name()).isEqualTo(rows);
                assertThat(count(sql, "SELECT count(*) FROM (SELECT * FROM " + small + " EXCEPT ALL SELECT * FROM "
                        + withCodegen + ")")).as(table.name()).isZero();
                assertThat(count(sql, "SELECT count(*) FROM (SELECT * FROM " + withCodegen + " EXCEPT ALL SELECT * FROM "
                        + small + ")")).as(table.name()).isZero();
                if (rows > 0) {
                    compared.add(table.layer().folder() + "/" + table.name());
                }
            }
        }
        // Every layer, with rows: the outcome cohort, the marts and their safe versions.
        assertThat(compared).contains("intermediate/int_outcome_cohort", "marts/mart_retention_outcome",
                "marts/mart_engagement_rollup", "safe/mart_participation_equity").hasSizeGreaterThan(35);
    }

    private static String files(Path warehouse, TableContract table) {
        Path folder = warehouse.resolve(table.layer().folder()).resolve(table.name());
        assertThat(Files.isDirectory(folder)).as(folder.toString()).isTrue();
        return "read_parquet('" + folder.toAbsolutePath() + "/*.parquet')";
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet r = sql.executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }
}
