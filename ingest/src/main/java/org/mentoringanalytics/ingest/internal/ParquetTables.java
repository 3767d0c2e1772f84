package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

/** Local Parquet files of a table folder: listing, atomic writes, reads with column projection. */
public final class ParquetTables {

    /** Receives records one at a time; may throw I/O errors. */
    @FunctionalInterface
    public interface RecordConsumer {
        void accept(GenericRecord record) throws IOException;
    }

    private ParquetTables() {
    }

    /** Visible data files of a table folder, in name order; empty when the folder is missing. */
    public static List<Path> dataFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
            }).sorted().toList();
        }
    }

    /** Writes records to a hidden temporary file, then renames it into place. */
    public static void write(Path target, Schema schema, Iterable<GenericRecord> records) throws IOException {
        Path temporary = temporaryFor(target);
        try (ParquetWriter<GenericRecord> writer = writer(temporary, schema)) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Decides whether the n-th record of a file is kept. */
    @FunctionalInterface
    public interface RowFilter {
        boolean keep(GenericRecord record, int index);
    }

    /** Streams {@code source} into {@code target}, keeping the rows the filter accepts; atomic like {@link #write}. */
    public static void copyFiltered(Path source, Path target, Schema schema, RowFilter filter) throws IOException {
        Path temporary = temporaryFor(target);
        try (ParquetWriter<GenericRecord> writer = writer(temporary, schema)) {
            int[] index = {0};
            read(source, null, r -> {
                if (filter.keep(r, index[0]++)) {
                    writer.write(r);
                }
            });
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A hidden name beside {@code target}, cleared, so a half-written file is never visible under the real name. */
    private static Path temporaryFor(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        return temporary;
    }

    /**
     * One configuration for every writer, without Hadoop's default resources: a builder left to make
     * its own parses Hadoop's XML files for each part written, which showed in stack samples of the
     * sessions step. Only read after it is made, so it is safe to share.
     */
    private static final Configuration WRITE_CONFIGURATION = new Configuration(false);

    private static ParquetWriter<GenericRecord> writer(Path file, Schema schema) throws IOException {
        FlatWriterBuilder builder = new FlatWriterBuilder(new LocalOutputFile(file), schema)
                .withConf(WRITE_CONFIGURATION)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        // A record's own identifier is unique in its table: a dictionary would only grow and be thrown away.
        for (Schema.Field field : schema.getFields()) {
            if (field.name().endsWith("_id") && field.pos() == 0) {
                builder = builder.withDictionaryEncoding(field.name(), false);
            }
        }
        return builder.build();
    }

    /** A writer of flat staging records through {@link FlatRecordWriteSupport}. */
    private static final class FlatWriterBuilder extends ParquetWriter.Builder<GenericRecord, FlatWriterBuilder> {
        private final Schema schema;

        FlatWriterBuilder(org.apache.parquet.io.OutputFile file, Schema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected FlatWriterBuilder self() {
            return this;
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(Configuration conf) {
            return new FlatRecordWriteSupport(schema);
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
            return new FlatRecordWriteSupport(schema);
        }
    }

    /** Reads every record of a file; with a projection only those columns are decoded. */
    public static void read(Path file, Schema projection, RecordConsumer consumer) throws IOException {
        Configuration conf = new Configuration(false);
        if (projection != null) {
            AvroReadSupport.setRequestedProjection(conf, projection);
        }
        // The configuration goes to the builder itself: without it, the builder first makes a default one,
        // which reads Hadoop's XML resources on every file opened (5% of the ingest benchmark's samples).
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file),
                new org.apache.parquet.conf.HadoopParquetConfiguration(conf)).build()) {
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                consumer.accept(record);
            }
        }
    }

    /** A record schema with only the named fields of {@code full}, for projected reads. */
    public static Schema project(Schema full, List<String> columns) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String column : columns) {
            Schema.Field f = full.getField(column);
            fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, fields);
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
