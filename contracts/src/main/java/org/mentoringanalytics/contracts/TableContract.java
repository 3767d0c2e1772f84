package org.mentoringanalytics.contracts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The single definition of a warehouse table, used by the stage that writes it and by every
 * stage that reads it.
 *
 * @param name        table name, unique across layers
 * @param layer       warehouse layer
 * @param grain       one sentence: what one row is
 * @param columns     columns in storage order
 * @param primaryKey  columns whose combination is unique and non-null
 * @param partitionBy columns the table is partitioned by on disk (may be empty)
 * @param invariants  row-level rules beyond types, keys and accepted values, stated for readers
 */
public record TableContract(String name, Layer layer, String grain, List<Column> columns,
                            List<String> primaryKey, List<String> partitionBy,
                            List<String> invariants) {

    public TableContract {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(grain, "grain");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        partitionBy = List.copyOf(partitionBy);
        invariants = List.copyOf(invariants);
        Set<String> names = new LinkedHashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(name + ": duplicate column " + c.name());
            }
        }
        for (String key : primaryKey) {
            Column c = columns.stream().filter(col -> col.name().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + ": key column missing: " + key));
            if (c.nullable()) {
                throw new IllegalArgumentException(name + ": key column is nullable: " + key);
            }
        }
        if (!names.containsAll(partitionBy)) {
            throw new IllegalArgumentException(name + ": partition column missing");
        }
    }

    public static Builder builder(String name, Layer layer, String grain) {
        return new Builder(name, layer, grain);
    }

    public Optional<Column> findColumn(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Column column(String columnName) {
        return findColumn(columnName).orElseThrow(
                () -> new IllegalArgumentException(name + " has no column " + columnName));
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Fluent construction so that the catalogue in {@link Tables} reads like a schema file. */
    public static final class Builder {
        private final String name;
        private final Layer layer;
        private final String grain;
        private final List<Column> columns = new ArrayList<>();
        private List<String> primaryKey = List.of();
        private List<String> partitionBy = List.of();
        private final List<String> invariants = new ArrayList<>();

        private Builder(String name, Layer layer, String grain) {
            this.name = name;
            this.layer = layer;
            this.grain = grain;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder primaryKey(String... keys) {
            this.primaryKey = List.of(keys);
            return this;
        }

        public Builder partitionBy(String... keys) {
            this.partitionBy = List.of(keys);
            return this;
        }

        public Builder invariant(String rule) {
            invariants.add(rule);
            return this;
        }

        public TableContract build() {
            return new TableContract(name, layer, grain, columns, primaryKey, partitionBy, invariants);
        }
    }
}
