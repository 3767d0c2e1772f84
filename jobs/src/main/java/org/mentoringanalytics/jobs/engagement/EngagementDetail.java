package org.mentoringanalytics.jobs.engagement;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Engagement of each match month by month, its roll-ups and the health of live matches. Pure:
 * staging datasets in, mart rows out. Months are UTC calendar months; sessions after the as-of
 * date are ignored; a match is live in every month from its match month to its end month.
 */
public final class EngagementDetail {

    private static final String[] CHANNELS = {"video", "phone", "chat", "email", "in_person"};

    private EngagementDetail() {
    }

    /** Rows of mart_match_engagement_monthly. */
    public static Dataset<Row> matchMonthly(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> sessions,
                                            Dataset<Row> employees, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> firstMentee = matches.groupBy("match_id").agg(min("mentee_key").as("mentee_key"),
                        first("program_id").as("program_id"), min(to_date(col("matched_at"))).as("from_day"),
                        max(coalesce(to_date(col("ended_at")), asOfDay)).as("to_day"),
                        countDistinct("mentee_key").as("mentees"))
                .where(col("from_day").leq(asOfDay));
        Dataset<Row> spans = firstMentee
                .join(employees.select(col("employee_key").as("mentee_key"), col("department")), "mentee_key")
                .join(programs.select("program_id", "program_type"), "program_id")
                .withColumn("to_day", least(col("to_day"), asOfDay));
        Dataset<Row> months = spans
                .withColumn("month", explode(expr("sequence(trunc(from_day, 'MM'), trunc(to_day, 'MM'), interval 1 month)")))
                .withColumn("month_end", least(expr("last_day(month)"), asOfDay));

        Dataset<Row> daily = sessions.withColumn("day", to_date(col("started_at"))).where(col("day").leq(asOfDay));
        Column[] aggregates = new Column[3 + CHANNELS.length];
        aggregates[0] = sum("duration_minutes").cast("long").as("minutes");
        aggregates[1] = sum(when(col("mode").equalTo("async"), 1).otherwise(0)).cast("long").as("async_sessions");
        aggregates[2] = max("day").as("last_in_month");
        for (int i = 0; i < CHANNELS.length; i++) {
            aggregates[3 + i] = sum(when(col("channel").equalTo(CHANNELS[i]), 1).otherwise(0)).cast("long")
                    .as(CHANNELS[i] + "_sessions");
        }
        Dataset<Row> sessionMonths = daily.groupBy(col("match_id"), trunc(col("day"), "MM").as("month"))
                .agg(count(lit(1)).as("sessions"), aggregates);

        // The last touch up to a month's end: the latest session in this or any earlier month.
        Dataset<Row> joined = months.join(sessionMonths, new String[]{"match_id", "month"}, "left")
                .withColumn("last_touch", max("last_in_month").over(Window.partitionBy("match_id").orderBy("month")
                        .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
        for (String c : new String[]{"sessions", "minutes", "async_sessions", "video_sessions", "phone_sessions",
                "chat_sessions", "email_sessions", "in_person_sessions"}) {
            joined = joined.withColumn(c, coalesce(col(c), lit(0L)));
        }
        return joined
                .withColumn("active", col("sessions").gt(0))
                .withColumn("days_since_last_touch", datediff(col("month_end"), coalesce(col("last_touch"), col("from_day"))))
                .withColumn("people", col("mentees").plus(1));
    }

    /**
     * Days between consecutive sessions of a match (ordered by day, then session), counted per
     * program, program type, department, month of the later session and gap: what the roll-ups'
     * median gaps are taken from, for every dimension at once. A session's gap is counted in its
     * month only when the match is live that month (a row of mart_match_engagement_monthly).
     *
     * <p>Gaps come from session days, not sessions: on a day with c sessions the first one's gap
     * is the days since the previous session day and the other c - 1 gaps are 0, exactly as
     * ordering the sessions themselves gives, with one window row per match and day instead of per
     * session.
     *
     * @return columns program_id, program_type, department, month, gap, n (gaps of that length, at least 1)
     */
    public static Dataset<Row> sessionGaps(Dataset<Row> matchMonthly, Dataset<Row> sessions, LocalDate asOf) {
        Dataset<Row> days = sessions.withColumn("day", to_date(col("started_at")))
                .where(col("day").leq(expr("DATE'" + asOf + "'")))
                .groupBy("match_id", "day").agg(count(lit(1)).as("sessions"));
        Dataset<Row> gaps = days
                .withColumn("since_previous_day", datediff(col("day"), lag("day", 1).over(Window.partitionBy("match_id")
                        .orderBy("day"))))
                .withColumn("gap", explode(expr("array(named_struct('days', since_previous_day, 'n', 1L), "
                        + "named_struct('days', 0, 'n', sessions - 1))")))
                .where(col("gap.days").isNotNull().and(col("gap.n").gt(0)))
                .select(col("match_id"), trunc(col("day"), "MM").as("month"), col("gap.days").as("gap"), col("gap.n").as("n"));
        return gaps.join(matchMonthly.select("match_id", "month", "program_id", "program_type", "department"),
                        new String[]{"match_id", "month"})
                .groupBy("program_id", "program_type", "department", "month", "gap")
                .agg(sum("n").as("n"));
    }

    /**
     * Rows of mart_engagement_rollup for one dimension ({@code program}, {@code program_type},
     * {@code department}) from mart_match_engagement_monthly rows and {@link #sessionGaps}.
     */
    public static Dataset<Row> rollup(Dataset<Row> matchMonthly, Dataset<Row> matches, Dataset<Row> sessionGaps,
                                      String dimension) {
        String column = dimension.equals("program") ? "program_id" : dimension;
        Dataset<Row> people = matches.select(col("match_id"), col("mentor_key").as("person_key"))
                .union(matches.select(col("match_id"), col("mentee_key").as("person_key")));
        Dataset<Row> peopleByMonth = matchMonthly.select(col("match_id"), col(column).as("value"), col("month"))
                .join(people, "match_id")
                .groupBy("value", "month").agg(countDistinct("person_key").as("people"));

        // The median of the gaps weighted by how often each occurs: the median of the gaps themselves.
        Dataset<Row> gaps = sessionGaps.groupBy(col(column).as("value"), col("month"))
                .agg(expr("percentile(gap, 0.5, n)").as("median_gap_days"));

        Dataset<Row> totals = matchMonthly.groupBy(col(column).as("value"), col("month")).agg(
                count(lit(1)).as("live_matches"),
                sum(when(col("active"), 1).otherwise(0)).cast("long").as("active_matches"),
                sum("sessions").cast("long").as("sessions"), sum("minutes").cast("long").as("minutes"),
                sum("async_sessions").as("async_sessions"), sum("video_sessions").as("video_sessions"),
                sum("phone_sessions").as("phone_sessions"), sum("chat_sessions").as("chat_sessions"),
                sum("email_sessions").as("email_sessions"), sum("in_person_sessions").as("in_person_sessions"));
        Dataset<Row> result = totals.join(peopleByMonth, new String[]{"value", "month"}, "left")
                .join(gaps, new String[]{"value", "month"}, "left")
                .withColumn("dimension", lit(dimension))
                .withColumn("active_rate", when(col("live_matches").gt(0), col("active_matches").divide(col("live_matches"))))
                .withColumn("sessions_per_active_match", when(col("active_matches").gt(0), col("sessions").divide(col("active_matches"))))
                .withColumn("async_share", share("async_sessions"));
        for (String c : CHANNELS) {
            result = result.withColumn(c + "_share", share(c + "_sessions"));
        }
        return result.withColumn("people", coalesce(col("people"), lit(0L)));
    }

    /** Rows of mart_match_health: live matches on the as-of date by days since their last touch. */
    public static Dataset<Row> health(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> sessions, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> live = matches.groupBy("match_id").agg(first("program_id").as("program_id"),
                        min(to_date(col("matched_at"))).as("matched_on"), max(coalesce(to_date(col("ended_at")),
                                expr("DATE'9999-12-31'"))).as("ended_on"))
                .where(col("matched_on").leq(asOfDay).and(col("ended_on").gt(asOfDay)));
        Dataset<Row> lastTouch = sessions.withColumn("day", to_date(col("started_at"))).where(col("day").leq(asOfDay))
                .groupBy("match_id").agg(max("day").as("last_touch"));
        Column days = datediff(asOfDay, coalesce(col("last_touch"), col("matched_on")));
        Dataset<Row> states = live.join(lastTouch, new String[]{"match_id"}, "left")
                .withColumn("health", when(days.leq(30), "on_track").when(days.leq(60), "at_risk").otherwise("dormant"));
        Dataset<Row> people = matches.select(col("match_id"), col("mentor_key").as("person_key"))
                .union(matches.select(col("match_id"), col("mentee_key").as("person_key")));
        return states.join(people, "match_id")
                .groupBy("program_id", "health")
                .agg(countDistinct("match_id").as("matches"), countDistinct("person_key").as("people"))
                .join(programs.select(col("program_id"), col("name").as("program_name")), "program_id");
    }

    private static Column share(String numerator) {
        return when(col("sessions").gt(0), col(numerator).divide(col("sessions")));
    }
}
