package org.mentoringanalytics.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Reads and publishes warehouse tables through their contracts: reads use the contract's schema,
 * writes select the contract's columns in order, check the contract (non-null columns, primary
 * key, accepted values) and only then replace the published table.
 */
public final class TableIO {

    private final SparkSession spark;
    private final Warehouse warehouse;

    public TableIO(SparkSession spark, Warehouse warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    public Dataset<Row> read(TableContract table) {
        return spark.read().schema(SparkSchemas.of(table)).parquet(resolved(warehouse.location(table)));
    }

    /** The table at a given folder (for example inside a pinned generation), by its contract's schema. */
    public Dataset<Row> read(TableContract table, String location) {
        return spark.read().schema(SparkSchemas.of(table)).parquet(location);
    }

    /**
     * A local table's real folder: the layer link resolved once, so every file of one read comes from
     * the same generation even when a metrics run switches the layer meanwhile.
     */
    static String resolved(String location) {
        if (location.contains("://")) {
            return location;
        }
        java.nio.file.Path path = java.nio.file.Path.of(location.startsWith("file:") ? location.substring(5) : location);
        try {
            return java.nio.file.Files.exists(path) ? path.toRealPath().toString() : location;
        } catch (IOException e) {
            return location;
        }
    }

    /**
     * Results up to this many rows are collected, checked and written on the driver
     * ({@link DriverParquet}); larger ones are checked and written by Spark. Every table of the
     * sample is this small, and there a Spark check and write job costs more than collecting them.
     */
    static final int DRIVER_ROWS = 100_000;

    /**
     * What a write produced.
     *
     * @param rows         rows written
     * @param rowsOnDriver the rows themselves when they were written from the driver, else null
     */
    public record Written(long rows, List<Row> rowsOnDriver) {
    }

    /** Checks {@code data} against the contract and publishes it in place of the current table; returns its rows. */
    public long publish(Dataset<Row> data, TableContract table) {
        String target = warehouse.location(table);
        String staging = target + ".tmp-" + UUID.randomUUID();
        long rows = write(data, table, staging).rows();
        replace(staging, target);
        return rows;
    }

    /**
     * Checks {@code data} against the contract and writes it to a new folder. A result of at most
     * {@link #DRIVER_ROWS} rows is collected once and checked and written on the driver; a larger
     * one is cached, checked in one aggregation pass and written by Spark.
     */
    Written write(Dataset<Row> data, TableContract table, String location) {
        Dataset<Row> shaped = conform(data, table);
        // Cached first: when the result turns out large, the check and the write reuse what the look computed.
        shaped.persist();
        try {
            List<Row> head = shaped.limit(DRIVER_ROWS + 1).collectAsList();
            if (head.size() <= DRIVER_ROWS) {
                return write(head, table, location);
            }
            long rows = check(shaped, table);
            shaped.write().mode(SaveMode.ErrorIfExists).parquet(location);
            Path folder = new Path(location);
            TableFiles.writeManifest(fileSystem(folder), folder, table);
            return new Written(rows, null);
        } finally {
            shaped.unpersist();
        }
    }

    /**
     * Rows already on the driver (built by contract, in its column order): checked and written here,
     * without a Spark job.
     */
    Written write(List<Row> rows, TableContract table, String location) {
        check(rows, table);
        Path folder = new Path(location);
        FileSystem fs = fileSystem(folder);
        DriverParquet.write(rows, table, fs, folder);
        TableFiles.writeManifest(fs, folder, table);
        return new Written(rows.size(), rows);
    }

    /** The rules of {@link #check(Dataset, TableContract)} on rows held on the driver, with the same messages. */
    static void check(List<Row> rows, TableContract table) {
        List<String> broken = new ArrayList<>();
        List<Column> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            long nulls = 0;
            long outside = 0;
            for (Row row : rows) {
                Object v = row.get(c);
                if (v == null) {
                    nulls++;
                } else if (column.isEnumerated() && !column.acceptedValues().contains(v)) {
                    outside++;
                }
            }
            if (!column.nullable() && nulls > 0) {
                broken.add(nulls + " rows where " + column.name() + " is null");
            }
            if (outside > 0) {
                broken.add(outside + " rows where " + column.name() + " not in " + column.acceptedValues());
            }
        }
        if (!table.primaryKey().isEmpty()) {
            int[] key = table.primaryKey().stream().mapToInt(k -> table.columnNames().indexOf(k)).toArray();
            java.util.Set<List<Object>> seen = new java.util.HashSet<>();
            for (Row row : rows) {
                List<Object> values = new ArrayList<>(key.length);
                boolean anyNull = false;
                for (int k : key) {
                    values.add(row.get(k));
                    anyNull |= row.get(k) == null;
                }
                // countDistinct leaves out keys with a null, so they count as duplicates there too.
                if (!anyNull) {
                    seen.add(values);
                }
            }
            if (seen.size() != rows.size()) {
                broken.add((rows.size() - seen.size()) + " duplicate " + table.primaryKey() + " keys");
            }
        }
        if (!broken.isEmpty()) {
            throw new ContractViolation(table.name() + " breaks its contract: " + String.join("; ", broken));
        }
    }

