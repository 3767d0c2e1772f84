package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs a source's partitions on the ingest threads, the largest files first: the threads then end
 * close together instead of one reading the biggest file alone at the end.
 */
public final class LargestFirstPartitionHandler extends TaskExecutorPartitionHandler {

    private final LandingSource landingSource;

    public LargestFirstPartitionHandler(LandingSource landingSource) {
        this.landingSource = landingSource;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution source, Set<StepExecution> partitions) throws Exception {
        Path landing = IngestRunParameters.of(source.getJobParameters()).landing();
        Map<Integer, String> files = SourcePartitioner.plan(source).entries().stream()
                .filter(e -> e.status() == Plan.Status.READ && e.source().equals(landingSource.name()))
                .collect(Collectors.toMap(Plan.Entry::index, Plan.Entry::file));
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparingLong((StepExecution p) -> bytes(landing, files, p)).reversed()
                .thenComparing(StepExecution::getStepName));
        return super.doHandle(source, new LinkedHashSet<>(ordered));
    }

    private static long bytes(Path landing, Map<Integer, String> files, StepExecution partition) {
        long bytes = 0;
        for (int index : SourcePartitioner.files(partition)) {
            try {
                bytes += Files.size(landing.resolve(files.getOrDefault(index, "")));
            } catch (IOException gone) {
                // The reader reports a file that cannot be read; its size only orders the work.
            }
        }
        return bytes;
    }
}
