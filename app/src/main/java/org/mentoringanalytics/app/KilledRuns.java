package org.mentoringanalytics.app;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs the job repository still marks running although no process can be running them: the caller
 * holds the warehouse lock, so whoever started them was killed. Each is marked FAILED with when and
 * by what it was found, so history tells the truth. Only runs on the same warehouse are touched (a
 * PostgreSQL repository may serve several).
 */
final class KilledRuns {

    private KilledRuns() {
    }

    /** Marks the warehouse's runs still marked running as failed; returns their ids. */
    static List<Long> markFailed(JobRepository repository, String warehouse, String foundBy) {
        List<Long> marked = new ArrayList<>();
        String found = OffsetDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        for (String job : repository.getJobNames()) {
            for (JobInstance instance : repository.getJobInstances(job, 0, 50)) {
                for (JobExecution execution : repository.getJobExecutions(instance)) {
                    if (!execution.getStatus().isRunning()
                            || !warehouse.equals(execution.getJobParameters().getString("warehouse"))) {
                        continue;
                    }
                    String why = "killed: still marked running when " + foundBy + " found it at " + found
                            + "; it had stopped without finishing";
                    for (StepExecution step : execution.getStepExecutions()) {
                        if (step.getStatus().isRunning()) {
                            step.setStatus(BatchStatus.FAILED);
                            step.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                            repository.update(step);
                        }
                    }
                    execution.setStatus(BatchStatus.FAILED);
                    execution.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
                    repository.update(execution);
                    marked.add(execution.getId());
                }
            }
        }
        return marked;
    }
}
