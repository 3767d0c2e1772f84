package org.mentoringanalytics.reports;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.ColumnType;
import org.mentoringanalytics.contracts.TableContract;

/**
 * Mart rows as typed records: each record component is the contract column of the same name in
 * snake case ({@code workforceShare} reads {@code workforce_share}, {@code retention12mControls}
 * reads {@code retention_12m_controls}). The record is checked against
 * the contract before any row is read, so a renamed column, a wrong type, or a primitive component
 * for a nullable column fails at once with the column's name, never later as a cast or a null.
 */
final class MartRecords {

    private MartRecords() {
    }

    static <R extends Record> List<R> of(List<Map<String, Object>> rows, TableContract mart, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] columns = new String[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            columns[i] = column(components[i], mart, type);
            types[i] = components[i].getType();
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
        constructor.setAccessible(true);
        List<R> result = new ArrayList<>(rows.size());
        Object[] values = new Object[components.length];
        for (Map<String, Object> row : rows) {
            for (int i = 0; i < components.length; i++) {
                Object value = row.get(columns[i]);
                // Avro may hand a timestamp over as microseconds since the epoch.
                values[i] = types[i] == java.time.Instant.class && value instanceof Long micros
                        ? java.time.Instant.ofEpochSecond(0, micros * 1000) : value;
            }
            try {
                result.add(constructor.newInstance(values));
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot build " + type.getSimpleName() + " from " + mart.name() + ": " + row, e);
            }
        }
        return result;
    }

    private static String column(RecordComponent component, TableContract mart, Class<?> type) {
        // retention12mParticipants reads retention_12m_participants: a digit run starts a word too.
        String name = component.getName().replaceAll("([a-z])([0-9])", "$1_$2").replaceAll("([A-Z])", "_$1")
                .toLowerCase(java.util.Locale.ROOT);
        Column column = mart.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "." + component.getName()
                        + ": " + mart.name() + " has no column " + name));
        Class<?> expected = javaType(column.type());
        Class<?> actual = component.getType();
        boolean primitive = actual.isPrimitive();
        if (primitive && column.nullable()) {
            throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + ": " + mart.name() + "."
                    + name + " may be null, so it needs " + expected.getSimpleName() + ", not " + actual);
        }
        if (!(primitive ? boxed(actual) : actual).equals(expected)) {
            throw new IllegalStateException(type.getSimpleName() + "." + component.getName() + ": " + mart.name() + "."
                    + name + " is " + column.type() + ", read as " + expected.getSimpleName() + ", not " + actual.getSimpleName());
        }
        return name;
    }

    private static Class<?> javaType(ColumnType type) {
        return switch (type) {
            case STRING -> String.class;
            case INT -> Integer.class;
            case LONG -> Long.class;
            case DOUBLE -> Double.class;
            case BOOLEAN -> Boolean.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> java.time.Instant.class;
        };
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == long.class ? Long.class : primitive == int.class ? Integer.class
                : primitive == double.class ? Double.class : primitive == boolean.class ? Boolean.class : primitive;
    }
}
