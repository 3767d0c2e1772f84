package org.mentoringanalytics.ingest;

import java.util.List;
import javax.sql.DataSource;
import org.mentoringanalytics.ingest.internal.ConvertedRow;
import org.mentoringanalytics.ingest.internal.LandingCsvReader;
import org.mentoringanalytics.ingest.internal.LandingRow;
import org.mentoringanalytics.ingest.internal.PublishTasklet;
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
 * The ingest job: one chunk step per landing source (read CSV, validate and pseudonymize by the
 * staging contract, write Parquet parts and rejects), then a publish step that swaps the new
 * staging tables in. Inputs arrive as job parameters ({@code landing}, {@code warehouse},
 * {@code run.folder}); the job repository lives in the {@link DataSource} the caller supplies.
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
                .start(sourceStep(sources.get(0), jobRepository, transactionManager, pseudonymizer, settings));
        for (LandingSource source : sources.subList(1, sources.size())) {
            job.next(sourceStep(source, jobRepository, transactionManager, pseudonymizer, settings));
        }
        Step publish = new StepBuilder("publish-staging", jobRepository)
                .tasklet(new PublishTasklet(sources), transactionManager)
                .build();
        return job.next(publish).build();
    }

    private static Step sourceStep(LandingSource source, JobRepository jobRepository,
                                   PlatformTransactionManager transactionManager, Pseudonymizer pseudonymizer,
                                   IngestSettings settings) {
        LandingCsvReader reader = new LandingCsvReader(source);
        StagingPartWriter writer = new StagingPartWriter(source);
        return new StepBuilder("stage-" + source.name(), jobRepository)
                .<LandingRow, ConvertedRow>chunk(settings.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(new RowConverter(source, pseudonymizer))
                .writer(writer)
                .listener(reader)
                .listener(writer)
                .build();
    }
}
