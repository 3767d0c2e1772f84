package org.mentoringanalytics.jobs.participation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.stats.Interval;
import org.mentoringanalytics.jobs.stats.Proportions;
import org.mentoringanalytics.jobs.ContractRow;
import org.mentoringanalytics.jobs.SparkSchemas;
import org.mentoringanalytics.jobs.retention.OutcomeCohorts;
import org.mentoringanalytics.jobs.ProgramCalendar;

/**
 * Who takes part: rows of mart_participation_equity. Input: staging programs, enrolments, matches,
 * employees and job changes; output: one row per quarter (from the first program's start to the
 * as-of quarter), attribute, group and role. Counts are of people, not enrolments; the spreads and
 * tests are worked out on the driver from the groups' counts, which are few.
 */
public final class EquityTransforms {

    /** Group of people whose attribute is empty. */
    public static final String NOT_STATED = "not stated";

    static final List<String> DIMENSIONS = List.of("gender", "job_level", "ethnicity");
    private static final List<String> ROLES = List.of("mentee", "mentor");
    private static final int MIN_EXPECTED = 5;

    private EquityTransforms() {
    }

    /** The mart's rows, on the driver, in the contract's column order. */
    public static List<Row> equityRows(Dataset<Row> programs, Dataset<Row> enrollments, Dataset<Row> matches,
                                       Dataset<Row> employees, Dataset<Row> jobChanges, LocalDate asOf) {
        return rows(groupCounts(programs, enrollments, matches, employees, jobChanges, asOf).collectAsList());
    }

    public static Dataset<Row> equity(SparkSession spark, Dataset<Row> programs, Dataset<Row> enrollments,
                                      Dataset<Row> matches, Dataset<Row> employees, Dataset<Row> jobChanges,
                                      LocalDate asOf) {
        return spark.createDataFrame(equityRows(programs, enrollments, matches, employees, jobChanges, asOf),
                SparkSchemas.of(Tables.MART_PARTICIPATION_EQUITY));
    }

    /**
     * Per quarter, dimension and value: workforce, mentees, mentors, enrolled and matched mentees
     * (columns quarter, dimension, value, workforce, mentee, mentor, enrolled, matched).
     */
    static Dataset<Row> groupCounts(Dataset<Row> programs, Dataset<Row> enrollments, Dataset<Row> matches,
                                    Dataset<Row> employees, Dataset<Row> jobChanges, LocalDate asOf) {
        Column asOfDay = expr("DATE'" + asOf + "'");
        Dataset<Row> quarters = ProgramCalendar.quarters(ProgramCalendar.allPrograms(programs), asOf)
                .select("quarter", "quarter_start", "quarter_end");
        // Employed on at least one day of the quarter (the last day of employment is the day before termination).
        Dataset<Row> employed = employees.crossJoin(quarters)
                .where(col("hire_date").leq(col("quarter_end"))
                        .and(col("termination_date").isNull().or(col("termination_date").gt(col("quarter_start")))));
        Dataset<Row> workforce = OutcomeCohorts.attributesAt(employed, jobChanges,
                        least(col("quarter_end"), coalesce(expr("date_sub(termination_date, 1)"), col("quarter_end"))))
                .select("quarter", "employee_key", "gender", "job_level", "ethnicity");

        Dataset<Row> spans = matches.select(to_date(col("matched_at")).as("from_day"),
                coalesce(to_date(col("ended_at")), asOfDay).as("to_day"), col("mentor_key"), col("mentee_key"));
        Dataset<Row> live = spans.crossJoin(quarters)
                .where(col("from_day").leq(col("quarter_end")).and(col("to_day").geq(col("quarter_start"))));
        Dataset<Row> taking = live.select(col("quarter"), col("mentee_key").as("employee_key"), lit(1).as("mentee"),
                        lit(0).as("mentor"), lit(0).as("enrolled"), lit(0).as("matched"))
                .union(live.select(col("quarter"), col("mentor_key").as("employee_key"), lit(0).as("mentee"),
                        lit(1).as("mentor"), lit(0).as("enrolled"), lit(0).as("matched")));
        Dataset<Row> asked = ParticipationTransforms.enrolmentsWithFirstMatch(enrollments, matches)
                .where(col("role").equalTo("mentee")).crossJoin(quarters)
                .where(col("enrolled_on").leq(col("quarter_end"))
                        .and(col("enrolled_on").gt(expr("add_months(quarter_end, -12)"))))
                .select(col("quarter"), col("employee_key"), lit(0).as("mentee"), lit(0).as("mentor"), lit(1).as("enrolled"),
                        when(col("matched_on").isNotNull().and(col("matched_on").leq(asOfDay)), 1).otherwise(0).as("matched"));
        Dataset<Row> flags = taking.union(asked).groupBy("quarter", "employee_key").agg(
                max("mentee").as("mentee"), max("mentor").as("mentor"), max("enrolled").as("enrolled"),
                max("matched").as("matched"));

        Dataset<Row> people = workforce.join(flags, new String[]{"quarter", "employee_key"}, "left")
                .na().fill(0, new String[]{"mentee", "mentor", "enrolled", "matched"});
        // One row per person, quarter and dimension from a single pass over people: a union of one select per
        // dimension joined the workforce with its flags once per dimension.
        Column[] groups = DIMENSIONS.stream().map(dimension -> struct(lit(dimension).as("dimension"),
                coalesce(when(expr("trim(" + dimension + ") <> ''"), col(dimension)), lit(NOT_STATED)).as("value")))
                .toArray(Column[]::new);
        Dataset<Row> all = people.withColumn("breakdown", explode(array(groups)))
                .select(col("quarter"), col("breakdown.dimension").as("dimension"), col("breakdown.value").as("value"),
                        col("mentee"), col("mentor"), col("enrolled"), col("matched"));
        return all.groupBy("quarter", "dimension", "value").agg(
                count(lit(1)).as("workforce"), sum("mentee").cast("long").as("mentee"),
                sum("mentor").cast("long").as("mentor"), sum("enrolled").cast("long").as("enrolled"),
                sum("matched").cast("long").as("matched"));
    }

