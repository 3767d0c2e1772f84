package org.mentoringanalytics.contracts;

import java.util.List;
import java.util.Objects;

/**
 * One column of a table contract.
 *
 * @param name           snake_case column name
 * @param type           logical type
 * @param nullable       whether the column may hold nulls
 * @param description    what the value means, in one sentence
 * @param acceptedValues for enumerated string columns, the only allowed values; empty otherwise
 */
public record Column(String name, ColumnType type, boolean nullable, String description,
                     List<String> acceptedValues) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        acceptedValues = List.copyOf(acceptedValues);
        if (!acceptedValues.isEmpty() && type != ColumnType.STRING) {
            throw new IllegalArgumentException("accepted values only apply to STRING columns: " + name);
        }
    }

    public static Column required(String name, ColumnType type, String description) {
        return new Column(name, type, false, description, List.of());
    }

    public static Column optional(String name, ColumnType type, String description) {
        return new Column(name, type, true, description, List.of());
    }

    public static Column requiredEnum(String name, String description, String... values) {
        return new Column(name, ColumnType.STRING, false, description, List.of(values));
    }

    public static Column optionalEnum(String name, String description, String... values) {
        return new Column(name, ColumnType.STRING, true, description, List.of(values));
    }

    public boolean isEnumerated() {
        return !acceptedValues.isEmpty();
    }
}
