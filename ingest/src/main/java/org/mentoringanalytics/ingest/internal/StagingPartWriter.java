package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes each chunk's valid rows as one Parquet part file and its rejects as one CSV part file,
 * both named by the chunk's sequence number. A file is written under a hidden temporary name and
 * renamed into place, so readers never see a partial file. The sequence number is committed with
 * the chunk; after a crash the chunk is read again and rewrites the same names, so a restart
 * neither loses nor duplicates rows.
 *
 * <p>Output: {@code <run>/<table>/part-NNNNN.parquet} and {@code <run>/_rejects/<source>/part-NNNNN.csv},
 * where {@code <run>} is the job parameter {@code run.folder}.
 */
public final class StagingPartWriter implements ItemStreamWriter<ConvertedRow>, StepExecutionListener {

    static final String SEQUENCE = "parts.sequence";
    public static final String VALID = "rows.valid";
    public static final String REJECTED = "rows.rejected";
    static final List<String> REJECT_HEADER = List.of("file", "line", "field", "reason", "original");

    private final LandingSource source;
    private final Schema schema;
    private Path tableFolder;
    private Path rejectsFolder;
    private long sequence;
    private long valid;
    private long rejected;

    public StagingPartWriter(LandingSource source) {
        this.source = source;
        this.schema = AvroSchemas.of(source.table());
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Path run = Path.of(stepExecution.getJobParameters().getString("run.folder"));
        tableFolder = run.resolve(source.table().name());
        rejectsFolder = run.resolve("_rejects").resolve(source.name());
    }

    @Override
    public void open(ExecutionContext context) {
        sequence = context.getLong(SEQUENCE, 0L);
        valid = context.getLong(VALID, 0L);
        rejected = context.getLong(REJECTED, 0L);
        try {
            Files.createDirectories(tableFolder);
            Files.createDirectories(rejectsFolder);
        } catch (IOException e) {
            throw new ItemStreamException("cannot create " + tableFolder, e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SEQUENCE, sequence);
        context.putLong(VALID, valid);
        context.putLong(REJECTED, rejected);
    }

    @Override
    public void write(Chunk<? extends ConvertedRow> chunk) throws IOException {
        List<GenericRecord> records = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        for (ConvertedRow row : chunk) {
            if (row.isValid()) {
                records.add(row.record());
            } else {
                rejects.add(row.reject());
            }
        }
        String part = String.format("part-%05d", sequence);
        if (!records.isEmpty()) {
            writeParquet(tableFolder.resolve(part + ".parquet"), records);
        }
        if (!rejects.isEmpty()) {
            writeRejects(rejectsFolder.resolve(part + ".csv"), rejects);
        }
        sequence++;
        valid += records.size();
        rejected += rejects.size();
    }

    private void writeParquet(Path target, List<GenericRecord> records) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(temporary))
                .withSchema(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (GenericRecord record : records) {
                writer.write(record);
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeRejects(Path target, List<Reject> rejects) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            for (Reject r : rejects) {
                printer.printRecord(r.file(), r.line(), r.field(), r.reason(), r.original());
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
