package org.mentoringanalytics.jobs.participation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;
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
import static org.mentoringanalytics.jobs.ProgramCalendar.employedOn;
import static org.mentoringanalytics.jobs.ProgramCalendar.quarters;

/** Participation and matching per program and quarter. Pure: staging datasets in, mart rows out. */
public final class ParticipationTransforms {

    private ParticipationTransforms() {
    }

    /**
     * Rows of mart_participation_quarterly: every program, plus the row ALL where a person taking
     * part in two programs counts once.
     */
    public static Dataset<Row> participationQuarterlyWithAll(Dataset<Row> programs, Dataset<Row> enrollments,
                                                             Dataset<Row> matches, Dataset<Row> employees, LocalDate asOf) {
        return participationRows(programsWithAll(programs), withAll(enrolmentsWithFirstMatch(enrollments, matches)),
                withAll(matches), employees, asOf);
    }

    /**
     * Each enrolment with {@code enrolled_on} and, for a mentee, {@code matched_on}: the first match
     * in the same program on or after the enrolment day (null when none). Decided per program
     * before any roll-up, so the ALL rows count a mentee matched exactly when a program row does.
     */
    public static Dataset<Row> enrolmentsWithFirstMatch(Dataset<Row> enrollments, Dataset<Row> matches) {
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
}
