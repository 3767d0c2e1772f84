package org.mentoringanalytics.app;

import java.time.Duration;
import javax.sql.DataSource;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.reports.Quarter;
import org.mentoringanalytics.reports.ReportFiles;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;

/**
 * The nightly refresh, and the full {@code run}, as Spring Batch jobs in the same job repository as ingest, so every run,
 * failed or not, is recorded with its steps: {@code ingest} (new and changed landing files only),
 * {@code metrics} (only the table groups whose sources, as-of date or code changed; nothing at all
 * when nothing did), {@code report} (the quarter's report, when the marts changed or it is
 * missing) and {@code manifest} (the run manifest). Each step's rows are its write count; ingest's
 * rejected rows are its filter count.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository
public class RefreshConfiguration {

    static final String JOB_NAME = "refresh";
    /** The whole pipeline in full ({@code run}): every table recomputed, the report always written. */
    static final String RUN_JOB_NAME = "run";

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    public Job refreshJob(JobRepository repository, PlatformTransactionManager tx, RefreshRun run) {
        return job(JOB_NAME, repository, tx, run);
    }

    @Bean
    public Job runJob(JobRepository repository, PlatformTransactionManager tx, RefreshRun run) {
        return job(RUN_JOB_NAME, repository, tx, run);
    }

    private static Job job(String name, JobRepository repository, PlatformTransactionManager tx, RefreshRun run) {
        return new JobBuilder(name, repository)
                .start(step("ingest", repository, tx, run, RefreshConfiguration::ingest))
                .next(step("metrics", repository, tx, run, RefreshConfiguration::metrics))
                .next(step("report", repository, tx, run, RefreshConfiguration::report))
                .next(step("manifest", repository, tx, run, RefreshConfiguration::manifest))
                .build();
    }

    interface Work {
        void run(RefreshRun run, StepContribution contribution) throws Exception;
    }

    private static Step step(String name, JobRepository repository, PlatformTransactionManager tx, RefreshRun run, Work work) {
        return new StepBuilder(name, repository).tasklet((contribution, chunk) -> {
            long started = System.nanoTime();
            try {
                work.run(run, contribution);
            } finally {
                run.timings.put(name, Duration.ofNanos(System.nanoTime() - started));
            }
            return RepeatStatus.FINISHED;
        }, tx)
                // The ingest step starts the ingest job, whose repository refuses to run inside a transaction;
                // no step here has transactional work of its own.
                .transactionAttribute(new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED))
                .build();
    }

    private static void ingest(RefreshRun run, StepContribution contribution) throws Exception {
        run.ingest = Stages.ingest(run.options, run.ingestOptions, run.out, run.err);
        contribution.incrementWriteCount(run.ingest.files().stream().mapToLong(IngestResult.FileOutcome::written).sum());
        contribution.incrementFilterCount(run.ingest.totalRejected());
        if (run.ingest.outcome() == IngestResult.Outcome.FAILED) {
            throw new IllegalStateException("ingest failed: " + run.ingest.error());
        }
    }

    private static void metrics(RefreshRun run, StepContribution contribution) {
        run.metrics = run.job.equals(RUN_JOB_NAME) ? Stages.metrics(run.options, run.spark, run.out)
                : Stages.metricsIncremental(run.options, run.spark, run.out);
        contribution.incrementWriteCount(run.metrics.rows().values().stream().mapToLong(Long::longValue).sum());
    }

    private static void report(RefreshRun run, StepContribution contribution) throws Exception {
        Quarter quarter = run.quarter != null ? run.quarter : Quarter.lastCompleteBy(run.options.asOf());
        // A report cut short (killed, disk full) or changed since is not up to date, whatever the marts did.
        boolean incomplete = !ReportFiles.complete(run.options.reports, quarter);
        if (run.job.equals(JOB_NAME) && run.metrics.recomputed().isEmpty() && !incomplete) {
            run.reportSkipped = "marts unchanged: report " + quarter + " is up to date";
            run.out.println("report skipped: " + run.reportSkipped);
            return;
        }
        run.report = Stages.report(run.options, run.reportOptions, quarter, run.out);
        contribution.incrementWriteCount(run.report.files().size());
    }

    private static void manifest(RefreshRun run, StepContribution contribution) throws Exception {
        long executionId = contribution.getStepExecution().getJobExecutionId();
        var file = RunManifest.write(run, executionId);
        run.out.println("manifest: " + file.toAbsolutePath());
    }
}
