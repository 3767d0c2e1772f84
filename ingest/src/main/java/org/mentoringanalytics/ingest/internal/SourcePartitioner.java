package org.mentoringanalytics.ingest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a source's step into partitions by landing file, so files are read on several threads:
 * one partition per file the plan reads ({@code file-<index>}). A source keyed by a person reads
 * all its files in one partition ({@code files}): its case-variant warning compares each key with
 * those read before it, across files. Partitions follow from the plan alone, so a restart finds
 * the same ones; each keeps its own read position, part sequence and per-file counts.
 */
public final class SourcePartitioner implements Partitioner {

    /** Execution-context key of a partition's files: their indexes among the source's files to read. */
    public static final String FILES = "partition.files";

    private final LandingSource source;

    public SourcePartitioner(LandingSource source) {
        this.source = source;
    }

    /** The partitions of the source for a plan, by name, each with the indexes of its files. */
    public static Map<String, List<Integer>> partitions(LandingSource source, Plan plan) {
        List<Plan.Entry> files = plan.toRead(source.name());
        Map<String, List<Integer>> partitions = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return partitions;
        }
        if (source.isPerson(source.table().primaryKey().get(0))) {
            partitions.put("files", files.stream().map(Plan.Entry::index).toList());
            return partitions;
        }
        for (Plan.Entry file : files) {
            partitions.put("file-" + file.index(), List.of(file.index()));
        }
        return partitions;
    }

    /** Reads the plan of the running job: the partitioner is called within the source step. */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution step = StepSynchronizationManager.getContext().getStepExecution();
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        partitions(source, plan(step)).forEach((name, files) -> {
            ExecutionContext context = new ExecutionContext();
            context.putString(FILES, String.join(",", files.stream().map(String::valueOf).toList()));
            contexts.put(name, context);
        });
        return contexts;
    }

    static Plan plan(StepExecution step) {
        return Plan.parse(step.getJobExecution().getExecutionContext().getString(PlanTasklet.PLAN));
    }

    /** The files of the partition a worker step execution runs, as indexes among the source's files to read. */
    static List<Integer> files(StepExecution worker) {
        String files = worker.getExecutionContext().getString(FILES, "");
        List<Integer> indexes = new ArrayList<>();
        Arrays.stream(files.split(",")).filter(f -> !f.isEmpty()).forEach(f -> indexes.add(Integer.parseInt(f)));
        return indexes;
    }
}
