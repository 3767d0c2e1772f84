package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Last step of an ingest run: swaps each staging table written by the run into its published
 * location and gathers the run's reject parts into {@code rejects/<run-id>/<source>.csv}.
 * Safe to repeat after a crash: a table already moved is skipped.
 */
public final class PublishTasklet implements Tasklet {

    private final List<LandingSource> sources;

    public PublishTasklet(List<LandingSource> sources) {
        this.sources = sources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
        Path run = Path.of(parameters.getString("run.folder"));
        Warehouse warehouse = new Warehouse(parameters.getString("warehouse"));
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        for (LandingSource source : sources) {
            publishTable(run.resolve(source.table().name()), Path.of(warehouse.location(source.table())));
            gatherRejects(run.resolve("_rejects").resolve(source.name()),
                    Path.of(warehouse.rejectsLocation(runId)).resolve(source.name() + ".csv"));
        }
        deleteTree(run);
        return RepeatStatus.FINISHED;
    }

    private static void publishTable(Path written, Path published) throws IOException {
        if (!Files.isDirectory(written)) {
            return;
        }
        Files.createDirectories(published.getParent());
        Path previous = published.resolveSibling("." + published.getFileName() + ".previous");
        deleteTree(previous);
        if (Files.exists(published)) {
            Files.move(published, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(written, published, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
    }

    private static void gatherRejects(Path parts, Path target) throws IOException {
        if (!Files.isDirectory(parts)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(parts)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())
                    .printRecord(StagingPartWriter.REJECT_HEADER.toArray());
            for (Path part : files) {
                out.write(Files.readString(part, StandardCharsets.UTF_8));
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path root) throws IOException {
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
