package org.mentoringanalytics.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.internal.IngestRunParameters;
import org.mentoringanalytics.ingest.internal.Rebuild;
import org.mentoringanalytics.ingest.internal.StagingManifests;
import org.mentoringanalytics.ingest.internal.FileCheck;
import org.mentoringanalytics.ingest.internal.LandingFiles;
import org.mentoringanalytics.ingest.internal.ParquetTables;
import org.mentoringanalytics.ingest.internal.Plan;
import org.mentoringanalytics.ingest.internal.PlanTasklet;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Entry point of the ingest stage. Each invocation first finishes a run that failed or was killed
 * (restarting it from the job repository, so it ends with exactly the rows of an uninterrupted
 * run), then starts a new run that loads every landing file whose content has not been ingested
 * before. Landing content already ingested is skipped, so ingesting the same folder twice changes
 * nothing.
 */
public final class Ingest {

    private Ingest() {
    }

    /**
     * Ingests {@code landing} into the staging layer of {@code warehouse}.
     *
     * @param landing       landing folder (docs/landing-format.md)
     * @param warehouse     warehouse root; holds the staging tables, rejects and, by default, the job repository
     * @param asOf          as-of date of the run: nothing in the data may be later
     * @param pseudonymizer keyed pseudonymizer for person identifiers
     * @param settings      chunk size, reject limit
     * @param repository    job repository database
     */
    public static IngestResult run(Path landing, Path warehouse, LocalDate asOf, Pseudonymizer pseudonymizer,
                                   IngestSettings settings, JobRepositoryDatabase repository) throws Exception {
        return run(landing, warehouse, asOf, pseudonymizer, settings, repository, Set.of());
    }

