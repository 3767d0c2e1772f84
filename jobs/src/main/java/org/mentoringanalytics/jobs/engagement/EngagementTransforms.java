package org.mentoringanalytics.jobs.engagement;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Engagement per program and calendar month. Pure: staging datasets in, mart rows out.
 *
 * <p>A match is live in a month when it was matched on or before the month's end and not ended
 * before the month's start; it is active when it has at least one session in that month. Months
 * are UTC calendar months, from the program's first match to the as-of month; sessions after the
 * as-of date are ignored.
 */
public final class EngagementTransforms {

    private EngagementTransforms() {
    }

    /**
     * @param programs stg_programs
     * @param matches  stg_matches (one row per match and mentee)
     * @param sessions stg_sessions
     * @param asOf     last day counted
     * @return rows of mart_program_engagement_monthly
     */
    public static Dataset<Row> programMonthly(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> sessions,
                                              LocalDate asOf) {
        String asOfLiteral = "DATE'" + asOf + "'";
        Dataset<Row> matchSpans = matches
                .groupBy("match_id")
                .agg(first("program_id").as("program_id"),
                        min(to_date(col("matched_at"))).as("from_day"),
                        max(coalesce(to_date(col("ended_at")), expr(asOfLiteral))).as("to_day"))
                .where(col("from_day").leq(expr(asOfLiteral)))
                .withColumn("to_day", expr("least(to_day, " + asOfLiteral + ")"));
        Dataset<Row> liveMonths = matchSpans
                .withColumn("month", explode(expr("sequence(trunc(from_day, 'MM'), trunc(to_day, 'MM'), interval 1 month)")))
                .select("match_id", "program_id", "month")
                .localCheckpoint();

        Dataset<Row> sessionMonths = sessions
                .withColumn("day", to_date(col("started_at")))
                .where(col("day").leq(expr(asOfLiteral)))
                .groupBy(col("match_id"), trunc(col("day"), "MM").as("month"))
                .agg(count(lit(1)).as("sessions"), sum("duration_minutes").as("minutes"));

        Dataset<Row> matchMonths = liveMonths.join(sessionMonths, new String[]{"match_id", "month"}, "left")
                .na().fill(0L, new String[]{"sessions", "minutes"});

        Dataset<Row> people = matches.select(col("match_id"), col("mentor_key").as("person_key"))
                .union(matches.select(col("match_id"), col("mentee_key").as("person_key")));
        Dataset<Row> peopleByMonth = liveMonths.join(people, "match_id")
                .groupBy("program_id", "month")
                .agg(countDistinct("person_key").as("people"));

        Dataset<Row> byMonth = matchMonths.groupBy("program_id", "month")
                .agg(count(lit(1)).as("live_matches"),
                        sum(when(col("sessions").gt(0), 1).otherwise(0)).cast("long").as("active_matches"),
                        sum("sessions").cast("long").as("sessions"),
                        sum("minutes").cast("long").as("minutes"));

        // A full month grid per program, so a month without live matches shows as zero, not as missing.
        Dataset<Row> grid = liveMonths.groupBy("program_id").agg(min("month").as("first_month"))
                .withColumn("month", explode(expr("sequence(first_month, trunc(" + asOfLiteral + ", 'MM'), interval 1 month)")))
                .select("program_id", "month");

        return grid.join(byMonth, new String[]{"program_id", "month"}, "left")
                .join(peopleByMonth, new String[]{"program_id", "month"}, "left")
                .na().fill(0L, new String[]{"live_matches", "active_matches", "sessions", "minutes", "people"})
                .join(programs.select(col("program_id"), col("name").as("program_name")), "program_id")
                .withColumn("sessions_per_active_match",
                        when(col("active_matches").gt(0), col("sessions").divide(col("active_matches"))))
                .orderBy("program_id", "month");
    }
}
