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
        return warehouse;
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
