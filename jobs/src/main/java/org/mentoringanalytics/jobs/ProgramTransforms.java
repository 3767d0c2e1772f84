package org.mentoringanalytics.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Participation, matching and goals per program. Pure: staging datasets in, mart rows out. */
public final class ProgramTransforms {

    /** Program id of the rows that take every program together. */
    public static final String ALL = "ALL";

    private ProgramTransforms() {
    }

    /**
     * Rows of mart_participation_quarterly: every program, plus the row ALL where a person taking
     * part in two programs counts once.
     */
    public static Dataset<Row> participationQuarterlyWithAll(Dataset<Row> programs, Dataset<Row> enrollments,
                                                             Dataset<Row> matches, Dataset<Row> employees, LocalDate asOf) {
        Dataset<Row> flagged = enrolmentsWithFirstMatch(enrollments, matches);
        return participationRows(programs, flagged, matches, employees, asOf)
                .unionByName(participationRows(allPrograms(programs), asAll(flagged), asAll(matches), employees, asOf));
    }

    /**
     * Each enrolment with {@code enrolled_on} and, for a mentee, {@code matched_on}: the first match
     * in the same program on or after the enrolment day (null when none). Decided per program
     * before any roll-up, so the ALL rows count a mentee matched exactly when a program row does.
     */
    static Dataset<Row> enrolmentsWithFirstMatch(Dataset<Row> enrollments, Dataset<Row> matches) {
        Dataset<Row> e = enrollments.withColumn("enrolled_on", to_date(col("enrolled_at")));
        Dataset<Row> m = matches.select(col("program_id").as("m_program"), col("mentee_key").as("m_mentee"),
                to_date(col("matched_at")).as("m_day"));
        Dataset<Row> first = e.where(col("role").equalTo("mentee"))
                .join(m, col("program_id").equalTo(col("m_program")).and(col("employee_key").equalTo(col("m_mentee")))
                        .and(col("m_day").geq(col("enrolled_on"))))
                .groupBy("program_id", "employee_key", "role", "enrolled_at").agg(min("m_day").as("matched_on"));
        return e.join(first, new String[]{"program_id", "employee_key", "role", "enrolled_at"}, "left");
    }

    /** Rows of mart_participation_quarterly for the given programs (see {@link #participationQuarterlyWithAll}). */
    public static Dataset<Row> participationQuarterly(Dataset<Row> programs, Dataset<Row> enrollments,
                                                      Dataset<Row> matches, Dataset<Row> employees, LocalDate asOf) {
        return participationRows(programs, enrolmentsWithFirstMatch(enrollments, matches), matches, employees, asOf);
    }

    /** One program ALL, named All programs, starting with the earliest program. */
    static Dataset<Row> allPrograms(Dataset<Row> programs) {
        return programs.agg(min("start_date").as("start_date"))
                .select(lit(ALL).as("program_id"), lit("All programs").as("name"), col("start_date"));
    }

    static Dataset<Row> asAll(Dataset<Row> rows) {
        return rows.withColumn("program_id", lit(ALL));
    }

    /** Program and calendar quarter, from the quarter the program started to the as-of quarter. */
    static Dataset<Row> quarters(Dataset<Row> programs, LocalDate asOf) {
        return programs.select(col("program_id"), col("name").as("program_name"),
                        explode(expr("sequence(date_trunc('QUARTER', start_date), date_trunc('QUARTER', DATE'" + asOf
                                + "'), interval 3 month)")).as("quarter_start_ts"))
                .withColumn("quarter_start", to_date(col("quarter_start_ts")))
                .withColumn("quarter_end", expr("date_sub(add_months(quarter_start, 3), 1)"))
                .withColumn("quarter", concat(year(col("quarter_start")).cast("string"), lit("-Q"),
                        quarter(col("quarter_start")).cast("string")))
                .drop("quarter_start_ts");
    }

