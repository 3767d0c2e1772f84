package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the run's data-quality rows next to the compacted tables: one stg_ingest_files row per
 * landing file version loaded or rejected whole, stg_ingest_rejects counts per file, field and
 * reason, and one stg_ingest_runs row. Counts come from the committed step executions and the
 * reject parts, so they match what was written even across restarts.
 */
public final class QualityTasklet implements Tasklet {

    private final List<LandingSource> sources;
    private final JobRepository repository;

    public QualityTasklet(List<LandingSource> sources, JobRepository repository) {
        this.sources = sources;
        this.repository = repository;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        var parameters = step.getJobParameters();
        IngestRunParameters typed = IngestRunParameters.of(parameters);
        RunFolders run = typed.run();
        Warehouse warehouse = typed.tables();
        JobInstance instance = step.getJobExecution().getJobInstance();
        long runId = instance.getInstanceId();
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        Plan plan = Plan.parse(step.getJobExecution().getExecutionContext().getString(PlanTasklet.PLAN));
        List<Object[]> changes = removals(plan, warehouse, runId);
        if (plan.with(Plan.Status.READ).isEmpty() && plan.with(Plan.Status.REJECTED).isEmpty() && changes.isEmpty()) {
            // Nothing new: the data-quality log stays as it is, like every other table.
            return RepeatStatus.FINISHED;
        }
        StepExecution compact = repository.getLastStepExecution(instance, IngestSteps.COMPACT);

        Map<String, PlanTasklet.LastVersion> previous = PlanTasklet.lastVersions(warehouse);
        List<Object[]> files = new ArrayList<>();
        Map<List<Object>, Long> rejectCounts = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        long read = 0;
        long rejected = 0;
        String snapshotNote = null;
        for (LandingSource source : sources) {
            List<Plan.Entry> entries = plan.toRead(source.name());
            if (entries.isEmpty()) {
                continue;
            }
            StepExecution stage = repository.getLastStepExecution(instance, IngestSteps.stage(source));
            long[][] counts = StagingPartWriter.counts(stage.getExecutionContext(), entries.size());
            long[] fileRejects = new long[entries.size()];
            List<Map<String, Long>> warnings = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                warnings.add(new TreeMap<>());
            }
            for (CSVRecord warning : rejectRecords(run.warningParts(source.name()))) {
                warnings.get(indexOf(entries, warning.get(0))).merge(warning.get(3), 1L, Long::sum);
            }
            for (CSVRecord reject : rejectRecords(run.rejectParts(source.name()))) {
                int index = indexOf(entries, reject.get(0));
                fileRejects[index]++;
                rejectCounts.merge(List.of(reject.get(0), source.name(), reject.get(2), reject.get(3)), 1L, Long::sum);
            }
            String retiredKey = CompactTasklet.RETIRED + source.name();
            long retired = compact.getExecutionContext().getLong(retiredKey, 0L);
            if (retired > 0) {
                changes.add(new Object[]{runId, source.name(), String.join(", ", entries.stream().map(Plan.Entry::file).toList()),
                        "rows_retired", "", retired});
            }
            for (int i = 0; i < entries.size(); i++) {
                Plan.Entry e = entries.get(i);
                if (i == 0 && source.snapshot()) {
                    // Said on the snapshot's first file, once for the source.
                    snapshotNote = retired == 0 ? null : "a snapshot: " + retired + " row" + (retired == 1 ? "" : "s")
                            + " of " + source.table().name() + " no longer in the source's files retired, listed in retired-"
                            + source.name() + ".csv";
                }
                long superseding = compact.getExecutionContext().getLong("superseding." + source.name() + "." + i, 0L);
                long blank = stage.getExecutionContext().getLong(LandingCsvReader.blankLinesKey(e.index()), 0L);
                List<String> notes = new ArrayList<>();
                if (!e.message().isEmpty()) {
                    notes.add(e.message());
                }
                if (i == 0 && snapshotNote != null) {
                    notes.add(snapshotNote);
                }
                if (blank > 0) {
                    notes.add(blank + " blank line" + (blank == 1 ? "" : "s") + " skipped");
                }
                if (!warnings.get(i).isEmpty()) {
                    long total = warnings.get(i).values().stream().mapToLong(Long::longValue).sum();
                    StringBuilder note = new StringBuilder(total + " row" + (total == 1 ? "" : "s") + " loaded with a warning (");
                    warnings.get(i).forEach((code, n) -> note.append(note.charAt(note.length() - 1) == '(' ? "" : ", ")
                            .append(code).append(' ').append(n));
                    notes.add(note.append("), listed in warnings-").append(source.name()).append(".csv").toString());
                }
                PlanTasklet.LastVersion before = previous.get(e.file());
                if (!source.snapshot() && before != null && before.rows() > counts[0][i]) {
                    // Rows are superseded by key, never deleted: a shorter file leaves its missing rows in staging.
                    notes.add("the version loaded in run " + before.run() + " had " + before.rows() + " rows, this one "
                            + counts[0][i] + ": rows no longer in the file stay in staging");
                }
                String message = String.join("; ", notes);
                files.add(new Object[]{e.hash(), e.file(), source.name(), runId, now, "loaded", counts[0][i],
                        counts[0][i] - fileRejects[i], fileRejects[i], superseding, message.isEmpty() ? null : message});
                read += counts[0][i];
                rejected += fileRejects[i];
            }
        }
        for (Plan.Entry e : plan.with(Plan.Status.REJECTED)) {
            files.add(new Object[]{e.hash(), e.file(), e.source(), runId, now, "rejected_whole", 0L, 0L, 0L, 0L, e.message()});
        }
        List<Object[]> rejects = new ArrayList<>();
        rejectCounts.forEach((k, n) -> rejects.add(new Object[]{runId, k.get(0), k.get(1), k.get(2), k.get(3), n}));
        long loaded = plan.with(Plan.Status.READ).size();
        List<Object[]> runs = List.<Object[]>of(new Object[]{runId,
                (int) typed.asOf().toEpochDay(), now, loaded,
                (long) plan.with(Plan.Status.SKIPPED).size(), (long) plan.with(Plan.Status.REJECTED).size(),
                read, read - rejected, rejected});

