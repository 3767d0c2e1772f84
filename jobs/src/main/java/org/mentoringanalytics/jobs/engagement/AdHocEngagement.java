package org.mentoringanalytics.jobs.engagement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.ComplementarySuppression;
import org.mentoringanalytics.jobs.TableIO;

/**
 * An analyst's own cut of engagement: matches, active match-months, sessions and people for the
 * months from {@code from} to {@code to}, optionally for some programs only, broken down by any of
 * {@link #DIMENSIONS}. A match takes the department, job level, location and gender of its first
 * mentee (as in the engagement marts). Rows from fewer people than the threshold keep their
 * breakdown but no values, not even the count of people, with complementary suppression along
 * every dimension of the breakdown. Writes {@code <warehouse>/adhoc/<name>}; never
 * touches the published tables.
 */
public final class AdHocEngagement {

    public static final List<String> DIMENSIONS = List.of("program", "program_type", "department", "job_level",
            "location", "gender", "month", "quarter");

    /**
     * @param from      first month counted (its first day)
     * @param to        last month counted
     * @param programs  program ids to keep; empty for all
     * @param by        breakdown, each one of {@link #DIMENSIONS}; empty for one total row
     * @param threshold smallest number of people a shown value may come from
     */
    public record Request(LocalDate asOf, LocalDate from, LocalDate to, List<String> programs, List<String> by,
                          int threshold, String name) {
        public Request {
            for (String dimension : by) {
                if (!DIMENSIONS.contains(dimension)) {
                    throw new IllegalArgumentException("unknown breakdown '" + dimension + "': use " + String.join(", ", DIMENSIONS));
                }
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to);
            }
            if (!name.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("output name '" + name + "' may use letters, digits, '-' and '_' only");
            }
        }
    }

    private AdHocEngagement() {
    }

    /** Computes the cut from staging and writes it; returns the location written. */
    public static String run(SparkSession spark, Warehouse warehouse, Request request) {
        TableIO io = new TableIO(spark, warehouse);
        Dataset<Row> result = compute(io.read(Tables.STG_PROGRAMS), io.read(Tables.STG_MATCHES),
                SessionSources.deduplicated(io.read(Tables.STG_SESSIONS)), io.read(Tables.STG_EMPLOYEES), request);
        String location = warehouse.adhocLocation(request.name());
        result.write().mode("overwrite").parquet(location);
        return location;
    }

    public static Dataset<Row> compute(Dataset<Row> programs, Dataset<Row> matches, Dataset<Row> sessions,
                                       Dataset<Row> employees, Request request) {
        Dataset<Row> monthly = EngagementDetail.matchMonthly(programs, matches, sessions, employees, request.asOf())
                .where(col("month").between(lit(request.from().withDayOfMonth(1)), lit(request.to())));
        if (!request.programs().isEmpty()) {
            monthly = monthly.where(col("program_id").isin(request.programs().toArray()));
        }
        Dataset<Row> mentee = matches.groupBy("match_id").agg(min("mentee_key").as("mentee_key"))
                .join(employees.select(col("employee_key").as("mentee_key"), col("job_level"), col("location"),
                        col("gender")), "mentee_key")
                .drop("mentee_key");
        Dataset<Row> rows = monthly.join(mentee, "match_id")
                .withColumn("program", col("program_id"))
                .withColumn("quarter", concat(year(col("month")).cast("string"), lit("-Q"), quarter(col("month")).cast("string")))
                .withColumn("month", date_format(col("month"), "yyyy-MM"))
                .na().fill("not recorded", new String[]{"gender", "job_level", "location", "department"});
        Column[] keys = request.by().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        List<String> dims = new ArrayList<>(request.by());
        // Every coarser cut too (a cube: each subset of the breakdown, the rest at ALL), so the hidden cells
        // are chosen knowing the totals an analyst can get from a coarser cut.
        Dataset<Row> values = (keys.length == 0 ? rows.groupBy() : rows.cube(keys)).agg(
                countDistinct("match_id").as("matches"),
                count(lit(1)).as("match_months"),
                sum(when(col("active"), 1L).otherwise(0L)).as("active_match_months"),
                sum("sessions").as("sessions"),
                sum("minutes").as("minutes"));
        Dataset<Row> persons = rows.select(concatDims(request.by(), col("match_id")))
                .withColumnRenamed("person_key", "match_id")
                .join(matches.select(col("match_id"), col("mentor_key").as("match_mentor"), col("mentee_key").as("match_mentee")),
                        "match_id");
        Dataset<Row> personRows = persons.select(concatDims(dims, col("match_mentor")))
                .union(persons.select(concatDims(dims, col("match_mentee"))));
        Dataset<Row> people = (keys.length == 0 ? personRows.groupBy() : personRows.cube(keys))
                .agg(countDistinct("person_key").as("people"));
        // Dimensions never hold nulls (missing attributes read "not recorded"), so null marks a rolled-up one.
        for (String d : dims) {
            values = values.withColumn(d, org.apache.spark.sql.functions.coalesce(col(d), lit(ComplementarySuppression.TOTAL)));
            people = people.withColumn(d, org.apache.spark.sql.functions.coalesce(col(d), lit(ComplementarySuppression.TOTAL)));
        }
        Dataset<Row> joined = dims.isEmpty() ? values.crossJoin(people) : values.join(people, dims.toArray(String[]::new));
        return suppressed(joined, dims, request.threshold());
    }

    private static final List<String> VALUES = List.of("matches", "match_months", "active_match_months", "sessions",
            "minutes");

    /**
     * Cells from fewer people than the threshold keep their breakdown and nothing else. The cells
     * come with every coarser cut of the same breakdown (ALL in the rolled-up dimensions); along
     * every dimension, a line of cells (one dimension's values and its ALL, the others fixed) with
     * one hidden cell hides its smallest shown cell too, so neither subtraction within this cut
     * nor against a coarser one recovers a hidden cell. Only the finest cells are returned. The
     * cells are few (one per combination of the breakdown), so this runs on the driver.
     */
    static Dataset<Row> suppressed(Dataset<Row> joined, List<String> dims, int threshold) {
        List<Row> cells = joined.collectAsList();
        boolean[] hidden = new boolean[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            hidden[i] = cells.get(i).<Long>getAs("people") < threshold;
        }
        List<ComplementarySuppression.Margin> margins = new ArrayList<>();
        for (String d : dims) {
            margins.add(new ComplementarySuppression.Margin(d, dims.stream().filter(x -> !x.equals(d)).toList()));
        }
        ComplementarySuppression.apply(ComplementarySuppression.Cells.of(cells, (row, column) -> row.getAs(column),
                row -> row.<Long>getAs("people")), margins, hidden);
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Row c = cells.get(i);
            if (dims.stream().anyMatch(d -> ComplementarySuppression.isTotal(c.getAs(d)))) {
                continue;
            }
            List<Object> v = new ArrayList<>();
            dims.forEach(d -> v.add(c.getAs(d)));
            v.add(hidden[i] ? null : c.getAs("people"));
            v.add(hidden[i]);
            for (String value : VALUES) {
                v.add(hidden[i] ? null : ((Number) c.getAs(value)).longValue());
            }
            long monthsValue = ((Number) c.getAs("match_months")).longValue();
            long active = ((Number) c.getAs("active_match_months")).longValue();
            long sessions = ((Number) c.getAs("sessions")).longValue();
            v.add(hidden[i] || monthsValue == 0 ? null : (double) active / monthsValue);
            v.add(hidden[i] || active == 0 ? null : (double) sessions / active);
            out.add(RowFactory.create(v.toArray()));
        }
        List<StructField> fields = new ArrayList<>();
        dims.forEach(d -> fields.add(DataTypes.createStructField(d, DataTypes.StringType, false)));
        fields.add(DataTypes.createStructField("people", DataTypes.LongType, true));
        fields.add(DataTypes.createStructField("suppressed", DataTypes.BooleanType, false));
        VALUES.forEach(value -> fields.add(DataTypes.createStructField(value, DataTypes.LongType, true)));
        fields.add(DataTypes.createStructField("active_rate", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("sessions_per_active_match_month", DataTypes.DoubleType, true));
        Dataset<Row> result = joined.sparkSession().createDataFrame(out, DataTypes.createStructType(fields));
        return dims.isEmpty() ? result : result.orderBy(dims.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    private static Column[] concatDims(List<String> dims, Column person) {
        List<Column> columns = new ArrayList<>();
        dims.forEach(d -> columns.add(col(d)));
        columns.add(person.as("person_key"));
        return columns.toArray(Column[]::new);
    }
}
