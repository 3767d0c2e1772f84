package org.mentoringanalytics.jobs.retention;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Twelve-month voluntary retention of mentees against non-participants, as plain proportions.
 *
 * <p>A mentee's index date is the first match date in the scope (a program, or ALL programs). A
 * mentee counts when employed on the index date and the index date is at least 12 months before
 * the as-of date. Retained means no voluntary exit within 12 months after the index date. People
 * who left involuntarily within the window are left out (their voluntary outcome is unknown).
 * The comparison group is everyone who never enrolled or matched in any program, employed on the
 * scope's median mentee index date, followed the same way from that date.
 */
public final class RetentionTransforms {

    public static final String ALL = "ALL";

    private RetentionTransforms() {
    }

    /**
     * @return rows of mart_retention_12m
     */
    public static Dataset<Row> twelveMonth(Dataset<Row> programs, Dataset<Row> employees, Dataset<Row> enrollments,
                                           Dataset<Row> matches, LocalDate asOf) {
        String lastIndex = "DATE'" + asOf.minusMonths(12) + "'";
        Dataset<Row> menteeMatches = matches.select(col("program_id"), col("mentee_key").as("employee_key"),
                to_date(col("matched_at")).as("matched_on"));
        Dataset<Row> indexByProgram = menteeMatches.groupBy(col("program_id").as("scope"), col("employee_key"))
                .agg(min("matched_on").as("index_date"));
        Dataset<Row> indexAll = menteeMatches.groupBy(col("employee_key"))
                .agg(min("matched_on").as("index_date"))
                .select(lit(ALL).as("scope"), col("employee_key"), col("index_date"));
        Dataset<Row> menteeIndex = indexByProgram.select("scope", "employee_key", "index_date").union(indexAll)
                .where(col("index_date").leq(expr(lastIndex)));

        Dataset<Row> menteeOutcomes = followed(menteeIndex.join(employees, "employee_key"));
        Dataset<Row> menteeStats = menteeOutcomes.groupBy("scope")
                .agg(count(lit(1)).as("people"), sum("retained").cast("long").as("retained"),
                        expr("cast(floor(percentile(unix_date(index_date), 0.5)) as int)").as("median_day"))
                .withColumn("index_date", expr("date_from_unix_date(median_day)"))
                .localCheckpoint();

        Dataset<Row> participants = enrollments.select("employee_key")
                .union(matches.select(col("mentee_key").as("employee_key")))
                .union(matches.select(col("mentor_key").as("employee_key")))
                .distinct();
        Dataset<Row> nonParticipants = employees.join(participants, employees.col("employee_key")
                .equalTo(participants.col("employee_key")), "left_anti");
        Dataset<Row> comparisonOutcomes = followed(menteeStats.select("scope", "index_date").crossJoin(nonParticipants));
        Dataset<Row> comparisonStats = comparisonOutcomes.groupBy("scope")
                .agg(count(lit(1)).as("people"), sum("retained").cast("long").as("retained"));

        Dataset<Row> names = programs.select(col("program_id").as("scope"), col("name").as("scope_name"))
                .union(programs.sparkSession().sql("select '" + ALL + "' as scope, 'All programs' as scope_name"));

        Dataset<Row> mentees = menteeStats.select(col("scope"), lit("mentee").as("group_name"), col("people"),
                col("retained"), col("index_date"));
        Dataset<Row> comparison = menteeStats.select("scope", "index_date")
                .join(comparisonStats, new String[]{"scope"}, "left")
                .na().fill(0L, new String[]{"people", "retained"})
                .select(col("scope"), lit("comparison").as("group_name"), col("people"), col("retained"), col("index_date"));
        return mentees.union(comparison)
                .join(names, "scope")
                .withColumn("retention_rate", when(col("people").gt(0), col("retained").divide(col("people"))))
                .orderBy("scope", "group_name");
    }

    /**
     * Keeps people employed on their index date and not involuntarily gone within 12 months, and
     * marks retained = 1 unless they left voluntarily within 12 months.
     */
    static Dataset<Row> followed(Dataset<Row> withIndex) {
        return withIndex
                .where(col("hire_date").leq(col("index_date"))
                        .and(col("termination_date").isNull().or(col("termination_date").gt(col("index_date")))))
                .withColumn("window_end", expr("add_months(index_date, 12)"))
                .withColumn("left_in_window", col("termination_date").isNotNull()
                        .and(col("termination_date").leq(col("window_end"))))
                .where(col("left_in_window").and(col("termination_type").equalTo("involuntary")).unary_$bang())
                .withColumn("retained", when(col("left_in_window"), 0).otherwise(1));
    }
}
