package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table as the report shows it, suppressed values already hidden. The same object is drawn in
 * the PDF and written as CSV, so the two always agree: the PDF shows each cell's text, the CSV
 * its plain numbers (an interval column becomes three columns: value, lower, upper).
 *
 * @param name       file name stem of the CSV
 * @param title      caption in the PDF
 * @param headers    column headers
 * @param rows       cells, one list per row
 * @param pdfColumns how many leading columns the PDF shows; the rest are in the CSV only
 */
public record Table(String name, String title, List<String> headers, List<List<Cell>> rows, int pdfColumns) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<Cell> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(name + ": row has " + row.size() + " cells, expected " + headers.size());
            }
        }
        if (pdfColumns < 1 || pdfColumns > headers.size()) {
            throw new IllegalArgumentException(name + ": " + pdfColumns + " columns shown of " + headers.size());
        }
    }

    /** A table whose rows mix cells and plain text (names, labels); every column is shown in the PDF. */
    Table(String name, String title, List<String> headers, List<? extends List<?>> rows) {
        this(name, title, headers, cells(rows), headers.size());
    }

    /** The same table with only its first {@code shown} columns in the PDF. */
    Table pdfShows(int shown) {
        return new Table(name, title, headers, rows, shown);
    }

    private static List<List<Cell>> cells(List<? extends List<?>> rows) {
        List<List<Cell>> result = new ArrayList<>();
        for (List<?> row : rows) {
            result.add(row.stream().map(c -> c instanceof Cell cell ? cell : Cells.text(String.valueOf(c))).toList());
        }
        return result;
    }

    /** The texts of a row as the PDF shows them, shown columns only. */
    List<String> shown(List<Cell> row) {
        return row.subList(0, pdfColumns).stream().map(Cell::text).toList();
    }

    boolean intervalColumn(int column) {
        return rows.stream().anyMatch(r -> r.get(column).hasInterval());
    }

    /** The CSV header: the column names in snake case, interval columns followed by _lower and _upper. */
    List<String> csvHeaders() {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String key = key(headers.get(i));
            result.add(key);
            if (intervalColumn(i)) {
                result.add(key + "_lower");
                result.add(key + "_upper");
            }
        }
        return result;
    }

    List<List<String>> csvRows() {
        List<List<String>> result = new ArrayList<>();
        for (List<Cell> row : rows) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                fields.addAll(row.get(i).csv(intervalColumn(i)));
            }
            result.add(fields);
        }
        return result;
    }

    /** One line per CSV column: its name, its unit and what it is, for dictionary.csv. */
    List<List<String>> dictionary(String file) {
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String key = key(headers.get(i));
            String unit = unit(i);
            result.add(List.of(file, key, unit, headers.get(i)));
            if (intervalColumn(i)) {
                result.add(List.of(file, key + "_lower", unit, "95% lower bound of " + key));
                result.add(List.of(file, key + "_upper", unit, "95% upper bound of " + key));
            }
        }
        return result;
    }

    private String unit(int column) {
        return rows.stream().map(r -> r.get(column).kind())
                .filter(k -> k != Cell.Kind.SUPPRESSED && k != Cell.Kind.MISSING)
                .findFirst().map(k -> k.unit).orElse(Cell.Kind.TEXT.unit);
    }

    /** "hazard ratio (95% CI); p adjusted" reads hazard_ratio. */
    static String key(String header) {
        String words = header.replaceAll("\\(.*?\\)", " ").replaceAll(";.*", " ").toLowerCase(Locale.ROOT);
        String key = words.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return key.isEmpty() ? "value" : key;
    }
}
