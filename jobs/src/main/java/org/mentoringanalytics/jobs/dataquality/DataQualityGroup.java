package org.mentoringanalytics.jobs.dataquality;

import java.util.List;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;
import org.mentoringanalytics.jobs.engagement.SessionSources;

/** Source freshness, ingest rejects and where sessions come from: about the data, not about people. */
public final class DataQualityGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("*");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_SOURCE_FRESHNESS, Tables.MART_INGEST_REJECTS, Tables.MART_SESSION_SOURCES);
    }

    @Override
    public void compute(GroupRun run) {
        run.publish(DataQualityTransforms.freshness(run.staging(Tables.STG_INGEST_FILES),
                        run.stagingOrEmpty(Tables.STG_INGEST_CHANGES), run::staging, run.asOf()),
                Tables.MART_SOURCE_FRESHNESS);
        run.publish(DataQualityTransforms.rejects(run.staging(Tables.STG_INGEST_REJECTS)), Tables.MART_INGEST_REJECTS);
        run.publish(SessionSources.summary(run.staging(Tables.STG_SESSIONS)), Tables.MART_SESSION_SOURCES);
    }
}
