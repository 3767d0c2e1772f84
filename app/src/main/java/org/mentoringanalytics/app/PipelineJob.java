package org.mentoringanalytics.app;

import java.util.List;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Starts {@code refresh} or {@code run} as a Spring Batch job in the warehouse's job repository,
 * after marking the warehouse's killed runs failed; the caller holds the warehouse lock.
 */
final class PipelineJob {

    private PipelineJob() {
    }

    /** Runs the job to its end; returns the exit code and prints the outcome. */
    static int launch(RefreshRun run) throws Exception {
        try (JobRepositoryDatabase repository = Stages.jobRepository(run.options, run.ingestOptions);
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", javax.sql.DataSource.class, repository::dataSource);
            context.registerBean(RefreshRun.class, () -> run);
            context.register(RefreshConfiguration.class);
            context.refresh();
            String warehouse = run.options.warehouse.toAbsolutePath().toString();
            markKilled(context.getBean(JobRepository.class), warehouse, run.job, run.err);
            Job job = context.getBean(run.job.equals(RefreshConfiguration.RUN_JOB_NAME) ? "runJob" : "refreshJob", Job.class);
            JobExecution execution = context.getBean(JobOperator.class).start(job, new JobParametersBuilder()
                    .addLong("run.key", System.currentTimeMillis(), true)
                    .addString("as_of", run.options.asOf().toString(), true)
                    .addString("landing", run.options.landing().toAbsolutePath().toString(), false)
                    .addString("warehouse", warehouse, false)
                    .toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
                String message = cause == null ? "the run ended " + execution.getStatus()
                        : cause.getMessage() == null ? cause.toString() : cause.getMessage();
                run.err.println("error: " + run.job + " " + execution.getId() + " failed: " + message);
                run.failure = run.job + " " + execution.getId() + ": " + message;
                return cause instanceof UsageError ? ExitCodes.USAGE
                        : cause != null && damaged(cause) ? ExitCodes.DAMAGED : ExitCodes.FAILED;
            }
            run.out.printf("%s %d done%n", run.job, execution.getId());
            return Stages.exitCode(run.ingest);
        }
    }

    /** Marks killed runs of this warehouse failed (the caller holds its lock) and says so. */
    static void markKilled(JobRepository repository, String warehouse, String foundBy, java.io.PrintStream err) {
        List<Long> killed = KilledRuns.markFailed(repository, warehouse, foundBy + " (process " + ProcessHandle.current().pid() + ")");
        if (!killed.isEmpty()) {
            err.println("note: run(s) " + killed + " had been killed; they are now recorded as failed (see history)");
        }
    }

    /** Whether a damaged table is the cause (a job reports it wrapped in its step's failure). */
    static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.mentoringanalytics.contracts.DamagedTable) {
                return true;
            }
        }
        return false;
    }
}
