package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mentoringanalytics.jobs.Fixtures.d;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

class TableIOTest {

    @TempDir
    Path dir;

    @Test
    void publishesAndReadsBackWithTheContractSchema() {
        TableIO io = new TableIO(SharedSpark.get(), new Warehouse(dir.toString()));
        io.publish(Fixtures.programs(), Tables.STG_PROGRAMS);
        var back = io.read(Tables.STG_PROGRAMS);
        // Parquet reads every column back as nullable; names, order and types must match the contract.
        assertThat(back.schema().asNullable()).isEqualTo(SparkSchemas.of(Tables.STG_PROGRAMS).asNullable());
        assertThat(back.count()).isEqualTo(2);
    }

    @Test
    void refusesDuplicateKeysBadEnumsAndNullsAndKeepsThePublishedTable() {
        TableIO io = new TableIO(SharedSpark.get(), new Warehouse(dir.toString()));
        io.publish(Fixtures.programs(), Tables.STG_PROGRAMS);
        var broken = Fixtures.untrusted(Tables.STG_PROGRAMS,
                new Object[]{"P1", "A", "career", "one_to_one", d("2024-01-01"), null},
                new Object[]{"P1", "B", "astrology", "one_to_one", d("2024-01-01"), null},
                new Object[]{"P3", null, "career", "one_to_one", d("2024-01-01"), null});

        assertThatThrownBy(() -> io.publish(broken, Tables.STG_PROGRAMS))
                .isInstanceOf(ContractViolation.class)
                .hasMessageContaining("1 rows where name is null")
                .hasMessageContaining("1 rows where program_type not in")
                .hasMessageContaining("1 duplicate [program_id] keys");
        assertThat(io.read(Tables.STG_PROGRAMS).count()).isEqualTo(2);
    }

    @Test
    void rowsOnTheDriverAreCheckedByTheSameRulesWithTheSameWords() {
        var broken = Fixtures.untrusted(Tables.STG_PROGRAMS,
                new Object[]{"P1", "A", "career", "one_to_one", d("2024-01-01"), null},
                new Object[]{"P1", "B", "astrology", "one_to_one", d("2024-01-01"), null},
                new Object[]{"P3", null, "career", "one_to_one", d("2024-01-01"), null});
        String spark = org.assertj.core.api.Assertions.catchThrowable(() -> TableIO.check(broken, Tables.STG_PROGRAMS))
                .getMessage();
        String driver = org.assertj.core.api.Assertions.catchThrowable(() -> TableIO.check(broken.collectAsList(),
                Tables.STG_PROGRAMS)).getMessage();
        assertThat(driver).contains("1 rows where name is null", "1 rows where program_type not in",
                "1 duplicate [program_id] keys");
        assertThat(java.util.Arrays.stream(driver.split(": ", 2)[1].split("; ")).sorted().toList())
                .isEqualTo(java.util.Arrays.stream(spark.split(": ", 2)[1].split("; ")).sorted().toList());
        TableIO.check(Fixtures.programs().collectAsList(), Tables.STG_PROGRAMS);
    }
}
