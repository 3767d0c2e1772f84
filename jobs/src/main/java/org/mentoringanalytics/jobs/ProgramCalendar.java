package org.mentoringanalytics.jobs;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** What every domain shares about programs: the ALL program, program quarters, who was employed on a day. */
public final class ProgramCalendar {

    /** Program id of the rows that take every program together. */
    public static final String ALL = "ALL";

    private ProgramCalendar() {
    }

    /** One program ALL, named All programs, starting with the earliest program. */
    public static Dataset<Row> allPrograms(Dataset<Row> programs) {
        return programs.agg(min("start_date").as("start_date"))
                .select(lit(ALL).as("program_id"), lit("All programs").as("name"), col("start_date"));
    }

    /**
     * Each row twice: once for its program and once for ALL. One pass gives the program rows and
     * the ALL rows, instead of two queries whose results are joined by a union.
     */
    public static Dataset<Row> withAll(Dataset<Row> rows) {
        return rows.withColumn("program_id", explode(array(col("program_id"), lit(ALL))));
    }

    /** The programs (program_id, name, start_date) and the program ALL of {@link #allPrograms}. */
    public static Dataset<Row> programsWithAll(Dataset<Row> programs) {
        return programs.select("program_id", "name", "start_date").unionByName(allPrograms(programs));
    }

    /** Program and calendar quarter, from the quarter the program started to the as-of quarter. */
    public static Dataset<Row> quarters(Dataset<Row> programs, LocalDate asOf) {
        return programs.select(col("program_id"), col("name").as("program_name"),
                        explode(expr("sequence(date_trunc('QUARTER', start_date), date_trunc('QUARTER', DATE'" + asOf
                                + "'), interval 3 month)")).as("quarter_start_ts"))
                .withColumn("quarter_start", to_date(col("quarter_start_ts")))
                .withColumn("quarter_end", expr("date_sub(add_months(quarter_start, 3), 1)"))
                .withColumn("quarter", concat(year(col("quarter_start")).cast("string"), lit("-Q"),
                        quarter(col("quarter_start")).cast("string")))
                .drop("quarter_start_ts");
    }

    /** Employees (rows with hire_date and termination_date) employed on {@code day}. */
    public static Column employedOn(Column day) {
        return col("hire_date").leq(day).and(col("termination_date").isNull().or(col("termination_date").gt(day)));
    }
}
