package org.mentoringanalytics.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mentoringanalytics.ingest.internal.CompactTasklet;
import org.mentoringanalytics.ingest.internal.IngestSteps;
import org.mentoringanalytics.ingest.internal.ConvertedRow;
import org.mentoringanalytics.ingest.internal.LandingCsvReader;
import org.mentoringanalytics.ingest.internal.LargestFirstPartitionHandler;
import org.mentoringanalytics.ingest.internal.LandingRow;
import org.mentoringanalytics.ingest.internal.PlanTasklet;
import org.mentoringanalytics.ingest.internal.PublishTasklet;
import org.mentoringanalytics.ingest.internal.QualityTasklet;
import org.mentoringanalytics.ingest.internal.RowConverter;
import org.mentoringanalytics.ingest.internal.SharedReferences;
import org.mentoringanalytics.ingest.internal.SourcePartitioner;
import org.mentoringanalytics.ingest.internal.SourcePartitionsAggregator;
import org.mentoringanalytics.ingest.internal.StagingPartWriter;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job. {@code plan-files} decides which landing files to read (new content only);
 * one step per landing source reads them, its files on several threads, validates and pseudonymizes by the staging
 * contract and the source's rules, and writes Parquet parts and rejects; {@code compact-staging}
 * applies the supersession rule; {@code record-quality} writes the data-quality tables;
 * {@code publish-staging} swaps the new table versions in. Inputs arrive as job parameters
 * ({@code landing}, {@code warehouse}, {@code run.folder}, {@code as_of}); the job repository lives
 * in the {@link DataSource} the caller supplies.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository
public class IngestConfiguration {

    public static final String JOB_NAME = "ingest";

    @Bean
    public PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    public Job ingestJob(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         Pseudonymizer pseudonymizer, IngestSettings settings, ThreadPoolTaskExecutor ingestThreads) {
        List<LandingSource> sources = LandingSources.ALL;
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .start(tasklet(IngestSteps.PLAN, new PlanTasklet(sources), jobRepository, transactionManager));
        for (LandingSource source : sources) {
            job.next(sourceStep(source, jobRepository, transactionManager, pseudonymizer, settings, ingestThreads));
        }
        return job.next(tasklet(IngestSteps.COMPACT, new CompactTasklet(sources), jobRepository, transactionManager))
                .next(tasklet(IngestSteps.QUALITY, new QualityTasklet(sources, jobRepository), jobRepository, transactionManager))
                .next(tasklet(IngestSteps.PUBLISH, new PublishTasklet(sources), jobRepository, transactionManager))
                .build();
    }

    private static Step tasklet(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
                                JobRepository jobRepository, PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    /** The threads that read a source's files, one file each; shut down with the context. */
    @Bean
    public ThreadPoolTaskExecutor ingestThreads(IngestSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setThreadNamePrefix("ingest-");
        executor.setDaemon(true);
        return executor;
    }

    /**
     * A source's step: partitioned by landing file ({@link SourcePartitioner}), the partitions run
     * on the ingest threads, largest first, each as a chunk step with its own reader, converter and writer (they
     * keep the state of the files they read), named {@code stage-<source>:<partition>}.
     */
    private static Step sourceStep(LandingSource source, JobRepository jobRepository,
                                   PlatformTransactionManager transactionManager, Pseudonymizer pseudonymizer,
                                   IngestSettings settings, TaskExecutor threads) {
        String name = IngestSteps.stage(source);
        SharedReferences references = new SharedReferences();
        SourceProgress progress = new SourceProgress(source.name(), settings.progress());
        Step worker = new Step() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public void execute(StepExecution partition) throws JobInterruptedException {
                LandingCsvReader reader = new LandingCsvReader(source, settings.maxRowChars());
                RowConverter converter = new RowConverter(source, pseudonymizer, references);
                StagingPartWriter writer = new StagingPartWriter(source);
                new StepBuilder(name, jobRepository)
                        .<LandingRow, ConvertedRow>chunk(settings.chunkSize())
                        .transactionManager(transactionManager)
                        .reader(reader)
                        .processor(converter)
                        .writer(writer)
                        .listener(reader)
                        .listener(converter)
                        .listener(writer)
                        .listener((ItemWriteListener<ConvertedRow>) progress)
                        .build()
                        .execute(partition);
            }
        };
        LargestFirstPartitionHandler handler = new LargestFirstPartitionHandler(source);
        handler.setStep(worker);
        handler.setTaskExecutor(threads);
        handler.setGridSize(settings.threads());
        return new StepBuilder(name, jobRepository)
                .partitioner(name, new SourcePartitioner(source))
                .partitionHandler(handler)
                .aggregator(new SourcePartitionsAggregator(source, name, jobRepository))
                // The source's end, heard once: its partitions' reference data is freed only then.
                .listener(new StepExecutionListener() {
                    @Override
                    public ExitStatus afterStep(StepExecution stepExecution) {
                        progress.finished(stepExecution.getReadCount());
                        references.clear();
                        return null;
                    }
                })
                .build();
    }

    /**
     * Reports a source's rows read after each chunk of any of its partitions (their sum, one report
     * at a time) and when the source's step ends. Only a write listener: a step listener on the
     * partitions would hear each partition end, not the source's.
     */
    static final class SourceProgress implements ItemWriteListener<ConvertedRow> {
        private final String source;
        private final IngestProgress progress;
        private final Map<Long, Long> readByPartition = new HashMap<>();

        SourceProgress(String source, IngestProgress progress) {
            this.source = source;
            this.progress = progress;
        }

        @Override
        public void afterWrite(Chunk<? extends ConvertedRow> items) {
            StepExecution partition = StepSynchronizationManager.getContext().getStepExecution();
            synchronized (this) {
                readByPartition.put(partition.getId(), partition.getReadCount());
                progress.update(source, readByPartition.values().stream().mapToLong(Long::longValue).sum(), false);
            }
        }

        /** The source's step has ended, having read this many rows over all its partitions. */
        synchronized void finished(long read) {
            progress.update(source, read, true);
            readByPartition.clear();
        }
    }
}
