package org.mentoringanalytics.jobs;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * What a {@link TableGroup} computes with: the staging tables, each read once per run (matches
 * and employees cached, as nearly every group joins them), the as-of date, and the run's
 * publishing of tables built as Spark datasets or as rows on the driver.
 */
public final class GroupRun {

    private final TableIO io;
    private final LocalDate asOf;
    private final BiConsumer<TableContract, Dataset<Row>> datasets;
    private final BiConsumer<TableContract, List<Row>> rows;
    private final Map<TableContract, Dataset<Row>> cache = new LinkedHashMap<>();

    GroupRun(TableIO io, LocalDate asOf, BiConsumer<TableContract, Dataset<Row>> datasets,
             BiConsumer<TableContract, List<Row>> rows) {
        this.io = io;
        this.asOf = asOf;
        this.datasets = datasets;
        this.rows = rows;
    }

    public synchronized Dataset<Row> staging(TableContract table) {
        return cache.computeIfAbsent(table, t -> t == Tables.STG_MATCHES || t == Tables.STG_EMPLOYEES
                ? io.read(t).cache() : io.read(t));
    }

    /** A staging log table, or no rows when the warehouse predates it. */
    public synchronized Dataset<Row> stagingOrEmpty(TableContract table) {
        return cache.computeIfAbsent(table, io::readOrEmpty);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public void publish(Dataset<Row> data, TableContract table) {
        datasets.accept(table, data);
    }

    public void publish(List<Row> data, TableContract table) {
        rows.accept(table, data);
    }
}
