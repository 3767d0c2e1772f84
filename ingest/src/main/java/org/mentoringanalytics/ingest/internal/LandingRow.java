package org.mentoringanalytics.ingest.internal;

import java.util.Map;

/**
 * One data row of a landing file, by header name.
 *
 * @param fileIndex position of the file in the run's plan for its source
 * @param file      file name relative to the landing root
 * @param line      1-based line where the record starts (the header is line 1)
 * @param values    field values by header name; fields absent from the header are absent
 * @param parseError why the row as a whole is rejected (the CSV cannot be parsed from this line on,
 *                   a wrong field count, too long), or null
 * @param rowReason  the reject reason of a row rejected as a whole
 * @param rowField   the landing field a row rejected as a whole is rejected on, or "(row)"
 */
public record LandingRow(int fileIndex, String file, long line, Map<String, String> values, String parseError,
                         org.mentoringanalytics.ingest.RejectReason rowReason, String rowField) {

    public LandingRow(int fileIndex, String file, long line, Map<String, String> values, String parseError) {
        this(fileIndex, file, line, values, parseError,
                parseError == null ? null : org.mentoringanalytics.ingest.RejectReason.BAD_TYPE);
    }

    public LandingRow(int fileIndex, String file, long line, Map<String, String> values, String parseError,
                      org.mentoringanalytics.ingest.RejectReason rowReason) {
        this(fileIndex, file, line, values, parseError, rowReason, "(row)");
    }
}
