package org.mentoringanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past ingest and refresh runs from the job repository: status, start, duration, rows and rejects.",
        footer = {"", "Examples:",
                "  mentoring-analytics history --warehouse /data/warehouse",
                "  mentoring-analytics history --json --limit 5",
                "  mentoring-analytics history --job-repository jdbc:postgresql://db:5432/mentoring"})
final class HistoryCommand implements Callable<Integer> {

    /** One run as history shows it. */
    record Run(long id, String job, String status, LocalDateTime started, LocalDateTime ended, long rows, long rejects,
               String message) {
        Duration duration() {
            return started == null || ended == null ? null : Duration.between(started, ended);
        }
    }

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Option(names = "--json", description = "One JSON document for machines instead of a table.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", description = "Most recent runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Configuration
    @EnableBatchProcessing
    @EnableJdbcJobRepository
    static class Repository {
        @Bean
        public PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Run> runs = new ArrayList<>();
        try (JobRepositoryDatabase database = Stages.jobRepository(options, ingestOptions);
             AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean("dataSource", DataSource.class, database::dataSource);
            context.register(Repository.class);
            context.refresh();
            JobRepository repository = context.getBean(JobRepository.class);
            for (String job : repository.getJobNames()) {
                for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
                    for (JobExecution execution : repository.getJobExecutions(instance)) {
                        runs.add(toRun(job, execution));
                    }
                }
            }
        }
        runs.sort(Comparator.comparing(Run::started, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Run> shown = runs.subList(0, Math.min(limit, runs.size()));
        System.out.print(json ? json(shown) : table(shown));
        return ExitCodes.OK;
    }

    private static Run toRun(String job, JobExecution execution) {
        long rows = 0;
        long rejects = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (job.equals(RefreshConfiguration.JOB_NAME)) {
                if (step.getStepName().equals("ingest")) {
                    rows += step.getWriteCount();
                    rejects += step.getFilterCount();
                }
            } else if (step.getStepName().startsWith("stage-")) {
                long stepRejects = 0;
                for (var entry : step.getExecutionContext().entrySet()) {
                    if (entry.getKey().startsWith("file.rejected.") && entry.getValue() instanceof Number n) {
                        stepRejects += n.longValue();
                    }
                }
                rows += step.getReadCount() - stepRejects;
                rejects += stepRejects;
            }
        }
        String message = execution.getExitStatus().getExitDescription();
        message = message == null || message.isBlank() ? "" : message.lines().findFirst().orElse("");
        return new Run(execution.getId(), job, execution.getStatus().name(), execution.getStartTime(),
                execution.getEndTime(), rows, rejects, message.length() > 120 ? message.substring(0, 117) + "..." : message);
    }

    private static final java.time.format.DateTimeFormatter STARTED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String table(List<Run> runs) {
        if (runs.isEmpty()) {
            return "no runs recorded yet\n";
        }
        StringBuilder text = new StringBuilder(String.format("%6s  %-8s  %-10s  %-19s  %9s  %12s  %9s  %s%n",
                "run", "job", "status", "started", "duration", "rows", "rejects", "message"));
        for (Run r : runs) {
            Duration d = r.duration();
            text.append(String.format(java.util.Locale.ROOT, "%6d  %-8s  %-10s  %-19s  %9s  %,12d  %,9d  %s%n", r.id(), r.job(),
                    r.status(), r.started() == null ? "" : STARTED.format(r.started()),
                    d == null ? "running" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0),
                    r.rows(), r.rejects(), r.message()));
        }
        return text.toString();
    }

    static String json(List<Run> runs) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Run r : runs) {
            ObjectNode node = array.addObject();
            node.put("run", r.id());
            node.put("job", r.job());
            node.put("status", r.status());
            node.put("started", r.started() == null ? null : r.started().toString());
            node.put("ended", r.ended() == null ? null : r.ended().toString());
            node.put("seconds", r.duration() == null ? null : r.duration().toMillis() / 1000.0);
            node.put("rows", r.rows());
            node.put("rejects", r.rejects());
            node.put("message", r.message());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }
}
