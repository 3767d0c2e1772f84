package org.mentoringanalytics.jobs.goals;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import static org.mentoringanalytics.jobs.ProgramCalendar.programsWithAll;
import static org.mentoringanalytics.jobs.ProgramCalendar.withAll;
import static org.mentoringanalytics.jobs.ProgramCalendar.quarters;

/** Goals per match and per program and quarter. Pure: staging datasets in, mart rows out. */
public final class GoalsTransforms {

    private GoalsTransforms() {
    }

    /**
     * Rows of mart_goals: every program, plus the row ALL computed from all matches and goals (its
     * median is the median of every goal, which no combination of the programs' medians gives).
     */
    public static Dataset<Row> goals(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> goals, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> byProgram = matches.where(to_date(col("matched_at")).leq(asOfDay));
        Dataset<Row> made = withAll(byProgram);
        programs = programsWithAll(programs);
        Dataset<Row> matchCounts = made.groupBy("program_id").agg(countDistinct("match_id").as("matches"));
        Dataset<Row> people = made.select(col("program_id"), col("mentor_key").as("person_key"))
                .union(made.select(col("program_id"), col("mentee_key").as("person_key")))
                .groupBy("program_id").agg(countDistinct("person_key").as("people"));
        Dataset<Row> goalRows = goals.where(to_date(col("created_at")).leq(asOfDay))
                .join(made.select("match_id", "program_id").distinct(), "match_id")
                .withColumn("done", col("status").equalTo("completed").and(col("completed_at").isNotNull())
                        .and(to_date(col("completed_at")).leq(asOfDay)));
        Dataset<Row> goalStats = goalRows.groupBy("program_id").agg(
                countDistinct("match_id").as("matches_with_goal"),
                count(lit(1)).as("goals"),
                sum(when(col("done"), 1).otherwise(0)).cast("long").as("completed"),
                expr("percentile(CASE WHEN done THEN datediff(to_date(completed_at), to_date(created_at)) END, 0.5)")
                        .as("median_days_to_complete"),
                sum(when(col("status").equalTo("open").and(col("target_date").lt(asOfDay)), 1).otherwise(0)).cast("long")
                        .as("overdue"));
        return programs.select(col("program_id"), col("name").as("program_name"))
                .join(matchCounts, "program_id")
                .join(goalStats, new String[]{"program_id"}, "left")
                .join(people, "program_id")
                .na().fill(0L, new String[]{"matches_with_goal", "goals", "completed", "overdue"})
                .withColumn("goal_share", when(col("matches").gt(0), col("matches_with_goal").divide(col("matches"))))
                .withColumn("completion_rate", when(col("goals").gt(0), col("completed").divide(col("goals"))));
    }

    /**
     * Rows of mart_goals_quarterly: per program and for ALL, per quarter up to the as-of quarter,
     * goals set and completed by the quarter's end (cumulative) and during it. A goal counts as
     * completed on its completion date; goals and completions after the as-of date are ignored.
     */
    public static Dataset<Row> goalsQuarterly(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> goals,
                                              LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> goalRows = goals.where(to_date(col("created_at")).leq(asOfDay))
                .join(matches.select("match_id", "program_id", "mentor_key", "mentee_key"), "match_id")
                .select(col("program_id"), col("goal_id"), col("mentor_key"), col("mentee_key"),
                        to_date(col("created_at")).as("set_on"),
                        when(col("status").equalTo("completed").and(to_date(col("completed_at")).leq(asOfDay)),
                                to_date(col("completed_at"))).as("completed_on"));
        return goalsByQuarter(quarters(programsWithAll(programs), asOf), withAll(goalRows));
    }

    private static Dataset<Row> goalsByQuarter(Dataset<Row> quarters, Dataset<Row> goalRows) {
        Dataset<Row> bounds = quarters.select("program_id", "quarter", "quarter_start", "quarter_end");
        Dataset<Row> people = bounds.join(goalRows, "program_id")
                .where(col("set_on").leq(col("quarter_end")))
                .select(col("program_id"), col("quarter"), explode(array(col("mentor_key"), col("mentee_key"))).as("person_key"))
                .groupBy("program_id", "quarter").agg(countDistinct("person_key").as("people"));
        // One row per program and goal (goal_id is stg_goals's key; a group match repeats its goals once per
        // mentee), so counting rows counts distinct goals without a distinct count for each figure.
        Dataset<Row> goalsOnce = goalRows.select("program_id", "goal_id", "set_on", "completed_on").distinct();
        Dataset<Row> counts = bounds.join(goalsOnce, "program_id")
                .where(col("set_on").leq(col("quarter_end")))
                .groupBy("program_id", "quarter").agg(
                        count(lit(1)).as("goals_set"),
                        countWhere(col("completed_on").leq(col("quarter_end"))).as("goals_completed"),
                        countWhere(col("set_on").geq(col("quarter_start"))).as("set_in_quarter"),
                        countWhere(col("completed_on").between(col("quarter_start"), col("quarter_end")))
                                .as("completed_in_quarter"));
        return quarters.select("program_id", "program_name", "quarter")
                .join(counts, new String[]{"program_id", "quarter"}, "left")
                .join(people, new String[]{"program_id", "quarter"}, "left")
                .na().fill(0L, new String[]{"goals_set", "goals_completed", "set_in_quarter", "completed_in_quarter", "people"})
                .withColumn("completion_rate", when(col("goals_set").gt(0), col("goals_completed").divide(col("goals_set"))));
    }

    /** Rows where {@code condition} holds (not where it is false or unknown). */
    private static Column countWhere(Column condition) {
        return sum(when(condition, 1).otherwise(0)).cast("long");
    }
}
