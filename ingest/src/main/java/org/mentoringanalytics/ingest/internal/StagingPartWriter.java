package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes a chunk's valid rows as Parquet part files, one per landing file the chunk touches
 * ({@code part-<file>-<chunk>.parquet}, with a {@code .lines} sidecar of source line numbers), and
 * its rejects as one CSV part. Each partition of the source ({@link SourcePartitioner}) has its
 * own writer, chunk sequence and files, so no two write the same name. Each file is written under a hidden temporary name and renamed into
 * place. The chunk sequence is committed with the chunk: after a crash the chunk is read again and
 * rewrites the same names, so a restart neither loses nor duplicates rows.
 *
 * <p>Also counts rows per landing file and fails the step when one file's rejects exceed the
 * run's limit, so a broken export stops the run instead of filling the rejects.
 */
public final class StagingPartWriter implements ItemStreamWriter<ConvertedRow>, StepExecutionListener {

    static final String SEQUENCE = "parts.sequence";
    static final String READ = "file.read.";
    static final String REJECTED = "file.rejected.";
    public static final List<String> REJECT_HEADER = List.of("file", "line", "field", "reason", "message", "original");

    private final LandingSource source;
    private final Schema schema;
    private final Schema restrictedSchema;
    private RunFolders run;
    private long maxRejectsPerFile;
    private List<Plan.Entry> files;
    // The files of this writer's partition (indexes among the source's files) and the first of them, which names its CSV parts.
    private List<Integer> partition;
    private int partitionName;
    private long sequence;
    private long[] read;
    private long[] rejected;

    public StagingPartWriter(LandingSource source) {
        this.source = source;
        this.schema = AvroSchemas.of(source.table());
        this.restrictedSchema = source.restricted().map(r -> AvroSchemas.of(r.table())).orElse(null);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        IngestRunParameters parameters = IngestRunParameters.of(stepExecution.getJobParameters());
        run = parameters.run();
        maxRejectsPerFile = parameters.maxRejectsPerFile();
        files = SourcePartitioner.plan(stepExecution).toRead(source.name());
        partition = SourcePartitioner.files(stepExecution);
        partitionName = partition.isEmpty() ? 0 : partition.get(0);
    }

    @Override
    public void open(ExecutionContext context) {
        sequence = context.getLong(SEQUENCE, 0L);
        read = new long[files.size()];
        rejected = new long[files.size()];
        for (int i : partition) {
            read[i] = context.getLong(READ + i, 0L);
            rejected[i] = context.getLong(REJECTED + i, 0L);
        }
        try {
            for (var table : source.outputTables()) {
                Files.createDirectories(run.parts(table));
            }
            Files.createDirectories(run.rejectParts(source.name()));
            Files.createDirectories(run.warningParts(source.name()));
        } catch (IOException e) {
            throw new ItemStreamException("cannot create the run folder " + run.root(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(SEQUENCE, sequence);
        // Only this partition's files: the source's step gathers every partition's entries.
        for (int i : partition) {
            context.putLong(READ + i, read[i]);
            context.putLong(REJECTED + i, rejected[i]);
        }
    }

    @Override
    public void write(Chunk<? extends ConvertedRow> chunk) throws IOException {
        // One pass over the chunk gathers everything each part file needs: a chunk of tens of thousands of
        // rows does not fit in the processor's caches, so every extra pass over it was paid in memory reads.
        Map<Integer, FilePart> validByFile = new TreeMap<>();
        FilePart last = null;
        List<Reject> rejects = new ArrayList<>();
        List<RowWarning> warnings = new ArrayList<>();
        for (ConvertedRow row : chunk) {
            read[row.fileIndex()]++;
            if (!row.warnings().isEmpty()) {
                warnings.addAll(row.warnings());
            }
            if (row.isValid()) {
                if (last == null || last.file != row.fileIndex()) {
                    last = validByFile.computeIfAbsent(row.fileIndex(), FilePart::new);
                }
                last.add(row);
            } else {
                rejects.add(row.reject());
                if (++rejected[row.fileIndex()] > maxRejectsPerFile) {
                    throw new TooManyRejectsException(files.get(row.fileIndex()).file() + ": more than " + maxRejectsPerFile
                            + " rows rejected; stopping instead of loading a fraction of it (fix the file or raise"
                            + " --max-rejects-per-file)");
                }
            }
        }
        for (FilePart file : validByFile.values()) {
            // File first: in name order the parts of every partition follow the plan's files, then their lines.
            String part = String.format("part-%04d-%06d", file.file, sequence);
            ParquetTables.write(run.parts(source.table()).resolve(part + ".parquet"), schema, file.records);
            writeAtomically(run.parts(source.table()).resolve(part + ".lines"), file.lines.toString());
            if (!file.restricted.isEmpty()) {
                ParquetTables.write(run.parts(source.restricted().orElseThrow().table()).resolve(part + ".parquet"),
                        restrictedSchema, file.restricted);
            }
        }
        if (!rejects.isEmpty()) {
            writeRejects(run.rejectParts(source.name()).resolve(csvPart()), rejects);
        }
        if (!warnings.isEmpty()) {
            // Same name for the same chunk: a chunk read again after a crash rewrites its warnings, never adds to them.
            writeWarnings(run.warningParts(source.name()).resolve(csvPart()), warnings);
        }
        sequence++;
    }

    /** A chunk's valid rows from one landing file: its records, their source lines, its restricted records. */
    private static final class FilePart {
        final int file;
        final List<GenericRecord> records = new ArrayList<>();
        final StringBuilder lines = new StringBuilder();
        final List<GenericRecord> restricted = new ArrayList<>();

        FilePart(int file) {
            this.file = file;
        }

        void add(ConvertedRow row) {
            records.add(row.record());
            lines.append(row.line()).append('\n');
            if (row.restricted() != null) {
                restricted.add(row.restricted());
            }
        }
    }

    /** The chunk's CSV part: named by its partition's first file, then the chunk, so name order is file and line order. */
    private String csvPart() {
        return String.format("part-%04d-%06d.csv", partitionName, sequence);
    }

    static void writeRejects(Path target, List<Reject> rejects) throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            for (Reject r : rejects) {
                printer.printRecord(r.file(), r.line(), r.field(), r.reason().code(), r.message(), r.original());
            }
        }
        writeAtomically(target, text.toString());
    }

    public static final List<String> WARNING_HEADER = List.of("file", "line", "field", "code", "message");

    static void writeWarnings(Path target, List<RowWarning> warnings) throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            for (RowWarning w : warnings) {
                printer.printRecord(w.file(), w.line(), w.field(), w.code().code(), w.message());
            }
        }
        writeAtomically(target, text.toString());
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(text);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Counts per planned file of this source: rows read and rejected, by file index. */
    public static long[][] counts(ExecutionContext context, int files) {
        long[][] counts = new long[2][files];
        for (int i = 0; i < files; i++) {
            counts[0][i] = context.getLong(READ + i, 0L);
            counts[1][i] = context.getLong(REJECTED + i, 0L);
        }
        return counts;
    }
}
