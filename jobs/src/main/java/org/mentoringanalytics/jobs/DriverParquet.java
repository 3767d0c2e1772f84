package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;

/**
 * Writes a table's rows held on the driver as one Parquet file in a new folder, without a Spark
 * job. The file has the physical types a Spark write gives the contract's columns (strings as
 * UTF-8 binary, dates as days, timestamps as UTC microseconds, required where the contract says
 * so), so Spark, DuckDB and the report read it like one Spark wrote. Only Parquet's own writer is
 * used, which every Spark distribution carries, so spark-submit needs no further jar. Small tables
 * are most of a metrics run, and a Spark write job costs more than their whole content.
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

    /** The Parquet schema of a contract, as Spark writes its columns. */
    static MessageType schema(TableContract table) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : table.columns()) {
            Type.Repetition repetition = column.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            Type type = switch (column.type()) {
                case STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(column.name());
                case INT -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
                case LONG -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
                case DOUBLE -> Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(column.name());
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(column.name());
                case TIMESTAMP -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(column.name());
            };
            message.addField(type);
        }
        return message.named("spark_schema");
    }

    /** Creates {@code folder} (it must not exist) and writes the rows into it. */
    static void write(List<Row> rows, TableContract table, FileSystem fs, Path folder) {
        MessageType schema = schema(table);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        List<Column> columns = table.columns();
        try {
            if (fs.exists(folder)) {
                throw new IOException(folder + " already exists");
            }
            fs.mkdirs(folder);
            Path file = new Path(folder, "part-00000-" + UUID.randomUUID() + "-c000.snappy.parquet");
            try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, fs.getConf()))
                    .withConf(WRITE_CONFIGURATION)
                    .withType(schema)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .build()) {
                for (Row row : rows) {
                    Group group = groups.newGroup();
                    for (int c = 0; c < columns.size(); c++) {
                        add(group, c, row.get(c), columns.get(c), table);
                    }
                    writer.write(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table.name() + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Adds a value as Parquet stores it: days for a date, microseconds since the epoch for a timestamp. */
    private static void add(Group group, int field, Object value, Column column, TableContract table) {
        if (value == null) {
            return;
        }
        switch (column.type()) {
            case STRING -> {
                if (value instanceof String v) {
                    group.add(field, v);
                    return;
                }
            }
            case INT -> {
                if (value instanceof Integer v) {
                    group.add(field, v.intValue());
                    return;
                }
            }
            case LONG -> {
                if (value instanceof Long v) {
                    group.add(field, v.longValue());
                    return;
                }
            }
            case DOUBLE -> {
                if (value instanceof Double v) {
                    group.add(field, v.doubleValue());
                    return;
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean v) {
                    group.add(field, v.booleanValue());
                    return;
                }
            }
            case DATE -> {
                if (value instanceof java.sql.Date || value instanceof java.time.LocalDate) {
                    java.time.LocalDate day = value instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) value;
                    group.add(field, Math.toIntExact(day.toEpochDay()));
                    return;
                }
            }
            case TIMESTAMP -> {
                if (value instanceof java.sql.Timestamp || value instanceof java.time.Instant) {
                    java.time.Instant at = value instanceof java.sql.Timestamp t ? t.toInstant() : (java.time.Instant) value;
                    group.add(field, micros(at));
                    return;
                }
            }
        }
        throw new IllegalArgumentException(table.name() + "." + column.name() + " is " + column.type()
                + " but a row holds a " + value.getClass().getSimpleName() + " (" + value + ")");
    }

    private static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
