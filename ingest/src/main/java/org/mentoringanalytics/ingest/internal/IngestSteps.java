package org.mentoringanalytics.ingest.internal;

import org.mentoringanalytics.ingest.LandingSource;

/** Names of the ingest job's steps, used by the job's definition and by the steps that read another's results. */
public final class IngestSteps {

    /** Lists and checks the landing files and fixes the run's plan. */
    public static final String PLAN = "plan-files";
    /** Applies the supersession rule and retires what snapshots no longer hold. */
    public static final String COMPACT = "compact-staging";
    /** Writes the data-quality log tables. */
    public static final String QUALITY = "record-quality";
    /** Swaps the new table versions in. */
    public static final String PUBLISH = "publish-staging";

    private IngestSteps() {
    }

    /** The chunk step that reads, checks and writes one source. */
    public static String stage(LandingSource source) {
        return "stage-" + source.name();
    }
}
