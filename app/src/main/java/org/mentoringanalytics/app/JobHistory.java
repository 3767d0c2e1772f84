package org.mentoringanalytics.app;

import javax.sql.DataSource;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The warehouse's job repository opened for reading and correcting its history. */
final class JobHistory {

    private JobHistory() {
    }

    @Configuration
    @EnableBatchProcessing
    @EnableJdbcJobRepository
    static class Repository {
        @Bean
        public PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }

    /** What to do with the repository while it is open. */
    interface Work<T> {
        T with(JobRepository repository) throws Exception;
    }

    static <T> T open(PipelineOptions options, IngestOptions ingestOptions, Work<T> work) throws Exception {
        try (JobRepositoryDatabase database = Stages.jobRepository(options, ingestOptions);
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", DataSource.class, database::dataSource);
            context.register(Repository.class);
            context.refresh();
            return work.with(context.getBean(JobRepository.class));
        }
    }

    /** Marks the warehouse's killed runs failed; the caller holds the warehouse lock. */
    static void markKilled(PipelineOptions options, IngestOptions ingestOptions, String foundBy, java.io.PrintStream err)
            throws Exception {
        open(options, ingestOptions, repository -> {
            PipelineJob.markKilled(repository, options.warehouse.toAbsolutePath().toString(), foundBy, err);
            return null;
        });
    }
}
