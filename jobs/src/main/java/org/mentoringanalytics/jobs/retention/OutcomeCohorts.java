package org.mentoringanalytics.jobs.retention;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Builds the outcome cohort: every participant of a role (mentees or mentors) with up to k
 * comparable non-participants, each followed from the participant's index date. Pure: staging
 * datasets in, rows of int_outcome_cohort out.
 *
 * <p>Index date: the participant's first match date. Comparison: coarsened exact matching on
 * department, job level and tenure band at the index date, among colleagues employed on the index
 * date who had not yet enrolled in or been matched by any program (their follow-up is censored
 * when they later do, so no future participant lends time to the comparison); up to k per participant,
 * chosen by a fixed pseudo-random order (a hash of both keys), with replacement across
 * participants. A comparison colleague's level and tenure are taken at the start of the
 * participant's index month. The statistics weigh each comparison row 1/k for a participant with k
 * of them (see {@link RetentionOutcome}); the same colleague may appear in several sets.
 * Participants without any comparable colleague, or who took part in the other role before the
 * index date, are left out (and counted); taking up the other role later censors a participant.
 * Follow-up ends at a voluntary exit (the event), an involuntary exit (censored) or the
 * as-of date (censored).
 */
public final class OutcomeCohorts {

    private OutcomeCohorts() {
    }

    /**
     * @param role        mentee or mentor
     * @param controlsPer largest number of comparison colleagues per participant
     */
    public static Dataset<Row> build(Dataset<Row> employees, Dataset<Row> jobChanges, Dataset<Row> programs,
                                     Dataset<Row> enrollments, Dataset<Row> matches, LocalDate asOf, String role,
                                     int controlsPer) {
        return build(employees, jobChanges, programs, enrollments, matches, asOf, List.of(role), controlsPer);
    }

    /**
     * The cohorts of several roles in one plan (each row carries its {@code role}); every step is
     * decided within a role, exactly as {@link #build(Dataset, Dataset, Dataset, Dataset, Dataset,
     * LocalDate, String, int)} decides it for one. One plan instead of one per role halves the Spark
     * queries, which is most of the time on a small warehouse.
     */
    public static Dataset<Row> build(Dataset<Row> employees, Dataset<Row> jobChanges, Dataset<Row> programs,
                                     Dataset<Row> enrollments, Dataset<Row> matches, LocalDate asOf, List<String> roles,
                                     int controlsPer) {
        String asOfLiteral = "DATE'" + asOf + "'";
        Dataset<Row> roleMatches = null;
        Dataset<Row> otherRole = null;
        for (String role : roles) {
            String keyColumn = role.equals("mentee") ? "mentee_key" : "mentor_key";
            Dataset<Row> m = matches.select(lit(role).as("role"), col(keyColumn).as("employee_key"), col("program_id"),
                    to_date(col("matched_at")).as("matched_on"));
            // Someone who already took part in the other role carries that role's effect into this one: left out.
            // Taking up the other role later ends the participant's follow-up, as joining any program ends a
            // comparison colleague's, so both groups are followed only while in their own condition.
            Dataset<Row> o = otherRoleStarts(enrollments, matches, role).withColumn("role", lit(role));
            roleMatches = roleMatches == null ? m : roleMatches.unionByName(m);
            otherRole = otherRole == null ? o : otherRole.unionByName(o);
        }

        Dataset<Row> firstMatch = roleMatches
                .withColumn("n", row_number().over(Window.partitionBy("role", "employee_key")
                        .orderBy("matched_on", "program_id")))
                .where(col("n").equalTo(1))
                .join(programs.select("program_id", "program_type"), "program_id")
                .select(col("role"), col("employee_key"), col("matched_on").as("index_date"), col("program_type"));
        Dataset<Row> participants = attributesAt(firstMatch.join(employees, "employee_key")
                .join(otherRole, new String[]{"role", "employee_key"}, "left")
                .where(employedOn(col("index_date"))
                        .and(col("other_role_start").isNull().or(col("other_role_start").gt(col("index_date"))))),
                jobChanges, col("index_date"))
                .withColumn("index_month", trunc(col("index_date"), "MM"))
                .localCheckpoint();

        // Anyone not yet taking part on the index date may serve as a comparison; joining a program later
        // ends their follow-up (censoring), so the comparison never borrows time from future participants.
        Dataset<Row> starts = participationStarts(enrollments, matches);
        Dataset<Row> nonParticipants = employees.join(starts, "employee_key", "left");
        Dataset<Row> months = participants.select("index_month").distinct();
        Dataset<Row> snapshots = attributesAt(nonParticipants.crossJoin(months).where(employedOn(col("index_month"))),
                jobChanges, col("index_month")).localCheckpoint();

        Dataset<Row> p = participants.select(col("role"), col("employee_key").as("participant_key"), col("index_date"),
                col("index_month"), col("program_type"), col("department"), col("job_level"), col("tenure_band"),
                col("other_role_start"))
                // Numbered 0, 1, 2, ... so the cut below keeps its state in arrays.
                .withColumn("participant_row", row_number().over(Window.orderBy("role", "participant_key")).minus(1).cast("long"))
                .localCheckpoint();
        int participantCount = Math.toIntExact(p.count());
        // Participants are few beside the colleagues in their cells: sent to every task, so the pairs are made where the
        // snapshots are read and cut to each participant's smallest draws there, without sorting every pair. A pair
        // carries only what the cut needs; the rest is joined back to the few pairs kept.
        Dataset<Row> pairs = broadcast(p.select("participant_row", "participant_key", "index_date", "index_month",
                        "department", "job_level", "tenure_band"))
                .join(snapshots.select(col("employee_key").as("person_key"), col("index_month"), col("department"),
                        col("job_level"), col("tenure_band"), col("hire_date").as("c_hire"),
                        col("termination_date").as("c_termination"), col("participation_start").as("c_start")),
                        new String[]{"index_month", "department", "job_level", "tenure_band"})
                .where(col("c_hire").leq(col("index_date"))
                        .and(col("c_termination").isNull().or(col("c_termination").gt(col("index_date"))))
                        .and(col("c_start").isNull().or(col("c_start").gt(col("index_date")))))
                .select(col("participant_row"), col("person_key"),
                        xxhash64(col("participant_key"), col("person_key")).as("draw"));
        Dataset<Row> candidates = pairs.mapPartitions(new SmallestDraws(controlsPer, participantCount), Encoders.row(pairs.schema()))
                .join(broadcast(p.select("participant_row", "role", "participant_key", "index_date", "program_type")),
                        "participant_row")
                .withColumn("n", row_number().over(Window.partitionBy("role", "participant_key")
                        .orderBy("draw", "person_key")))
                .where(col("n").leq(controlsPer))
                .join(starts.select(col("employee_key").as("person_key"), col("participation_start").as("censor_date")),
                        new String[]{"person_key"}, "left")
                .select(col("role"), col("person_key"), col("participant_key"), col("index_date"), col("program_type"),
                        col("censor_date"))
                // Read three times below (who was matched, the people, their promotions): computed once.
                .localCheckpoint();

        Dataset<Row> matched = candidates.select("role", "participant_key").distinct();
        Dataset<Row> participantRows = p.join(matched, new String[]{"role", "participant_key"})
                .select(col("role"), col("participant_key").as("person_key"), col("participant_key"), col("index_date"),
                        col("program_type"), col("other_role_start").as("censor_date"))
                .withColumn("group_name", lit("participant"));
        Dataset<Row> people = participantRows.unionByName(candidates.withColumn("group_name", lit("comparison")));

        Dataset<Row> withAttributes = attributesAt(people.join(employees, people.col("person_key")
                        .equalTo(employees.col("employee_key"))), jobChanges, col("index_date"));
        return followUp(withAttributes, jobChanges, asOfLiteral);
    }

