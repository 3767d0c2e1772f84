package org.mentoringanalytics.ingest;

import java.util.List;
import javax.sql.DataSource;
import org.mentoringanalytics.ingest.internal.CompactTasklet;
import org.mentoringanalytics.ingest.internal.IngestSteps;
import org.mentoringanalytics.ingest.internal.ConvertedRow;
import org.mentoringanalytics.ingest.internal.LandingCsvReader;
import org.mentoringanalytics.ingest.internal.LandingRow;
import org.mentoringanalytics.ingest.internal.PlanTasklet;
import org.mentoringanalytics.ingest.internal.PublishTasklet;
import org.mentoringanalytics.ingest.internal.QualityTasklet;
import org.mentoringanalytics.ingest.internal.RowConverter;
import org.mentoringanalytics.ingest.internal.StagingPartWriter;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job. {@code plan-files} decides which landing files to read (new content only);
 * one chunk step per landing source reads them, validates and pseudonymizes by the staging
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
                         Pseudonymizer pseudonymizer, IngestSettings settings) {
        List<LandingSource> sources = LandingSources.ALL;
        SimpleJobBuilder job = new JobBuilder(JOB_NAME, jobRepository)
                .start(tasklet(IngestSteps.PLAN, new PlanTasklet(sources), jobRepository, transactionManager));
        for (LandingSource source : sources) {
            job.next(sourceStep(source, jobRepository, transactionManager, pseudonymizer, settings));
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

    private static Step sourceStep(LandingSource source, JobRepository jobRepository,
                                   PlatformTransactionManager transactionManager, Pseudonymizer pseudonymizer,
                                   IngestSettings settings) {
        LandingCsvReader reader = new LandingCsvReader(source, settings.maxRowChars());
        RowConverter converter = new RowConverter(source, pseudonymizer);
        StagingPartWriter writer = new StagingPartWriter(source);
        return new StepBuilder(IngestSteps.stage(source), jobRepository)
                .<LandingRow, ConvertedRow>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(converter)
                .writer(writer)
                .listener(reader)
                .listener(converter)
                .listener(writer)
                .listener(new ProgressListener(source.name(), settings.progress()))
                .build();
    }

    /** Reports rows read after each chunk and when the step ends. */
    static final class ProgressListener implements org.springframework.batch.core.listener.ItemWriteListener<ConvertedRow>,
            org.springframework.batch.core.listener.StepExecutionListener {
        private final String source;
        private final IngestProgress progress;
        private org.springframework.batch.core.step.StepExecution step;

        ProgressListener(String source, IngestProgress progress) {
            this.source = source;
            this.progress = progress;
        }

        @Override
        public void beforeStep(org.springframework.batch.core.step.StepExecution stepExecution) {
            this.step = stepExecution;
        }

        @Override
        public void afterWrite(org.springframework.batch.infrastructure.item.Chunk<? extends ConvertedRow> items) {
            progress.update(source, step.getReadCount(), false);
        }

        @Override
        public org.springframework.batch.core.ExitStatus afterStep(org.springframework.batch.core.step.StepExecution stepExecution) {
            progress.update(source, stepExecution.getReadCount(), true);
            return null;
        }
    }
}