    /**
     * As {@link #run(Path, Path, LocalDate, Pseudonymizer, IngestSettings, JobRepositoryDatabase)}, building
     * the staging tables of the named sources (or {@code all}) again from their landing files alone.
     *
     * @throws DamagedTable when a staging table that is not rebuilt differs from its manifest: nothing is read
     * @throws IllegalArgumentException when landing.properties names an unknown encoding or time zone
     */
    public static IngestResult run(Path landing, Path warehouse, LocalDate asOf, Pseudonymizer pseudonymizer,
                                   IngestSettings settings, JobRepositoryDatabase repository, Set<String> rebuild)
            throws Exception {
        Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
        Rebuild rebuilt = new Rebuild(rebuild);
        for (String name : rebuild) {
            if (!name.equals(Rebuild.ALL) && LandingSources.ALL.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("--rebuild " + name + ": no such source (sources: "
                        + String.join(", ", LandingSources.ALL.stream().map(LandingSource::name).toList()) + ", or all)");
            }
        }
        for (LandingSource source : LandingSources.ALL) {
            if (rebuilt.includes(source) && !rebuilt.all() && LandingFiles.list(landing, source).isEmpty()) {
                throw new IllegalArgumentException("--rebuild " + source.name() + ": the landing folder " + landing
                        + " has no " + source.folder() + "/" + source.filePattern() + " file to build it from");
            }
        }
        // Settings of landing.properties are checked before a run exists, so a typo is a usage error, not a failed run.
        for (LandingSource source : LandingSources.ALL) {
            LandingFiles.charset(landing, source.folder());
        }
        LandingFiles.zone(landing);
        checkStaging(tables, rebuilt);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", javax.sql.DataSource.class, repository::dataSource);
            context.registerBean(Pseudonymizer.class, () -> pseudonymizer);
            context.registerBean(IngestSettings.class, () -> settings);
            context.register(IngestConfiguration.class);
            context.refresh();
            JobRepository jobRepository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean(Job.class);

            JobExecution unfinished = unfinished(jobRepository, operator);
            IngestResult resumed = null;
            if (unfinished != null) {
                if (planStillHolds(unfinished, landing)) {
                    JobExecution restarted = operator.restart(unfinished);
                    resumed = result(restarted, tables);
                    if (restarted.getStatus() != BatchStatus.COMPLETED) {
                        return resumed;
                    }
                } else {
                    // The landing files changed under a broken run: its plan is stale, start afresh.
                    operator.abandon(unfinished);
                }
            }
            long runKey = System.currentTimeMillis();
            JobParameters parameters = IngestRunParameters.newRun(runKey, asOf, landing, warehouse,
                    settings.maxRejectsPerFile(), rebuild).toJobParameters();
            IngestResult next = result(operator.start(job, parameters), tables);
            return resumed == null ? next : IngestResult.resumed(resumed, next);
        }
    }

    /** Every staging table not being rebuilt must be as its manifest says before a run builds on it. */
    private static void checkStaging(Warehouse tables, Rebuild rebuild) throws IOException {
        List<TableContract> checked = new ArrayList<>();
        for (LandingSource source : LandingSources.ALL) {
            if (!rebuild.includes(source)) {
                checked.addAll(source.outputTables());
            }
        }
        if (!rebuild.all()) {
            checked.addAll(List.of(Tables.STG_INGEST_FILES, Tables.STG_INGEST_REJECTS, Tables.STG_INGEST_RUNS,
                    Tables.STG_INGEST_CHANGES));
        }
        for (TableContract table : checked) {
            List<String> problems = StagingManifests.problems(Path.of(tables.location(table)));
            if (!problems.isEmpty()) {
                throw new DamagedTable(table, tables.location(table), problems, DamagedTable.stagingRemedy(table));
            }
        }
    }

    /** The last execution of the job when it did not complete; a killed one is marked failed first. */
    private static JobExecution unfinished(JobRepository repository, JobOperator operator) {
        JobInstance last = repository.getLastJobInstance(IngestConfiguration.JOB_NAME);
        if (last == null) {
            return null;
        }
        JobExecution execution = repository.getLastJobExecution(last);
        if (execution == null || execution.getStatus() == BatchStatus.COMPLETED
                || execution.getStatus() == BatchStatus.ABANDONED) {
            return null;
        }
        if (execution.getStatus().isRunning()) {
            execution = operator.recover(execution);
        }
        return execution;
    }

    private static boolean planStillHolds(JobExecution execution, Path landing) throws IOException {
        if (!execution.getExecutionContext().containsKey(PlanTasklet.PLAN)) {
            return true;
        }
        Plan plan = Plan.parse(execution.getExecutionContext().getString(PlanTasklet.PLAN));
        for (Plan.Entry entry : plan.with(Plan.Status.READ)) {
            Path file = landing.resolve(entry.file());
            if (!java.nio.file.Files.isRegularFile(file) || !FileCheck.hash(file).equals(entry.hash())) {
                return false;
            }
        }
        return true;
    }

    private static IngestResult result(JobExecution execution, Warehouse tables) throws IOException {
        long runId = execution.getJobInstance().getInstanceId();
        Path rejects = Path.of(tables.rejectsLocation(runId));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // A failed partition fails its source's step too ("unsuccessful step"): the partition's own error says why.
            String error = execution.getAllFailureExceptions().stream()
                    .sorted(java.util.Comparator.comparing(e -> e instanceof org.springframework.batch.core.job.JobExecutionException))
                    .map(Ingest::rootMessage).findFirst()
                    .orElse("the run ended " + execution.getStatus());
            return IngestResult.of(IngestResult.Outcome.FAILED, runId, List.of(), rejects, error);
        }
        Plan plan = Plan.parse(execution.getExecutionContext().getString(PlanTasklet.PLAN));
        List<IngestResult.FileOutcome> files = new ArrayList<>();
        for (Path file : ParquetTables.dataFiles(Path.of(tables.location(Tables.STG_INGEST_FILES)))) {
            ParquetTables.read(file, null, r -> {
                if ((Long) r.get("run_id") == runId) {
                    files.add(new IngestResult.FileOutcome(r.get("file").toString(), r.get("source").toString(),
                            r.get("status").toString(), (Long) r.get("rows_read"), (Long) r.get("rows_written"),
                            (Long) r.get("rows_rejected"), (Long) r.get("rows_superseding"),
                            r.get("message") == null ? "" : r.get("message").toString(), r.get("content_hash").toString()));
                }
            });
        }
        for (Plan.Entry removed : plan.with(Plan.Status.REMOVED)) {
            files.add(new IngestResult.FileOutcome(removed.file(), removed.source(), "removed", 0, 0, 0, 0, removed.message(),
                    removed.hash()));
        }
        for (Plan.Entry ignored : plan.with(Plan.Status.IGNORED)) {
            files.add(new IngestResult.FileOutcome(ignored.file(), "", "ignored", 0, 0, 0, 0, ignored.message(), ""));
        }
        for (Plan.Entry skipped : plan.with(Plan.Status.SKIPPED)) {
            files.add(new IngestResult.FileOutcome(skipped.file(), skipped.source(), "skipped", 0, 0, 0, 0, skipped.message(),
                    skipped.hash()));
        }
        boolean nothingNew = plan.with(Plan.Status.READ).isEmpty() && plan.with(Plan.Status.REJECTED).isEmpty();
        return IngestResult.of(nothingNew ? IngestResult.Outcome.NOTHING_NEW : IngestResult.Outcome.COMPLETED, runId,
                files, rejects, null);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.file.FileSystemException f) {
            // Its message is often the path alone: say what happened to it.
            String what = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists" : f.getClass().getSimpleName();
            return f.getFile() + ": " + what;
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
