package org.mentoringanalytics.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.internal.StagingPartWriter;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Entry point of the ingest stage. A run is identified by the landing folder's content
 * fingerprint and the as-of date: the same landing content is ingested once (a second call is a
 * no-op), and a run that failed or was killed resumes from the job repository where it stopped.
 */
public final class Ingest {

    private Ingest() {
    }

    /**
     * Ingests {@code landing} into the staging layer of {@code warehouse}.
     *
     * @param landing       landing folder (docs/landing-format.md)
     * @param warehouse     warehouse root; holds the job repository, staging tables and rejects
     * @param asOf          as-of date of the run
     * @param pseudonymizer keyed pseudonymizer for person identifiers
     * @param settings      chunk size and other tuning
     */
    public static IngestResult run(Path landing, Path warehouse, LocalDate asOf, Pseudonymizer pseudonymizer,
                                   IngestSettings settings) throws Exception {
        Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
        String fingerprint = LandingFingerprint.of(landing);
        JobParameters parameters = new JobParametersBuilder()
                .addString("landing.fingerprint", fingerprint, true)
                .addString("as_of", asOf.toString(), true)
                .addString("landing", landing.toAbsolutePath().toString(), false)
                .addString("warehouse", tables.root(), false)
                .addString("run.folder", warehouse.toAbsolutePath().resolve("_ingest")
                        .resolve(fingerprint.substring(0, 16) + "-" + asOf).toString(), false)
                .toJobParameters();
        try (JobRepositoryDatabase database = JobRepositoryDatabase.open(Path.of(tables.jobRepositoryPath()));
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", javax.sql.DataSource.class, database::dataSource);
            context.registerBean(Pseudonymizer.class, () -> pseudonymizer);
            context.registerBean(IngestSettings.class, () -> settings);
            context.register(IngestConfiguration.class);
            context.refresh();
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            Job job = context.getBean(Job.class);

            JobInstance instance = repository.getJobInstance(IngestConfiguration.JOB_NAME, parameters);
            JobExecution execution;
            boolean alreadyDone = false;
            if (instance == null) {
                execution = operator.start(job, parameters);
            } else {
                JobExecution last = repository.getLastJobExecution(instance);
                if (last.getStatus() == BatchStatus.COMPLETED) {
                    execution = last;
                    alreadyDone = true;
                } else {
                    if (last.getStatus().isRunning()) {
                        // A run killed mid-way leaves its execution marked running: recover it first.
                        last = operator.recover(last);
                    }
                    execution = operator.restart(last);
                }
            }
            return result(repository, execution, alreadyDone, tables);
        }
    }

    private static IngestResult result(JobRepository repository, JobExecution execution, boolean alreadyDone,
                                       Warehouse tables) {
        long runId = execution.getJobInstance().getInstanceId();
        List<IngestResult.SourceCounts> counts = new ArrayList<>();
        for (LandingSource source : LandingSources.ALL) {
            StepExecution step = lastStep(repository, execution.getJobInstance(), "stage-" + source.name());
            if (step != null) {
                counts.add(new IngestResult.SourceCounts(source.name(), step.getReadCount(),
                        step.getExecutionContext().getLong(StagingPartWriter.VALID, 0L),
                        step.getExecutionContext().getLong(StagingPartWriter.REJECTED, 0L)));
            }
        }
        IngestResult.Outcome outcome = alreadyDone ? IngestResult.Outcome.ALREADY_INGESTED
                : execution.getStatus() == BatchStatus.COMPLETED ? IngestResult.Outcome.COMPLETED
                : IngestResult.Outcome.FAILED;
        return new IngestResult(outcome, runId, counts, Path.of(tables.rejectsLocation(runId)));
    }

    private static StepExecution lastStep(JobRepository repository, JobInstance instance, String stepName) {
        return repository.getLastStepExecution(instance, stepName);
    }
}
