package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * Staging to marts: engagement (per program, per match and month, roll-ups by program, program
 * type and department, health of live matches), participation and matching per quarter, goals,
 * survey outcomes, SHRM turnover, 12-month retention of mentees against all non-participants (the
 * naive view), and the outcome analysis against matched comparison groups (survival, hazard
 * ratio, 12-month retention and promotion differences, covariate balance).
 * Reads staging tables by contract, runs the pure transforms, checks and publishes each table.
 * Runs on whatever {@link SparkSession} it is given (local or cluster).
 */
public final class MetricsJob {

    /** Comparison colleagues per participant. */
    public static final int CONTROLS_PER_PARTICIPANT = 3;

    private final MetricsJobConfig config;

    public MetricsJob(MetricsJobConfig config) {
        this.config = config;
    }

    /** Computes and publishes every table; returns the row count per table. */
    public Map<String, Long> run(SparkSession spark) {
        TableIO io = new TableIO(spark, config.warehouse());
        LocalDate asOf = config.asOf();
        Dataset<Row> programs = io.read(Tables.STG_PROGRAMS);
        Dataset<Row> matches = io.read(Tables.STG_MATCHES).cache();
        Dataset<Row> employees = io.read(Tables.STG_EMPLOYEES).cache();
        Dataset<Row> enrollments = io.read(Tables.STG_ENROLLMENTS);
        Dataset<Row> jobChanges = io.read(Tables.STG_JOB_CHANGES);
        Map<String, Long> counts = new LinkedHashMap<>();

        Dataset<Row> sessions = io.read(Tables.STG_SESSIONS);
        publish(io, EngagementTransforms.programMonthly(programs, matches, sessions, asOf),
                Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, counts);
        Dataset<Row> matchMonthly = EngagementDetail.matchMonthly(programs, matches, sessions, employees, asOf).localCheckpoint();
        publish(io, matchMonthly, Tables.MART_MATCH_ENGAGEMENT_MONTHLY, counts);
        Dataset<Row> rollups = null;
        for (String dimension : List.of("program", "program_type", "department")) {
            Dataset<Row> rollup = TableIO.conform(EngagementDetail.rollup(matchMonthly, matches, sessions, asOf, dimension),
                    Tables.MART_ENGAGEMENT_ROLLUP);
            rollups = rollups == null ? rollup : rollups.union(rollup);
        }
        publish(io, rollups, Tables.MART_ENGAGEMENT_ROLLUP, counts);
        publish(io, EngagementDetail.health(programs, matches, sessions, asOf), Tables.MART_MATCH_HEALTH, counts);
        publish(io, ProgramTransforms.participationQuarterlyWithAll(programs, enrollments, matches, employees, asOf),
                Tables.MART_PARTICIPATION_QUARTERLY, counts);
        Dataset<Row> goals = io.read(Tables.STG_GOALS);
        publish(io, ProgramTransforms.goals(programs, matches, goals, asOf), Tables.MART_GOALS, counts);
        publish(io, ProgramTransforms.goalsQuarterly(programs, matches, goals, asOf), Tables.MART_GOALS_QUARTERLY, counts);
        SurveyResults.Marts surveys = SurveyResults.compute(io.read(Tables.STG_SURVEY_RESPONSES),
                io.read(Tables.STG_SURVEY_QUESTIONS), matches);
        publish(io, spark.createDataFrame(surveys.results(), SparkSchemas.of(Tables.MART_SURVEY_RESULTS)),
                Tables.MART_SURVEY_RESULTS, counts);
        publish(io, spark.createDataFrame(surveys.distribution(), SparkSchemas.of(Tables.MART_SURVEY_DISTRIBUTION)),
                Tables.MART_SURVEY_DISTRIBUTION, counts);
        publish(io, spark.createDataFrame(surveys.change(), SparkSchemas.of(Tables.MART_SURVEY_CHANGE)),
                Tables.MART_SURVEY_CHANGE, counts);
        publish(io, spark.createDataFrame(surveys.quarterly(), SparkSchemas.of(Tables.MART_SURVEY_QUARTERLY)),
                Tables.MART_SURVEY_QUARTERLY, counts);
        publish(io, DataQualityTransforms.freshness(io.read(Tables.STG_INGEST_FILES), io::read, asOf),
                Tables.MART_SOURCE_FRESHNESS, counts);
        publish(io, DataQualityTransforms.rejects(io.read(Tables.STG_INGEST_REJECTS)), Tables.MART_INGEST_REJECTS, counts);
        publish(io, TurnoverTransforms.monthly(employees, enrollments, matches, asOf), Tables.MART_TURNOVER_MONTHLY, counts);
        publish(io, RetentionTransforms.twelveMonth(programs, employees, enrollments, matches, asOf),
                Tables.MART_RETENTION_12M, counts);

        List<Row> outcomes = new ArrayList<>();
        List<Row> survival = new ArrayList<>();
        List<Row> balance = new ArrayList<>();
        Dataset<Row> cohorts = null;
        for (String role : List.of("mentee", "mentor")) {
            Dataset<Row> cohort = OutcomeCohorts.build(employees, jobChanges, programs, enrollments, matches, asOf, role,
                    CONTROLS_PER_PARTICIPANT).cache();
            List<RetentionOutcome.Person> people = cohort.collectAsList().stream().map(RetentionOutcome.Person::of).toList();
            long unmatched = OutcomeCohorts.unmatched(cohort, matches, employees, role);
            outcomes.addAll(RetentionOutcome.outcomes(role, people, unmatched));
            survival.addAll(RetentionOutcome.survival(role, people));
            balance.addAll(RetentionOutcome.balance(role, people, population(employees, jobChanges, enrollments, matches,
                    people, role)));
            cohorts = cohorts == null ? cohort : cohorts.unionByName(cohort);
        }
        publish(io, cohorts, Tables.INT_OUTCOME_COHORT, counts);
        publish(io, spark.createDataFrame(outcomes, SparkSchemas.of(Tables.MART_RETENTION_OUTCOME)),
                Tables.MART_RETENTION_OUTCOME, counts);
        publish(io, spark.createDataFrame(survival, SparkSchemas.of(Tables.MART_RETENTION_SURVIVAL)),
                Tables.MART_RETENTION_SURVIVAL, counts);
        publish(io, spark.createDataFrame(balance, SparkSchemas.of(Tables.MART_MATCHING_BALANCE)),
                Tables.MART_MATCHING_BALANCE, counts);
        return counts;
    }

    /** The naive comparison population: non-participants employed on the participants' median index date. */
    private static List<RetentionOutcome.Person> population(Dataset<Row> employees, Dataset<Row> jobChanges,
                                                            Dataset<Row> enrollments, Dataset<Row> matches,
                                                            List<RetentionOutcome.Person> people, String role) {
        List<LocalDate> indexDates = people.stream().filter(RetentionOutcome.Person::participant)
                .map(RetentionOutcome.Person::indexDate).sorted().toList();
        if (indexDates.isEmpty()) {
            return List.of();
        }
        LocalDate median = indexDates.get(indexDates.size() / 2);
        return OutcomeCohorts.nonParticipantsOn(employees, jobChanges, enrollments, matches, median).collectAsList()
                .stream().map(r -> new RetentionOutcome.Person(role, false, r.getAs("employee_key"), "", "",
                        r.getAs("department"), r.getAs("job_level"), r.<Double>getAs("tenure_years"), r.getAs("age"),
                        r.getAs("gender"), 0, false, null, null)).toList();
    }

    private static void publish(TableIO io, Dataset<Row> data, TableContract table, Map<String, Long> counts) {
        counts.put(table.name(), io.publish(data, table));
    }
}