    /** Group counts to mart rows; a dimension nobody states a value for is left out. */
    static List<Row> rows(List<Row> counts) {
        Map<String, List<Row>> byDimension = new LinkedHashMap<>();
        for (Row c : counts) {
            byDimension.computeIfAbsent(c.<String>getAs("quarter") + "\u0000" + c.<String>getAs("dimension"),
                    k -> new ArrayList<>()).add(c);
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> groups : byDimension.values()) {
            if (groups.stream().allMatch(g -> NOT_STATED.equals(g.getAs("value")))) {
                continue;
            }
            groups.sort(java.util.Comparator.comparing(g -> g.<String>getAs("value")));
            for (String role : ROLES) {
                out.addAll(rows(groups, role));
            }
        }
        return out;
    }

    private static List<Row> rows(List<Row> groups, String role) {
        long workforce = groups.stream().mapToLong(g -> g.<Long>getAs("workforce")).sum();
        long participants = groups.stream().mapToLong(g -> g.<Long>getAs(role)).sum();
        Double p = independenceP(groups, role);
        List<Row> out = new ArrayList<>();
        for (Row g : groups) {
            long w = g.getAs("workforce");
            long x = g.getAs(role);
            Double workforceShare = workforce == 0 ? null : (double) w / workforce;
            Double participantShare = participants == 0 ? null : (double) x / participants;
            Interval rate = Proportions.wilson(x, w);
            boolean mentee = role.equals("mentee");
            Long enrolled = mentee ? g.<Long>getAs("enrolled") : null;
            Long matched = mentee ? g.<Long>getAs("matched") : null;
            long people = mentee ? Math.min(Math.min(w, x), enrolled) : Math.min(w, x);
            out.add(ContractRow.of(Tables.MART_PARTICIPATION_EQUITY)
                    .set("quarter", g.getAs("quarter"))
                    .set("dimension", g.getAs("dimension"))
                    .set("value", g.getAs("value"))
                    .set("role", role)
                    .set("workforce", w)
                    .set("workforce_share", workforceShare)
                    .set("participants", x)
                    .set("participant_share", participantShare)
                    .set("participation_rate", w == 0 ? null : rate.estimate())
                    .set("participation_rate_lower", w == 0 ? null : rate.lower())
                    .set("participation_rate_upper", w == 0 ? null : rate.upper())
                    .set("representation", participantShare == null || workforceShare == null || workforceShare == 0
                            ? null : participantShare / workforceShare)
                    .set("mentees_enrolled", enrolled)
                    .set("mentees_matched", matched)
                    .set("match_rate", enrolled == null || enrolled == 0 ? null : (double) matched / enrolled)
                    .set("representation_p", p)
                    .set("people", people)
                    .toRow());
        }
        return out;
    }

    /**
     * Pearson's chi-square test of independence on the groups x (took part, did not) table. Groups
     * with an expected count under 5, where the chi-square approximation is not trusted, are pooled
     * into one (Cochran's rule); the pool is left out when it is still under 5. Null when fewer than
     * two groups remain.
     */
    static Double independenceP(List<Row> groups, String role) {
        long total = 0;
        long taking = 0;
        for (Row g : groups) {
            total += g.<Long>getAs("workforce");
            taking += g.<Long>getAs(role);
        }
        if (total == 0) {
            return null;
        }
        List<long[]> table = new ArrayList<>();
        long[] pool = new long[2];
        for (Row g : groups) {
            long w = g.getAs("workforce");
            long x = g.getAs(role);
            if (large(w, taking, total)) {
                table.add(new long[]{x, w - x});
            } else {
                pool[0] += x;
                pool[1] += w - x;
            }
        }
        if (pool[0] + pool[1] > 0 && large(pool[0] + pool[1], taking, total)) {
            table.add(pool);
        }
        if (table.size() < 2) {
            return null;
        }
        return new ChiSquareTest().chiSquareTest(table.toArray(long[][]::new));
    }

    /** Whether a group of w people has expected counts of at least 5 both taking part and not. */
    private static boolean large(long w, long taking, long total) {
        return (double) w * taking / total >= MIN_EXPECTED && (double) w * (total - taking) / total >= MIN_EXPECTED;
    }
}
