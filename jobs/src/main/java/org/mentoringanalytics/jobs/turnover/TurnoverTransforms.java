package org.mentoringanalytics.jobs.turnover;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.mentoringanalytics.jobs.retention.OutcomeCohorts;
import org.mentoringanalytics.jobs.ProgramCalendar;

/**
 * SHRM turnover per month: separations in the month / average headcount (people employed on the
 * month's first and last day, averaged) x 100, voluntary and involuntary; the annualized rate is
 * the sum of the last 12 monthly rates. Participants are people who enrolled in or were matched
 * by a program before the month began; the groups change membership over time.
 */
public final class TurnoverTransforms {

    private TurnoverTransforms() {
    }

    /** Rows of mart_turnover_monthly for the 36 months ending with the as-of month. */
    public static Dataset<Row> monthly(Dataset<Row> employees, Dataset<Row> enrollments, Dataset<Row> matches,
                                       LocalDate asOf) {
        LocalDate last = asOf.withDayOfMonth(1);
        Dataset<Row> months = employees.sparkSession().range(1).select(explode(expr("sequence(DATE'"
                + last.minusMonths(35) + "', DATE'" + last + "', interval 1 month)")).as("month"))
                .withColumn("month_end", expr("last_day(month)"));
        Dataset<Row> starts = OutcomeCohorts.participationStarts(enrollments, matches);
        Dataset<Row> people = employees.join(starts, "employee_key", "left")
                .crossJoin(months)
                .where(col("hire_date").leq(col("month_end"))
                        .and(col("termination_date").isNull().or(col("termination_date").geq(col("month")))))
                .withColumn("group_name", when(col("participation_start").lt(col("month")), "participants")
                        .otherwise("non_participants"));
        Column atStart = ProgramCalendar.employedOn(col("month"));
        Column atEnd = ProgramCalendar.employedOn(col("month_end"));
        Column exitsInMonth = col("termination_date").geq(col("month")).and(col("termination_date").leq(col("month_end")));
        Column[] measures = {
                sum(when(atStart, 1).otherwise(0)).cast("long").as("headcount_start"),
                sum(when(atEnd, 1).otherwise(0)).cast("long").as("headcount_end"),
                sum(when(exitsInMonth.and(col("termination_type").equalTo("voluntary")), 1).otherwise(0)).cast("long")
                        .as("voluntary_exits"),
                sum(when(exitsInMonth.and(col("termination_type").equalTo("involuntary")), 1).otherwise(0)).cast("long")
                        .as("involuntary_exits")};
        Dataset<Row> byGroup = people.groupBy("month", "group_name").agg(count(lit(1)).as("rows"), measures).drop("rows");
        Dataset<Row> all = people.groupBy("month").agg(count(lit(1)).as("rows"), measures).drop("rows")
                .withColumn("group_name", lit("all"));
        Dataset<Row> rates = byGroup.unionByName(all)
                .withColumn("average_headcount", col("headcount_start").plus(col("headcount_end")).divide(2.0))
                .withColumn("voluntary_rate", rate("voluntary_exits"))
                .withColumn("involuntary_rate", rate("involuntary_exits"))
                .withColumn("total_rate", col("voluntary_rate").plus(col("involuntary_rate")));
        var trailing = Window.partitionBy("group_name").orderBy("month").rowsBetween(-11, 0);
        return rates
                .withColumn("months_in_window", count(lit(1)).over(trailing))
                .withColumn("annualized_voluntary_rate", when(col("months_in_window").equalTo(12),
                        sum("voluntary_rate").over(trailing)))
                .withColumn("annualized_total_rate", when(col("months_in_window").equalTo(12),
                        sum("total_rate").over(trailing)))
                .withColumn("people", col("headcount_start"));
    }

    private static Column rate(String exits) {
        return when(col("average_headcount").gt(0), col(exits).divide(col("average_headcount")).multiply(100));
    }
}
