package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.RejectReason;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Builds the next version of every table the run wrote, in the run folder, by the supersession
 * rule: for each primary key the row read last wins. Rows of this run supersede published rows
 * with the same key; within the run a later file (by name) or a later line supersedes an earlier
 * one, and the earlier row is reported as a {@code duplicate_key} reject. Published part files that
 * lose no row are hard-linked, not rewritten. Repeatable: it starts from an empty folder.
 *
 * <p>A snapshot source read anew starts from nothing, like a rebuild: its files are the whole
 * table, and the published rows whose keys they no longer hold are retired (listed in the run
 * folder, counted under {@code retired.<source>}). A new version without a single valid row
 * retires nothing: the published table stays.
 *
 * <p>Counts of rows that replaced a published version are stored per source in the step's
 * execution context as {@code superseding.<source>.<fileIndex>}.
 */
public final class CompactTasklet implements Tasklet {

    private final List<LandingSource> sources;

    public CompactTasklet(List<LandingSource> sources) {
        this.sources = sources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = stepExecution.getJobParameters();
        IngestRunParameters typed = IngestRunParameters.of(parameters);
        RunFolders run = typed.run();
        Warehouse warehouse = typed.tables();
        Plan plan = Plan.parse(stepExecution.getJobExecution().getExecutionContext().getString(PlanTasklet.PLAN));
        ParquetTables.deleteTree(run.root().resolve("compacted"));
        for (LandingSource source : sources) {
            List<Plan.Entry> files = plan.toRead(source.name());
            Files.deleteIfExists(run.duplicateRejects(source.name()));
            for (TableContract table : source.outputTables()) {
                List<Path> parts = ParquetTables.dataFiles(run.parts(table));
                if (parts.isEmpty()) {
                    continue;
                }
                boolean reportDuplicates = table == source.table();
                // A snapshot read anew replaces its table: what the published one holds beyond it is retired.
                boolean replace = source.snapshot() && !files.isEmpty();
                Path published = typed.rebuild().includes(source) || replace
                        ? run.root().resolve("rebuild-nothing-published") : Path.of(warehouse.location(table));
                if (replace && table == source.table()) {
                    long retired = retire(table, parts, Path.of(warehouse.location(table)), run.retired(source.name()));
                    stepExecution.getExecutionContext().putLong(RETIRED + source.name(), retired);
                }
                Result result = compact(table, parts, published, run.compacted(table),
                        stepExecution.getJobExecution().getJobInstance().getInstanceId());
                if (reportDuplicates) {
                    for (int i = 0; i < files.size(); i++) {
                        stepExecution.getExecutionContext().putLong("superseding." + source.name() + "." + i,
                                result.supersedingByFile.getOrDefault(i, 0L));
                    }
                    writeDuplicateRejects(run, source, table, files, result.duplicates);
                }
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** Execution-context key of the rows a snapshot source retired, by source name. */
    public static final String RETIRED = "retired.";

    /**
     * Writes the keys of the published rows the new parts no longer hold to {@code target} (CSV,
     * header: the key columns) and returns how many there are.
     */
    private static long retire(TableContract table, List<Path> parts, Path published, Path target) throws IOException {
        Schema keySchema = ParquetTables.project(AvroSchemas.of(table), table.primaryKey());
        Set<String> kept = new HashSet<>();
        for (Path part : parts) {
            ParquetTables.read(part, keySchema, r -> kept.add(key(r, table)));
        }
        List<List<String>> retired = new ArrayList<>();
        for (Path file : ParquetTables.dataFiles(published)) {
            ParquetTables.read(file, keySchema, r -> {
                if (!kept.contains(key(r, table))) {
                    retired.add(table.primaryKey().stream().map(c -> String.valueOf(r.get(c))).toList());
                }
            });
        }
        Files.deleteIfExists(target);
        if (!retired.isEmpty()) {
            Files.createDirectories(target.getParent());
            StringBuilder text = new StringBuilder();
            try (var printer = new org.apache.commons.csv.CSVPrinter(text,
                    org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                printer.printRecord(table.primaryKey());
                for (List<String> key : retired) {
                    printer.printRecord(key);
                }
            }
            StagingPartWriter.writeAtomically(target, text.toString());
        }
        return retired.size();
    }

    /** A new row dropped because a later row of the run has the same key. */
    record Duplicate(int fileIndex, long line, String key, int winnerFile, long winnerLine) {
    }

    private record Result(Map<Integer, Long> supersedingByFile, List<Duplicate> duplicates) {
    }

    /** Where one new row came from: its part and position, and its landing file and line. */
    private record Origin(Path part, int row, int fileIndex, long line) {
    }

    private static Result compact(TableContract table, List<Path> parts, Path published, Path target, long runId)
            throws IOException {
        Schema schema = AvroSchemas.of(table);
        Schema keySchema = ParquetTables.project(schema, table.primaryKey());
        Files.createDirectories(target);

        // Pass 1: hashes of the new keys.
        KeyIndex newKeys = new KeyIndex();
        for (Path part : parts) {
            ParquetTables.read(part, keySchema, r -> newKeys.add(KeyIndex.hash(key(r, table))));
        }
        Set<Long> candidates = new HashSet<>(newKeys.repeated());
        List<Path> publishedFiles = ParquetTables.dataFiles(published);
        Set<Path> touchedPublished = new HashSet<>();
        for (Path file : publishedFiles) {
            ParquetTables.read(file, keySchema, r -> {
                long h = KeyIndex.hash(key(r, table));
                if (newKeys.mightContain(h)) {
                    candidates.add(h);
                    touchedPublished.add(file);
                }
            });
        }

        // Pass 2: exact keys of the candidate rows, in read order. Without a candidate (no key repeated
        // within the run or found among the published rows) nothing can lose: the parts are not read again.
        Map<String, List<Origin>> byKey = new HashMap<>();
        for (Path part : candidates.isEmpty() ? List.<Path>of() : parts) {
            int fileIndex = fileIndex(part);
            long[] lines = lines(part);
            int[] row = {0};
            ParquetTables.read(part, keySchema, r -> {
                String key = key(r, table);
                if (candidates.contains(KeyIndex.hash(key))) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Origin(part, row[0], fileIndex, lines == null ? 0 : lines[row[0]]));
                }
                row[0]++;
            });
        }
        Map<Path, Set<Integer>> droppedRows = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (Map.Entry<String, List<Origin>> e : byKey.entrySet()) {
            List<Origin> origins = e.getValue();
            Origin winner = origins.get(origins.size() - 1);
            for (Origin loser : origins.subList(0, origins.size() - 1)) {
                droppedRows.computeIfAbsent(loser.part(), p -> new HashSet<>()).add(loser.row());
                duplicates.add(new Duplicate(loser.fileIndex(), loser.line(), e.getKey(), winner.fileIndex(), winner.line()));
            }
        }

        // Published files: linked when untouched, rewritten without the superseded rows otherwise.
        Map<Integer, Long> superseding = new HashMap<>();
        for (Path file : publishedFiles) {
            Path destination = target.resolve(file.getFileName());
            if (!touchedPublished.contains(file)) {
                link(file, destination);
                continue;
            }
            ParquetTables.copyFiltered(file, destination, schema, (r, index) -> {
                List<Origin> newer = byKey.get(key(r, table));
                if (newer != null) {
                    superseding.merge(newer.get(newer.size() - 1).fileIndex(), 1L, Long::sum);
                }
                return newer == null;
            });
        }
        // New parts: moved in under a run-prefixed name, filtered when some of their rows lost.
        for (Path part : parts) {
            Path destination = target.resolve("r" + runId + "-" + part.getFileName());
            Set<Integer> dropped = droppedRows.get(part);
            if (dropped == null) {
                link(part, destination);
                continue;
            }
            ParquetTables.copyFiltered(part, destination, schema, (r, index) -> !dropped.contains(index));
        }
        return new Result(superseding, duplicates);
    }

    private static void writeDuplicateRejects(RunFolders run, LandingSource source, TableContract table,
                                              List<Plan.Entry> files, List<Duplicate> duplicates) throws IOException {
        if (duplicates.isEmpty()) {
            return;
        }
        duplicates.sort(java.util.Comparator.comparingInt(Duplicate::fileIndex).thenComparingLong(Duplicate::line));
        List<Reject> rejects = new ArrayList<>();
        String keyName = String.join(", ", table.primaryKey().stream().map(source::landingField).toList());
        for (Duplicate d : duplicates) {
            rejects.add(new Reject(files.get(d.fileIndex()).file(), d.line(), keyName, RejectReason.DUPLICATE_KEY,
                    "the same " + keyName + " appears again at " + files.get(d.winnerFile()).file() + " line "
                            + d.winnerLine() + ", which supersedes this row", ""));
        }
        Files.createDirectories(run.rejectParts(source.name()));
        StagingPartWriter.writeRejects(run.duplicateRejects(source.name()), rejects);
    }

    private static String key(GenericRecord r, TableContract table) {
        if (table.primaryKey().size() == 1) {
            return String.valueOf(r.get(table.primaryKey().get(0)));
        }
        StringBuilder key = new StringBuilder();
        for (String column : table.primaryKey()) {
            key.append(r.get(column)).append('\u0001');
        }
        return key.toString();
    }

    /** Parts are named {@code part-<file>-<chunk>.parquet}. */
    private static int fileIndex(Path part) {
        String name = part.getFileName().toString();
        int from = name.indexOf('-') + 1;
        return Integer.parseInt(name.substring(from, name.indexOf('-', from)));
    }

    private static long[] lines(Path part) throws IOException {
        Path sidecar = part.resolveSibling(part.getFileName().toString().replace(".parquet", ".lines"));
        if (!Files.exists(sidecar)) {
            return null;
        }
        return Files.readAllLines(sidecar).stream().mapToLong(Long::parseLong).toArray();
    }

    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