    /**
     * Everyone who never took part in any program and was employed on {@code day}, with the
     * covariates at that day: the population a naive comparison uses, for the balance table.
     */
    public static Dataset<Row> nonParticipantsOn(Dataset<Row> employees, Dataset<Row> jobChanges,
                                                 Dataset<Row> enrollments, Dataset<Row> matches, LocalDate day) {
        Column on = expr("DATE'" + day + "'");
        Dataset<Row> notYet = employees.join(participationStarts(enrollments, matches), "employee_key", "left")
                .where(col("participation_start").isNull().or(col("participation_start").gt(on)))
                .drop("participation_start");
        return attributesAt(notYet.where(employedOn(on)), jobChanges, on);
    }

    /** First day each person enrolled in or was matched by any program, in any role. */
    public static Dataset<Row> participationStarts(Dataset<Row> enrollments, Dataset<Row> matches) {
        return enrollments.select(col("employee_key"), to_date(col("enrolled_at")).as("day"))
                .union(matches.select(col("mentee_key").as("employee_key"), to_date(col("matched_at")).as("day")))
                .union(matches.select(col("mentor_key").as("employee_key"), to_date(col("matched_at")).as("day")))
                .groupBy("employee_key").agg(min("day").as("participation_start"));
    }

    /** First day each person enrolled in or was matched by any program in the role other than {@code role}. */
    static Dataset<Row> otherRoleStarts(Dataset<Row> enrollments, Dataset<Row> matches, String role) {
        String other = role.equals("mentee") ? "mentor" : "mentee";
        return enrollments.where(col("role").equalTo(other))
                .select(col("employee_key"), to_date(col("enrolled_at")).as("day"))
                .union(matches.select(col(other + "_key").as("employee_key"), to_date(col("matched_at")).as("day")))
                .groupBy("employee_key").agg(min("day").as("other_role_start"));
    }

