package org.mentoringanalytics.jobs.goals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;

/** Goals per program as of the as-of date, and per quarter. */
public final class GoalsGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("programs", "matches", "goals");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_GOALS, Tables.MART_GOALS_QUARTERLY);
    }

    @Override
    public void compute(GroupRun run) {
        Dataset<Row> programs = run.staging(Tables.STG_PROGRAMS);
        Dataset<Row> matches = run.staging(Tables.STG_MATCHES);
        Dataset<Row> goals = run.staging(Tables.STG_GOALS);
        run.publish(GoalsTransforms.goals(programs, matches, goals, run.asOf()), Tables.MART_GOALS);
        run.publish(GoalsTransforms.goalsQuarterly(programs, matches, goals, run.asOf()), Tables.MART_GOALS_QUARTERLY);
    }
}
