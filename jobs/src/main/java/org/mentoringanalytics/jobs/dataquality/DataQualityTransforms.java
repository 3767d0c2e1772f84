package org.mentoringanalytics.jobs.dataquality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * Data quality of what ingest loaded, for the report's data-quality page: per landing source the
 * rows read, written and rejected and how recent its latest record is; per source, field and
 * reason the rejected rows. Pure: staging datasets in, mart rows out.
 */
public final class DataQualityTransforms {

    /** Each dated landing source: its staging table and the date that says how recent a record is. */
    public static final Map<String, Map.Entry<TableContract, String>> EVENT_DATES = eventDates();

    private DataQualityTransforms() {
    }

    private static Map<String, Map.Entry<TableContract, String>> eventDates() {
        Map<String, Map.Entry<TableContract, String>> dates = new LinkedHashMap<>();
        dates.put("employees", Map.entry(Tables.STG_EMPLOYEES, "greatest(hire_date, coalesce(termination_date, hire_date))"));
        dates.put("job_changes", Map.entry(Tables.STG_JOB_CHANGES, "effective_date"));
        dates.put("programs", Map.entry(Tables.STG_PROGRAMS, "start_date"));
        dates.put("enrollments", Map.entry(Tables.STG_ENROLLMENTS, "to_date(enrolled_at)"));
        dates.put("matches", Map.entry(Tables.STG_MATCHES, "to_date(matched_at)"));
        dates.put("goals", Map.entry(Tables.STG_GOALS, "to_date(created_at)"));
        dates.put("sessions", Map.entry(Tables.STG_SESSIONS, "to_date(started_at)"));
        dates.put("survey_responses", Map.entry(Tables.STG_SURVEY_RESPONSES, "to_date(submitted_at)"));
        return dates;
    }

    /**
     * Rows of mart_source_freshness.
     *
     * @param files    stg_ingest_files
     * @param changes  stg_ingest_changes: removed files and retired rows per source
     * @param staging  reads a staging table by contract
     * @param asOf     the date freshness is measured against
     */
    public static Dataset<Row> freshness(Dataset<Row> files, Dataset<Row> changes,
                                         Function<TableContract, Dataset<Row>> staging, LocalDate asOf) {
        Dataset<Row> latest = null;
        for (Map.Entry<String, Map.Entry<TableContract, String>> source : EVENT_DATES.entrySet()) {
            Dataset<Row> one = staging.apply(source.getValue().getKey())
                    .agg(max(expr(source.getValue().getValue())).as("latest_record_date"))
                    .select(lit(source.getKey()).as("source"), col("latest_record_date"));
            latest = latest == null ? one : latest.union(one);
        }
        Column loaded = col("status").equalTo("loaded");
        Dataset<Row> perSource = files.groupBy("source").agg(
                sum(when(loaded, 1L).otherwise(0L)).as("files_loaded"),
                sum(when(loaded, 0L).otherwise(1L)).as("files_rejected"),
                sum("rows_read").as("rows_read"),
                sum("rows_written").as("rows_written"),
                sum("rows_rejected").as("rows_rejected"),
                max(when(loaded, col("ingested_at"))).as("last_loaded_at"));
        Dataset<Row> changed = changes.groupBy("source").agg(
                sum(when(col("change").equalTo("file_removed"), 1L).otherwise(0L)).as("files_removed"),
                sum(when(col("change").equalTo("rows_retired"), col("rows")).otherwise(0L)).as("rows_retired"));
        return perSource.join(latest, new String[]{"source"}, "left")
                .join(changed, new String[]{"source"}, "left")
                .withColumn("files_removed", coalesce(col("files_removed"), lit(0L)))
                .withColumn("rows_retired", coalesce(col("rows_retired"), lit(0L)))
                .withColumn("days_behind", expr("datediff(DATE'" + asOf + "', latest_record_date)"));
    }

    /** Rows of mart_ingest_rejects, from stg_ingest_rejects summed over runs. */
    public static Dataset<Row> rejects(Dataset<Row> rejects) {
        return rejects.groupBy("source", "field", "reason").agg(
                sum("rows").as("rows"), countDistinct("file").as("files"))
                .withColumn("files", col("files").cast("long"));
    }
}
