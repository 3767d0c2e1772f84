package org.mentoringanalytics.reports;

import java.util.List;

/**
 * A table as the report shows it: already formatted cells, suppressed values already blanked.
 * The same object is drawn in the PDF and written as CSV, so the two always agree.
 *
 * @param name    file name stem of the CSV
 * @param title   caption in the PDF
 * @param headers column headers
 * @param rows    formatted cells, one list per row
 */
public record Table(String name, String title, List<String> headers, List<List<String>> rows) {

    public Table {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException(name + ": row has " + row.size() + " cells, expected " + headers.size());
            }
        }
    }
}
