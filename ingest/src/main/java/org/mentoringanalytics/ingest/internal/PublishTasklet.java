package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step of a run: swaps each compacted table into its published place (a directory rename,
 * so readers see the old or the new version of a table, never a mix of part files), writes the
 * run's rejects as {@code rejects/<run-id>/<source>.csv} and {@code rejected-files.csv}, and
 * removes the run folder. Each table's manifest is written into its folder before the swap, so
 * a published table always has the manifest of exactly its files. Safe to repeat after a crash: a table already swapped is skipped.
 */
public final class PublishTasklet implements Tasklet {

    private final List<LandingSource> sources;

    public PublishTasklet(List<LandingSource> sources) {
        this.sources = sources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        var step = chunkContext.getStepContext().getStepExecution();
        JobParameters parameters = step.getJobParameters();
        IngestRunParameters typed = IngestRunParameters.of(parameters);
        RunFolders run = typed.run();
        Warehouse warehouse = typed.tables();
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        Path rejects = Path.of(warehouse.rejectsLocation(runId));

        Plan plan = Plan.parse(step.getJobExecution().getExecutionContext().getString(PlanTasklet.PLAN));
        for (LandingSource source : sources) {
            List<CSVRecord> records = QualityTasklet.rejectRecords(run.rejectParts(source.name()));
            if (!records.isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                records.forEach(r -> rows.add(r.toList()));
                writeCsv(rejects.resolve(source.name() + ".csv"), StagingPartWriter.REJECT_HEADER, rows);
            }
            if (Files.exists(run.retired(source.name()))) {
                Files.createDirectories(rejects);
                Files.copy(run.retired(source.name()), rejects.resolve("retired-" + source.name() + ".csv"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<CSVRecord> warnings = QualityTasklet.rejectRecords(run.warningParts(source.name()));
            if (!warnings.isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                warnings.forEach(r -> rows.add(r.toList()));
                writeCsv(rejects.resolve("warnings-" + source.name() + ".csv"), StagingPartWriter.WARNING_HEADER, rows);
            }
        }
        List<List<String>> wholeFiles = new ArrayList<>();
        plan.with(Plan.Status.REJECTED).forEach(e -> wholeFiles.add(List.of(e.file(), e.source(), e.message())));
        if (!wholeFiles.isEmpty()) {
            writeCsv(rejects.resolve("rejected-files.csv"), List.of("file", "source", "reason"), wholeFiles);
        }

        List<TableContract> tables = new ArrayList<>();
        sources.forEach(s -> tables.addAll(s.outputTables()));
        tables.addAll(List.of(Tables.STG_INGEST_FILES, Tables.STG_INGEST_REJECTS, Tables.STG_INGEST_RUNS,
                Tables.STG_INGEST_CHANGES));
        for (TableContract table : tables) {
            Path compacted = run.compacted(table);
            Path published = Path.of(warehouse.location(table));
            if (Files.isDirectory(compacted) && !Files.exists(compacted.resolve(TableManifest.FILE))) {
                StagingManifests.write(compacted, table, published);
            }
            swap(compacted, published);
        }
        for (TableContract table : tables) {
            // A table published before manifests existed gets one now, from its files as they are.
            Path published = Path.of(warehouse.location(table));
            if (Files.isDirectory(published) && !Files.exists(published.resolve(TableManifest.FILE))) {
                StagingManifests.write(published, table, published.resolveSibling(".none"));
            }
        }
        ParquetTables.deleteTree(run.root());
        return RepeatStatus.FINISHED;
    }

    private static void swap(Path compacted, Path published) throws IOException {
        if (!Files.isDirectory(compacted)) {
            return;
        }
        Files.createDirectories(published.getParent());
        Path previous = published.resolveSibling("." + published.getFileName() + ".previous");
        ParquetTables.deleteTree(previous);
        if (Files.exists(published)) {
            Files.move(published, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(compacted, published, StandardCopyOption.ATOMIC_MOVE);
        ParquetTables.deleteTree(previous);
    }

    private static void writeCsv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
