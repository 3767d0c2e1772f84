package org.mentoringanalytics.jobs;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;

/**
 * A driver-side row built by column name from a table's contract, so a value can never land in
 * the wrong column: an unknown name, a column set twice or a required column left unset fails.
 */
public final class ContractRow {

    private final TableContract table;
    private final Object[] values;
    private final boolean[] set;

    private ContractRow(TableContract table) {
        this.table = table;
        this.values = new Object[table.columns().size()];
        this.set = new boolean[values.length];
    }

    public static ContractRow of(TableContract table) {
        return new ContractRow(table);
    }

    public ContractRow set(String column, Object value) {
        int i = table.columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(table.name() + " has no column " + column);
        }
        if (set[i]) {
            throw new IllegalArgumentException(table.name() + "." + column + " is set twice");
        }
        set[i] = true;
        values[i] = value;
        return this;
    }

    /** A value set so far (null when not set). */
    public Object get(String column) {
        int i = table.columnNames().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(table.name() + " has no column " + column);
        }
        return values[i];
    }

    /** The row in the contract's column order; optional columns not set are null. */
    public Row toRow() {
        List<Column> columns = table.columns();
        for (int i = 0; i < values.length; i++) {
            if (!columns.get(i).nullable() && values[i] == null) {
                throw new IllegalStateException(table.name() + "." + columns.get(i).name() + " is required but "
                        + (set[i] ? "null" : "not set"));
            }
        }
        return RowFactory.create(values.clone());
    }
}