    /**
     * Rows of mart_participation_quarterly for the given programs, for every quarter from the program's start to the
     * as-of quarter. Headcount counts people employed on a day (not FTE).
     */
    private static Dataset<Row> participationRows(Dataset<Row> programs, Dataset<Row> flaggedEnrolments,
                                                  Dataset<Row> matches, Dataset<Row> employees, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> quarters = quarters(programs, asOf);

        Dataset<Row> enrolled = flaggedEnrolments
                .join(quarters.select("program_id", "quarter", "quarter_start", "quarter_end"), "program_id")
                .where(col("enrolled_on").geq(col("quarter_start")).and(col("enrolled_on").leq(col("quarter_end"))))
                .withColumn("matched", col("role").equalTo("mentee").and(col("matched_on").isNotNull())
                        .and(col("matched_on").leq(asOfDay)));
        Dataset<Row> enrolment = enrolled.groupBy("program_id", "quarter").agg(
                sum(when(col("role").equalTo("mentee"), 1).otherwise(0)).cast("long").as("mentees_enrolled"),
                sum(when(col("role").equalTo("mentor"), 1).otherwise(0)).cast("long").as("mentors_enrolled"),
                sum(when(col("matched"), 1).otherwise(0)).cast("long").as("mentees_matched"),
                expr("percentile(CASE WHEN matched THEN datediff(matched_on, enrolled_on) END, 0.5)").as("median_days_to_match"),
                countDistinct("employee_key").as("enrolled_people"));

        Dataset<Row> spans = matches.select(col("program_id"), col("match_id"), to_date(col("matched_at")).as("from_day"),
                coalesce(to_date(col("ended_at")), asOfDay).as("to_day"), col("mentor_key"), col("mentee_key"));
        Dataset<Row> live = spans.join(quarters.select("program_id", "quarter", "quarter_start", "quarter_end"), "program_id")
                .where(col("from_day").leq(col("quarter_end")).and(col("to_day").geq(col("quarter_start"))));
        Dataset<Row> participants = live.select(col("program_id"), col("quarter"), col("mentor_key").as("person_key"))
                .union(live.select(col("program_id"), col("quarter"), col("mentee_key").as("person_key")))
                .groupBy("program_id", "quarter").agg(countDistinct("person_key").as("participants"));

        Dataset<Row> headcount = quarters.select("quarter", "quarter_start", "quarter_end").distinct()
                .crossJoin(employees.select("hire_date", "termination_date"))
                .groupBy("quarter").agg(
                        sum(when(employedOn(col("quarter_start")), 1).otherwise(0)).as("at_start"),
                        sum(when(employedOn(col("quarter_end")), 1).otherwise(0)).as("at_end"))
                .withColumn("average_headcount", col("at_start").plus(col("at_end")).divide(2.0));

        return quarters.join(enrolment, new String[]{"program_id", "quarter"}, "left")
                .join(participants, new String[]{"program_id", "quarter"}, "left")
                .join(headcount.select("quarter", "average_headcount"), "quarter")
                .na().fill(0L, new String[]{"mentees_enrolled", "mentors_enrolled", "mentees_matched", "participants",
                        "enrolled_people"})
                .withColumn("match_rate", when(col("mentees_enrolled").gt(0),
                        col("mentees_matched").divide(col("mentees_enrolled"))))
                .withColumn("participation_rate", when(col("average_headcount").gt(0),
                        col("participants").divide(col("average_headcount"))))
                .withColumn("people", expr("greatest(participants, enrolled_people)"));
    }

    /**
     * Rows of mart_goals: every program, plus the row ALL computed from all matches and goals (its
     * median is the median of every goal, which no combination of the programs' medians gives).
     */
    public static Dataset<Row> goals(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> goals, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> byProgram = matches.where(to_date(col("matched_at")).leq(asOfDay));
        Dataset<Row> made = byProgram.unionByName(asAll(byProgram));
        programs = programs.select("program_id", "name").unionByName(allPrograms(programs).select("program_id", "name"));
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
        Dataset<Row> perProgram = goalsByQuarter(quarters(programs, asOf), goalRows);
        Dataset<Row> all = goalsByQuarter(quarters(allPrograms(programs), asOf), asAll(goalRows));
        return perProgram.unionByName(all);
    }

    private static Dataset<Row> goalsByQuarter(Dataset<Row> quarters, Dataset<Row> goalRows) {
        Dataset<Row> upToQuarter = quarters.join(goalRows, "program_id")
                .where(col("set_on").leq(col("quarter_end")));
        Dataset<Row> people = upToQuarter.select(col("program_id"), col("quarter"), col("mentor_key").as("person_key"))
                .union(upToQuarter.select(col("program_id"), col("quarter"), col("mentee_key").as("person_key")))
                .groupBy("program_id", "quarter").agg(countDistinct("person_key").as("people"));
        Dataset<Row> counts = upToQuarter.groupBy("program_id", "quarter").agg(
                countDistinct("goal_id").as("goals_set"),
                countDistinct(when(col("completed_on").leq(col("quarter_end")), col("goal_id"))).as("goals_completed"),
                countDistinct(when(col("set_on").geq(col("quarter_start")), col("goal_id"))).as("set_in_quarter"),
                countDistinct(when(col("completed_on").between(col("quarter_start"), col("quarter_end")), col("goal_id")))
                        .as("completed_in_quarter"));
        return quarters.select("program_id", "program_name", "quarter")
                .join(counts, new String[]{"program_id", "quarter"}, "left")
                .join(people, new String[]{"program_id", "quarter"}, "left")
                .na().fill(0L, new String[]{"goals_set", "goals_completed", "set_in_quarter", "completed_in_quarter", "people"})
                .withColumn("completion_rate", when(col("goals_set").gt(0), col("goals_completed").divide(col("goals_set"))));
    }

    static Column employedOn(Column day) {
        return col("hire_date").leq(day).and(col("termination_date").isNull().or(col("termination_date").gt(day)));
    }
}
