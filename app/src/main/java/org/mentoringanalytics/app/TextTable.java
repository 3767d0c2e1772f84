package org.mentoringanalytics.app;

import java.util.ArrayList;
import java.util.List;

/** Rows as an aligned text table for the terminal. */
final class TextTable {

    private TextTable() {
    }

    /** Spark rows, as the ad-hoc jobs return them. */
    static void appendRows(StringBuilder text, String[] columns, List<org.apache.spark.sql.Row> rows) {
        append(text, columns, values(rows));
    }

    /** Spark rows as plain values, nulls as null. */
    static List<Object[]> values(List<org.apache.spark.sql.Row> rows) {
        List<Object[]> values = new ArrayList<>();
        for (org.apache.spark.sql.Row row : rows) {
            Object[] line = new Object[row.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = row.isNullAt(i) ? null : row.get(i);
            }
            values.add(line);
        }
        return values;
    }

    static void append(StringBuilder text, String[] columns, List<Object[]> rows) {
        int[] widths = new int[columns.length];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].length();
        }
        for (Object[] row : rows) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                line[i] = row[i] == null ? "null" : String.valueOf(row[i]);
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        appendLine(text, columns, widths);
        String[] rule = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        appendLine(text, rule, widths);
        cells.forEach(line -> appendLine(text, line, widths));
        text.append('(').append(rows.size()).append(rows.size() == 1 ? " row)\n" : " rows)\n");
    }

    private static void appendLine(StringBuilder text, String[] values, int[] widths) {
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", values[i]));
        }
        text.append('\n');
    }
}
