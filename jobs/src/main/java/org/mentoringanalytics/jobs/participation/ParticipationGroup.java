package org.mentoringanalytics.jobs.participation;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;

/** Participation and matching per program and quarter, and who takes part against the workforce. */
public final class ParticipationGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("programs", "enrollments", "matches", "employees", "job_changes");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_PARTICIPATION_QUARTERLY, Tables.MART_PARTICIPATION_EQUITY);
    }

    @Override
    public void compute(GroupRun run) {
        Dataset<Row> programs = run.staging(Tables.STG_PROGRAMS);
        Dataset<Row> enrollments = run.staging(Tables.STG_ENROLLMENTS);
        Dataset<Row> matches = run.staging(Tables.STG_MATCHES);
        Dataset<Row> employees = run.staging(Tables.STG_EMPLOYEES);
        run.publish(ParticipationTransforms.participationQuarterlyWithAll(programs, enrollments, matches, employees, run.asOf()),
                Tables.MART_PARTICIPATION_QUARTERLY);
        run.publish(EquityTransforms.equityRows(programs, enrollments, matches, employees,
                run.staging(Tables.STG_JOB_CHANGES), run.asOf()), Tables.MART_PARTICIPATION_EQUITY);
    }
}
