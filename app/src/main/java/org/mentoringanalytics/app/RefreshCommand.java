package org.mentoringanalytics.app;

import java.util.concurrent.Callable;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"The nightly refresh: ingest new or changed landing files, recompute the marts they affect, "
                + "rebuild the quarter's report. Safe to rerun: with nothing new it changes nothing. Every run is "
                + "recorded in the job repository (see history) and in <warehouse>/_runs/refresh-<run>.json."},
        footer = {"", "Examples:",
                "  mentoring-analytics refresh --landing /data/landing --warehouse /data/warehouse --reports /data/reports",
                "  # from cron: 0 2 * * * cd /opt/mentoring && bin/mentoring-analytics refresh --landing ... >> refresh.log 2>&1",
                "", "Exit codes: 0 success, 1 failed, 2 bad usage, 3 a landing file was rejected whole, 4 another run holds the warehouse."})
final class RefreshCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Mixin
    SparkOptions spark;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        try (PipelineLock lock = PipelineLock.acquire(options.warehouse, "refresh")) {
            return refresh();
        }
    }

    /**
     * A refresh still marked running cannot be: this process holds the warehouse lock. It was killed;
     * mark it failed so history tells the truth. Its ingest resumes on its own; the rest is recomputed.
     */
    private static void recoverKilledRuns(org.springframework.batch.core.repository.JobRepository repository,
                                          JobOperator operator) throws Exception {
        for (var instance : repository.getJobInstances(RefreshConfiguration.JOB_NAME, 0, 20)) {
            for (JobExecution execution : repository.getJobExecutions(instance)) {
                if (execution.getStatus().isRunning()) {
                    operator.recover(execution);
                }
            }
        }
    }

    /** Runs one refresh; the caller holds the warehouse lock. */
    int refresh() throws Exception {
        RefreshRun run = new RefreshRun(options, ingestOptions, spark, report, System.out,
                System.err);
        try (JobRepositoryDatabase repository = Stages.jobRepository(options, ingestOptions);
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", javax.sql.DataSource.class, repository::dataSource);
            context.registerBean(RefreshRun.class, () -> run);
            context.register(RefreshConfiguration.class);
            context.refresh();
            recoverKilledRuns(context.getBean(org.springframework.batch.core.repository.JobRepository.class),
                    context.getBean(JobOperator.class));
            JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class),
                    new JobParametersBuilder()
                            .addLong("run.key", System.currentTimeMillis(), true)
                            .addString("as_of", options.asOf().toString(), true)
                            .addString("landing", options.landing().toAbsolutePath().toString(), false)
                            .addString("warehouse", options.warehouse.toAbsolutePath().toString(), false)
                            .toJobParameters());
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                String cause = execution.getAllFailureExceptions().stream()
                        .map(e -> e.getMessage() == null ? e.toString() : e.getMessage()).findFirst()
                        .orElse("the run ended " + execution.getStatus());
                System.err.println("error: refresh " + execution.getId() + " failed: " + cause);
                return ExitCodes.FAILED;
            }
            System.out.printf("refresh %d done%n", execution.getId());
            return Stages.exitCode(run.ingest);
        }
    }
}
