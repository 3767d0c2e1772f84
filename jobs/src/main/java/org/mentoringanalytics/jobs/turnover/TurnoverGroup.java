package org.mentoringanalytics.jobs.turnover;

import java.util.List;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;

/** SHRM monthly turnover of everyone, participants and non-participants. */
public final class TurnoverGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("employees", "enrollments", "matches");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_TURNOVER_MONTHLY);
    }

    @Override
    public void compute(GroupRun run) {
        run.publish(TurnoverTransforms.monthly(run.staging(Tables.STG_EMPLOYEES), run.staging(Tables.STG_ENROLLMENTS),
                run.staging(Tables.STG_MATCHES), run.asOf()), Tables.MART_TURNOVER_MONTHLY);
    }
}
