package org.mentoringanalytics.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Marts written as real Parquet files by their contracts, with figures small enough to check
 * by hand: three programs, one of them (Tiny Circle) with only three people.
 */
final class MartFixture {

    private MartFixture() {
    }

    static Warehouse write(Path root) throws IOException {
        Warehouse warehouse = new Warehouse(root.toString());
        List<Object[]> engagement = new ArrayList<>();
        for (int m = 4; m <= 9; m++) {
            engagement.add(new Object[]{"P1", "Career Compass", LocalDate.of(2026, m, 1), 10L, 8L, 20L, 600L, 2.5, 18L});
        }
        for (int m = 7; m <= 9; m++) {
            engagement.add(new Object[]{"P3", "Future Leaders", LocalDate.of(2026, m, 1), 6L, 6L, 3L, 100L, 0.5, 12L});
            engagement.add(new Object[]{"P2", "Tiny Circle", LocalDate.of(2026, m, 1), 2L, 1L, 1L, 30L, 1.0, 3L});
        }
        mart(warehouse, Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, engagement);
        LocalDate index = LocalDate.of(2025, 3, 1);
        mart(warehouse, Tables.MART_RETENTION_12M, List.of(
                new Object[]{"ALL", "All programs", "mentee", 40L, 34L, 0.85, index},
                new Object[]{"ALL", "All programs", "comparison", 200L, 150L, 0.75, index},
                new Object[]{"P1", "Career Compass", "mentee", 30L, 26L, 26 / 30.0, index},
                new Object[]{"P1", "Career Compass", "comparison", 180L, 135L, 0.75, index},
                new Object[]{"P2", "Tiny Circle", "mentee", 3L, 3L, 1.0, index},
                new Object[]{"P2", "Tiny Circle", "comparison", 150L, 117L, 0.78, index}));
        mart(warehouse, Tables.MART_RETENTION_OUTCOME, List.of(
                outcome("all", "ALL", "mentee", 120L, 300L, 0.62, 0.41, 0.93, 0.88, 0.81, 0.07, 0.011, 0.128, 0.09),
                outcome("all", "ALL", "mentor", 60L, 150L, 0.9, 0.52, 1.6, 0.85, 0.84, 0.01, -0.09, 0.12, 0.13),
                outcome("program_type", "career", "mentee", 3L, 8L, 0.5, 0.1, 2.0, 1.0, 0.75, 0.25, -0.2, 0.6, 0.5)));
        List<Object[]> survival = new ArrayList<>();
        for (int day = 30; day <= 360; day += 30) {
            survival.add(new Object[]{"mentee", "participant", day, 40L, 1L, 1 - day / 2000.0, 1 - day / 1500.0, 1.0, 120L});
            survival.add(new Object[]{"mentee", "comparison", day, 90L, 2L, 1 - day / 1000.0, 1 - day / 800.0, 1 - day / 1300.0, 300L});
            survival.add(new Object[]{"mentor", "participant", day, 20L, 1L, 1 - day / 1800.0, 1 - day / 1200.0, 1.0, 60L});
        }
        mart(warehouse, Tables.MART_RETENTION_SURVIVAL, survival);
        return warehouse;
    }

    private static Object[] outcome(String kind, String scope, String role, long participants, long controls, double hr,
                                    double hrLower, double hrUpper, double retained, double retainedControls,
                                    double difference, double lower, double upper, double mdd) {
        return new Object[]{kind, scope, role, participants, 0L, controls, participants + controls, 10L, 40L, hr, hrLower,
                hrUpper, 0.02, 5.1, 0.024, participants, controls, retained, retainedControls, difference, lower, upper, mdd,
                0.1, 0.08, -0.02, 0.07};
    }

    static void mart(Warehouse warehouse, TableContract table, List<Object[]> rows) throws IOException {
        Path folder = Path.of(warehouse.location(table));
        Files.createDirectories(folder);
        Schema schema = AvroSchemas.of(table);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                new LocalOutputFile(folder.resolve("part-00000.parquet"))).withSchema(schema).build()) {
            for (Object[] row : rows) {
                GenericRecord record = new GenericData.Record(schema);
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    record.put(i, v instanceof LocalDate d ? (int) d.toEpochDay() : v);
                }
                writer.write(record);
            }
        }
    }
}
