package org.mentoringanalytics.ingest.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.mentoringanalytics.ingest.LandingSource;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * Sources whose staging tables a run builds again from their landing files alone, ignoring what
 * was published and what was ingested before (the way back from a damaged table). Job parameter
 * {@value #PARAMETER}: source names separated by commas, or {@value #ALL}.
 */
public record Rebuild(Set<String> sources) {

    public static final String PARAMETER = "rebuild";
    public static final String ALL = "all";

    public static Rebuild of(JobParameters parameters) {
        String value = parameters.getString(PARAMETER);
        return new Rebuild(value == null || value.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(value.split(","))));
    }

    public boolean includes(LandingSource source) {
        return sources.contains(ALL) || sources.contains(source.name());
    }

    public boolean all() {
        return sources.contains(ALL);
    }
}
