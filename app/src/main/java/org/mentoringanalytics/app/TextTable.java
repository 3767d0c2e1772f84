package org.mentoringanalytics.app;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Rows as an aligned text table for the terminal. */
final class TextTable {

    private TextTable() {
    }

    static void append(StringBuilder text, String[] columns, List<Row> rows) {
        int[] widths = new int[columns.length];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            widths[i] = columns[i].length();
        }
        for (Row row : rows) {
            String[] line = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                line[i] = row.isNullAt(i) ? "null" : String.valueOf(row.get(i));
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
