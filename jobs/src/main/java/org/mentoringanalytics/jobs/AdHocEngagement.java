package org.mentoringanalytics.jobs;

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
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * An analyst's own cut of engagement: matches, active match-months, sessions and people for the
 * months from {@code from} to {@code to}, optionally for some programs only, broken down by any of
 * {@link #DIMENSIONS}. A match takes the department, job level, location and gender of its first
 * mentee (as in the engagement marts). Rows from fewer people than the threshold keep their
 * breakdown but no values, not even the count of people. Writes {@code <warehouse>/adhoc/<name>}; never
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
        String location = warehouse.root() + "/adhoc/" + request.name();
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
        Dataset<Row> values = rows.groupBy(keys).agg(
                countDistinct("match_id").as("matches"),
                count(lit(1)).as("match_months"),
                sum(when(col("active"), 1L).otherwise(0L)).as("active_match_months"),
                sum("sessions").as("sessions"),
                sum("minutes").as("minutes"));
        Dataset<Row> persons = rows.select(concatDims(request.by(), col("match_id")))
                .withColumnRenamed("person_key", "match_id")
                .join(matches.select(col("match_id"), col("mentor_key").as("match_mentor"), col("mentee_key").as("match_mentee")),
                        "match_id");
        List<String> dims = new ArrayList<>(request.by());
        Dataset<Row> people = persons.select(concatDims(dims, col("match_mentor"))).union(persons.select(concatDims(dims, col("match_mentee"))))
                .groupBy(keys).agg(countDistinct("person_key").as("people"));
        Dataset<Row> joined = dims.isEmpty() ? values.crossJoin(people) : values.join(people, dims.toArray(String[]::new));
        Column hidden = col("people").lt(request.threshold());
        List<Column> output = new ArrayList<>();
        dims.forEach(d -> output.add(col(d)));
        output.add(when(hidden, lit(null)).otherwise(col("people")).as("people"));
        output.add(hidden.as("suppressed"));
        for (String value : List.of("matches", "match_months", "active_match_months", "sessions", "minutes")) {
            output.add(when(hidden, lit(null)).otherwise(col(value)).as(value));
        }
        output.add(when(hidden.or(col("match_months").equalTo(0)), lit(null))
                .otherwise(col("active_match_months").divide(col("match_months"))).as("active_rate"));
        output.add(when(hidden.or(col("active_match_months").equalTo(0)), lit(null))
                .otherwise(col("sessions").divide(col("active_match_months"))).as("sessions_per_active_match_month"));
        Dataset<Row> result = joined.select(output.toArray(Column[]::new));
        return dims.isEmpty() ? result : result.orderBy(dims.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }

    private static Column[] concatDims(List<String> dims, Column person) {
        List<Column> columns = new ArrayList<>();
        dims.forEach(d -> columns.add(col(d)));
        columns.add(person.as("person_key"));
        return columns.toArray(Column[]::new);
    }
}
