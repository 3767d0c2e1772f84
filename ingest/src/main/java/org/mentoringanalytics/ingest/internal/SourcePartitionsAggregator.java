package org.mentoringanalytics.ingest.internal;

import java.util.Collection;
import java.util.Map;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.partition.StepExecutionAggregator;
import org.springframework.batch.core.partition.support.DefaultStepExecutionAggregator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Gathers a source's partitions into its step: status and counts of the partitions that ran (as
 * Spring Batch's default aggregator does), and every per-file entry ({@code file.*}: rows read,
 * rejected, blank lines) of all its partitions, taken from the job repository so that partitions
 * completed before a restart count too. Later steps read the per-file entries from the source's
 * step as if one reader had read every file; each file belongs to one partition, so no entry is
 * written twice.
 */
public final class SourcePartitionsAggregator implements StepExecutionAggregator {

    private static final String PER_FILE = "file.";

    private final LandingSource source;
    private final String workerStep;
    private final JobRepository repository;
    private final DefaultStepExecutionAggregator counts = new DefaultStepExecutionAggregator();

    public SourcePartitionsAggregator(LandingSource source, String workerStep, JobRepository repository) {
        this.source = source;
        this.workerStep = workerStep;
        this.repository = repository;
    }

    @Override
    public void aggregate(StepExecution result, Collection<StepExecution> executions) {
        counts.aggregate(result, executions);
        JobInstance instance = result.getJobExecution().getJobInstance();
        for (String partition : SourcePartitioner.partitions(source, SourcePartitioner.plan(result)).keySet()) {
            StepExecution worker = repository.getLastStepExecution(instance, workerStep + ":" + partition);
            if (worker == null) {
                continue;
            }
            for (Map.Entry<String, Object> entry : worker.getExecutionContext().entrySet()) {
                if (entry.getKey().startsWith(PER_FILE)) {
                    result.getExecutionContext().put(entry.getKey(), entry.getValue());
                }
            }
        }
        // A partition's own error, not only the handler's "unsuccessful step", reaches the run's result.
        executions.forEach(worker -> worker.getFailureExceptions().forEach(result::addFailureException));
    }
}
