package org.mentoringanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past ingest, refresh and run jobs from the job repository: status, start (with its UTC offset), "
                + "duration, rows and rejects; --json adds each step. A run found killed is shown FAILED with when it was found.",
        footer = {"", "Examples:",
                "  mentoring-analytics history --warehouse /data/warehouse",
                "  mentoring-analytics history --json --limit 5",
                "  mentoring-analytics history --job-repository jdbc:postgresql://db:5432/mentoring"})
final class HistoryCommand implements Callable<Integer> {

    /** One run as history shows it; times carry the offset of the zone they were recorded in. */
    record Run(long id, String job, String status, OffsetDateTime started, OffsetDateTime ended, long rows, long rejects,
               String message, List<Step> steps) {
        Duration duration() {
            return started == null || ended == null ? null : Duration.between(started, ended);
        }
    }

    /** One step of a run. */
    record Step(String name, String status, OffsetDateTime started, OffsetDateTime ended, long rows) {
    }

    @Mixin
    PipelineOptions options;

    @Mixin
    IngestOptions ingestOptions;

    @Option(names = "--json", description = "One JSON document for machines instead of a table.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", description = "Most recent runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        List<Run> runs = JobHistory.open(options, ingestOptions, repository -> {
            List<Run> found = new ArrayList<>();
            for (String job : repository.getJobNames()) {
                for (JobInstance instance : repository.getJobInstances(job, 0, limit)) {
                    for (JobExecution execution : repository.getJobExecutions(instance)) {
                        found.add(toRun(job, execution));
                    }
                }
            }
            return found;
        });
        runs.sort(Comparator.comparing(Run::started, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Run> shown = runs.subList(0, Math.min(limit, runs.size()));
        System.out.print(json ? json(shown) : table(shown));
        return ExitCodes.OK;
    }

    /** The repository stores local times of this machine's zone: give them their offset. */
    private static OffsetDateTime zoned(LocalDateTime time) {
        return time == null ? null : time.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static Run toRun(String job, JobExecution execution) {
        long rows = 0;
        long rejects = 0;
        List<Step> steps = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            steps.add(new Step(step.getStepName(), step.getStatus().name(), zoned(step.getStartTime()),
                    zoned(step.getEndTime()), step.getWriteCount()));
            if (job.equals(RefreshConfiguration.JOB_NAME) || job.equals(RefreshConfiguration.RUN_JOB_NAME)) {
                if (step.getStepName().equals("ingest")) {
                    rows += step.getWriteCount();
                    rejects += step.getFilterCount();
                }
            } else if (step.getStepName().startsWith("stage-") && !step.getStepName().contains(":")) {
                // A source's step, which holds the sum of its partitions (stage-<source>:<partition>).
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
        steps.sort(Comparator.comparing(Step::started, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Run(execution.getId(), job, execution.getStatus().name(), zoned(execution.getStartTime()),
                zoned(execution.getEndTime()), rows, rejects, message.length() > 120 ? message.substring(0, 117) + "..." : message,
                steps);
    }

    private static final java.time.format.DateTimeFormatter STARTED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    static String table(List<Run> runs) {
        if (runs.isEmpty()) {
            return "no runs recorded yet\n";
        }
        StringBuilder text = new StringBuilder(String.format("%6s  %-8s  %-10s  %-26s  %9s  %12s  %9s  %s%n",
                "run", "job", "status", "started", "duration", "rows", "rejects", "message"));
        for (Run r : runs) {
            Duration d = r.duration();
            text.append(String.format(java.util.Locale.ROOT, "%6d  %-8s  %-10s  %-26s  %9s  %,12d  %,9d  %s%n", r.id(), r.job(),
                    r.status(), r.started() == null ? "" : STARTED.format(r.started()),
                    d == null ? (r.status().equals("FAILED") ? "unknown" : "running") : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0),
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
            ArrayNode steps = node.putArray("steps");
            for (Step step : r.steps()) {
                ObjectNode s = steps.addObject();
                s.put("step", step.name());
                s.put("status", step.status());
                s.put("started", step.started() == null ? null : step.started().toString());
                s.put("ended", step.ended() == null ? null : step.ended().toString());
                s.put("rows", step.rows());
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n";
    }
}
