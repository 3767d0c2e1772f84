package org.mentoringanalytics.jobs.retention;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;

/**
 * Retention and promotion: the plain 12-month comparison, and the outcome analysis against matched
 * comparison colleagues (cohort, hazard ratios, survival curves, numbers at risk, balance).
 */
public final class RetentionGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("programs", "employees", "enrollments", "matches", "job_changes");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_RETENTION_12M, Tables.INT_OUTCOME_COHORT, Tables.MART_RETENTION_OUTCOME,
                Tables.MART_RETENTION_SURVIVAL, Tables.MART_RETENTION_AT_RISK, Tables.MART_MATCHING_BALANCE);
    }

    @Override
    public void compute(GroupRun run) {
        Dataset<Row> programs = run.staging(Tables.STG_PROGRAMS);
        Dataset<Row> matches = run.staging(Tables.STG_MATCHES);
        Dataset<Row> employees = run.staging(Tables.STG_EMPLOYEES);
        Dataset<Row> enrollments = run.staging(Tables.STG_ENROLLMENTS);
        run.publish(RetentionTransforms.twelveMonth(programs, employees, enrollments, matches, run.asOf()),
                Tables.MART_RETENTION_12M);
        OutcomeAnalysis.Result result = OutcomeAnalysis.run(employees, run.staging(Tables.STG_JOB_CHANGES), programs,
                enrollments, matches, run.asOf());
        run.publish(result.cohort(), Tables.INT_OUTCOME_COHORT);
        run.publish(result.outcomes(), Tables.MART_RETENTION_OUTCOME);
        run.publish(result.survival(), Tables.MART_RETENTION_SURVIVAL);
        run.publish(result.atRisk(), Tables.MART_RETENTION_AT_RISK);
        run.publish(result.balance(), Tables.MART_MATCHING_BALANCE);
    }
}