        append(Tables.STG_INGEST_FILES, files, warehouse, run, runId, typed.rebuild());
        append(Tables.STG_INGEST_REJECTS, rejects, warehouse, run, runId, typed.rebuild());
        append(Tables.STG_INGEST_RUNS, runs, warehouse, run, runId, typed.rebuild());
        append(Tables.STG_INGEST_CHANGES, changes, warehouse, run, runId, typed.rebuild());
        return RepeatStatus.FINISHED;
    }

    /**
     * A stg_ingest_changes row for every file the plan finds removed that no earlier run recorded as
     * removed in that version: a file gone for many runs is one change, not one per run.
     */
    private static List<Object[]> removals(Plan plan, Warehouse warehouse, long runId) throws IOException {
        Set<String> recorded = new java.util.HashSet<>();
        for (Path file : ParquetTables.dataFiles(Path.of(warehouse.location(Tables.STG_INGEST_CHANGES)))) {
            ParquetTables.read(file, null, r -> {
                if ("file_removed".equals(r.get("change").toString())) {
                    recorded.add(r.get("file") + "\t" + r.get("content_hash"));
                }
            });
        }
        Map<String, PlanTasklet.LastVersion> last = PlanTasklet.lastVersions(warehouse);
        List<Object[]> rows = new ArrayList<>();
        for (Plan.Entry removed : plan.with(Plan.Status.REMOVED)) {
            if (recorded.add(removed.file() + "\t" + removed.hash())) {
                PlanTasklet.LastVersion version = last.get(removed.file());
                rows.add(new Object[]{runId, removed.source(), removed.file(), "file_removed", removed.hash(),
                        version == null ? 0L : version.rows()});
            }
        }
        return rows;
    }

    /** Next version of a small log table: the published files plus one file of this run's rows. */
    private static void append(TableContract table, List<Object[]> rows, Warehouse warehouse, RunFolders run, long runId,
                               Rebuild rebuild) throws IOException {
        Path target = run.compacted(table);
        ParquetTables.deleteTree(target);
        Files.createDirectories(target);
        Path published = Path.of(warehouse.location(table));
        boolean startAfresh = rebuild.all() && !StagingManifests.problems(published).isEmpty();
        for (Path file : startAfresh ? List.<Path>of() : ParquetTables.dataFiles(published)) {
            Files.copy(file, target.resolve(file.getFileName()));
        }
        Schema schema = AvroSchemas.of(table);
        List<GenericRecord> records = new ArrayList<>();
        for (Object[] row : rows) {
            GenericRecord record = new GenericData.Record(schema);
            for (int i = 0; i < row.length; i++) {
                record.put(i, row[i]);
            }
            records.add(record);
        }
        ParquetTables.write(target.resolve("r" + runId + ".parquet"), schema, records);
    }

    /** Every reject of a source in this run: chunk parts, then duplicates found while compacting. */
    static List<CSVRecord> rejectRecords(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> parts;
        try (Stream<Path> list = Files.list(folder)) {
            parts = list.filter(p -> p.getFileName().toString().endsWith(".csv") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<CSVRecord> records = new ArrayList<>();
        for (Path part : parts) {
            try (Reader in = Files.newBufferedReader(part)) {
                records.addAll(CSVFormat.DEFAULT.parse(in).getRecords());
            }
        }
        return records;
    }

    private static int indexOf(List<Plan.Entry> entries, String file) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).file().equals(file)) {
                return i;
            }
        }
        throw new IllegalStateException("reject for a file outside the plan: " + file);
    }
}
