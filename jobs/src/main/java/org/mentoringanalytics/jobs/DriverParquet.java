package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;

/**
 * Writes a table's rows held on the driver as one Parquet file in a new folder, without a Spark
 * job: the schema is the contract's ({@link AvroSchemas}), as every staging table is written, so
 * Spark, DuckDB and the report read it like a file Spark wrote. Small tables are most of a metrics
 * run, and a Spark write job costs more than their whole content on a small warehouse.
 *
 * <p>Input: rows in the contract's column order with Spark's external types (String, Integer,
 * Long, Double, Boolean, java.sql.Date or LocalDate, java.sql.Timestamp or Instant). Output: the
 * folder with one file (also for no rows, so every reader finds the schema).
 */
final class DriverParquet {

    /** Parquet settings only (no Hadoop XML resources parsed per file); the file system has its own. */
    private static final Configuration WRITE_CONFIGURATION = new Configuration(false);

    private DriverParquet() {
    }

    /** Creates {@code folder} (it must not exist) and writes the rows into it. */
    static void write(List<Row> rows, TableContract table, FileSystem fs, Path folder) {
        Schema schema = AvroSchemas.of(table);
        List<Column> columns = table.columns();
        try {
            if (fs.exists(folder)) {
                throw new IOException(folder + " already exists");
            }
            fs.mkdirs(folder);
            Path file = new Path(folder, "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet");
            try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                            HadoopOutputFile.fromPath(file, fs.getConf()))
                    .withConf(WRITE_CONFIGURATION)
                    .withSchema(schema)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build()) {
                for (Row row : rows) {
                    GenericData.Record record = new GenericData.Record(schema);
                    for (int c = 0; c < columns.size(); c++) {
                        record.put(c, avroValue(row.get(c), columns.get(c), table));
                    }
                    writer.write(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.name() + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The value as the Avro schema stores it: days for a date, microseconds since the epoch for a timestamp. */
    static Object avroValue(Object value, Column column, TableContract table) {
        if (value == null) {
            return null;
        }
        Object stored = switch (column.type()) {
            case STRING -> value instanceof String ? value : null;
            case INT -> value instanceof Integer ? value : null;
            case LONG -> value instanceof Long ? value : null;
            case DOUBLE -> value instanceof Double ? value : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATE -> value instanceof java.sql.Date d ? (Object) (int) d.toLocalDate().toEpochDay()
                    : value instanceof java.time.LocalDate d ? (Object) (int) d.toEpochDay() : null;
            case TIMESTAMP -> value instanceof java.sql.Timestamp t ? (Object) micros(t.toInstant())
                    : value instanceof java.time.Instant i ? (Object) micros(i) : null;
        };
        if (stored == null) {
            throw new IllegalArgumentException(table.name() + "." + column.name() + " is " + column.type()
                    + " but a row holds a " + value.getClass().getSimpleName() + " (" + value + ")");
        }
        return stored;
    }

    private static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