    /**
     * Stops with {@link DamagedTable} when the published table's files differ from its manifest.
     *
     * @param remedy what the operator should do, appended to the message
     */
    public void verify(TableContract table, String remedy) {
        String location = resolved(warehouse.location(table));
        Path folder = new Path(location);
        List<String> problems = TableFiles.problems(fileSystem(folder), folder);
        if (!problems.isEmpty()) {
            throw new DamagedTable(table, warehouse.location(table), problems, remedy);
        }
    }

    /**
     * The table, or no rows when the warehouse has never had it (a log table newer than the
     * warehouse's last ingest).
     */
    public Dataset<Row> readOrEmpty(TableContract table) {
        Path folder = new Path(resolved(warehouse.location(table)));
        try {
            if (!fileSystem(folder).exists(folder)) {
                return spark.createDataFrame(List.<Row>of(), SparkSchemas.of(table));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(table);
    }

    /** Whether the published table's files match its manifest (true when it has none). */
    boolean intact(TableContract table) {
        Path folder = new Path(resolved(warehouse.location(table)));
        return TableFiles.problems(fileSystem(folder), folder).isEmpty();
    }

    private FileSystem fileSystem(Path path) {
        try {
            return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SparkSession spark() {
        return spark;
    }

    public static Dataset<Row> conform(Dataset<Row> data, TableContract table) {
        List<org.apache.spark.sql.Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(col(c.name()).cast(SparkSchemas.typeOf(c)).as(c.name()));
        }
        return data.select(columns.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** One aggregation pass counting every kind of violation; throws naming each broken rule; returns the row count. */
    static long check(Dataset<Row> data, TableContract table) {
        List<org.apache.spark.sql.Column> aggregates = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        aggregates.add(count(lit(1)));
        rules.add("rows");
        for (Column c : table.columns()) {
            if (!c.nullable()) {
                aggregates.add(sum(when(col(c.name()).isNull(), 1).otherwise(0)));
                rules.add(c.name() + " is null");
            }
            if (c.isEnumerated()) {
                aggregates.add(sum(when(col(c.name()).isNotNull().and(col(c.name()).isin(c.acceptedValues().toArray()).unary_$bang()), 1).otherwise(0)));
                rules.add(c.name() + " not in " + c.acceptedValues());
            }
        }
        org.apache.spark.sql.Column[] key = table.primaryKey().stream().map(k -> col(k)).toArray(org.apache.spark.sql.Column[]::new);
        if (key.length > 0) {
            aggregates.add(countDistinct(key[0], java.util.Arrays.copyOfRange(key, 1, key.length)));
            rules.add("distinct keys");
        }
        Row result = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(org.apache.spark.sql.Column[]::new)).first();
        long rows = result.getLong(0);
        List<String> broken = new ArrayList<>();
        for (int i = 1; i < rules.size(); i++) {
            long value = result.isNullAt(i) ? 0 : ((Number) result.get(i)).longValue();
            if (rules.get(i).equals("distinct keys")) {
                if (value != rows) {
                    broken.add((rows - value) + " duplicate " + table.primaryKey() + " keys");
                }
            } else if (value > 0) {
                broken.add(value + " rows where " + rules.get(i));
            }
        }
        if (!broken.isEmpty()) {
            throw new ContractViolation(table.name() + " breaks its contract: " + String.join("; ", broken));
        }
        return rows;
    }

    private void replace(String staging, String target) {
        try {
            Path to = new Path(target);
            FileSystem fs = to.getFileSystem(spark.sparkContext().hadoopConfiguration());
            Path previous = new Path(target + ".previous");
            fs.delete(previous, true);
            if (fs.exists(to)) {
                fs.rename(to, previous);
            }
            if (!fs.rename(new Path(staging), to)) {
                throw new IOException("cannot move " + staging + " to " + target);
            }
            fs.delete(previous, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