    /**
     * Participants of a role left out, for the record: {@code [no comparable colleague, took part in
     * the other role before]}.
     */
    public static long[] leftOut(long matchedParticipants, Dataset<Row> enrollments, Dataset<Row> matches,
                                 Dataset<Row> employees, String role) {
        String keyColumn = role.equals("mentee") ? "mentee_key" : "mentor_key";
        Dataset<Row> first = matches.groupBy(col(keyColumn).as("employee_key"))
                .agg(min(to_date(col("matched_at"))).as("index_date"))
                .join(employees.select("employee_key"), "employee_key")
                .join(otherRoleStarts(enrollments, matches, role), new String[]{"employee_key"}, "left");
        Row counts = first.agg(count(lit(1)), sum(when(col("other_role_start").leq(col("index_date")), 1).otherwise(0)))
                .first();
        long all = counts.getLong(0);
        long prior = counts.isNullAt(1) ? 0 : counts.getLong(1);
        return new long[]{Math.max(0, all - prior - matchedParticipants), prior};
    }

    private static Column employedOn(Column day) {
        return col("hire_date").leq(day).and(col("termination_date").isNull().or(col("termination_date").gt(day)));
    }

    /** Adds job level, tenure (years and band) and age at {@code day}; expects employee columns. */
    public static Dataset<Row> attributesAt(Dataset<Row> people, Dataset<Row> jobChanges, Column day) {
        Dataset<Row> dated = people.withColumn("at_day", day);
        // The level on a day is the from_level of the first change after it, or the current level. Each person's
        // changes travel as one list to where the people are (they are few beside a snapshot of everyone at every
        // month), so the first change after the day is picked there, without shuffling the people twice.
        Dataset<Row> changes = jobChanges.where(col("from_level").isNotNull())
                .groupBy(col("employee_key").as("changes_key"))
                .agg(collect_list(struct(col("effective_date"), col("from_level"))).as("level_changes"));
        Dataset<Row> later = dated.join(broadcast(changes), col("employee_key").equalTo(col("changes_key")), "left")
                .withColumn("next_change", expr("array_min(filter(level_changes, c -> c.effective_date > at_day))"))
                .drop("changes_key", "level_changes");
        Column tenure = expr("datediff(at_day, hire_date) / 365.25").cast("double");
        return later
                .withColumn("job_level", coalesce(col("next_change.from_level"), col("job_level")))
                .withColumn("tenure_years", tenure)
                .withColumn("tenure_band", when(tenure.lt(1), "<1y").when(tenure.lt(3), "1-3y").when(tenure.lt(5), "3-5y")
                        .when(tenure.lt(10), "5-10y").otherwise("10y+"))
                .withColumn("age", expr("year(at_day) - birth_year").cast("double"))
                .drop("next_change", "at_day");
    }

    private static Dataset<Row> followUp(Dataset<Row> people, Dataset<Row> jobChanges, String asOfLiteral) {
        Dataset<Row> promotions = jobChanges.where(col("change_type").equalTo("promotion"))
                .select(col("employee_key").as("promoted_key"), col("effective_date"));
        Dataset<Row> promoted = people.select(col("role"), col("person_key"), col("participant_key"), col("index_date"))
                .join(promotions, col("person_key").equalTo(col("promoted_key")))
                .where(col("effective_date").gt(col("index_date"))
                        .and(col("effective_date").leq(expr("add_months(index_date, 12)"))))
                .select("role", "person_key", "participant_key").distinct()
                .withColumn("was_promoted", lit(1));
        Column asOf = expr(asOfLiteral);
        // Follow-up stops at the as-of date, or earlier when a comparison colleague starts taking part.
        Column stop = when(col("censor_date").isNotNull().and(col("censor_date").lt(asOf)), col("censor_date")).otherwise(asOf);
        Column left = col("termination_date").isNotNull().and(col("termination_date").leq(stop));
        Column voluntary = left.and(col("termination_type").equalTo("voluntary"));
        Column end = when(left, col("termination_date")).otherwise(stop);
        Column windowEnd = expr("add_months(index_date, 12)");
        Column followed12 = windowEnd.leq(stop);
        Column leftWithin12 = left.and(col("termination_date").leq(windowEnd));
        return people.join(promoted, new String[]{"role", "person_key", "participant_key"}, "left")
                .withColumn("time_days", datediff(end, col("index_date")))
                .withColumn("voluntary_exit", voluntary)
                // Unknown when someone left involuntarily, or stopped being followed, within the year.
                .withColumn("retained_12m", when(leftWithin12.and(voluntary), 0)
                        .when(leftWithin12, lit(null).cast("int"))
                        .when(followed12, 1))
                .withColumn("promoted_12m", when(followed12.and(leftWithin12.unary_$bang()),
                        coalesce(col("was_promoted"), lit(0))));
    }
}
