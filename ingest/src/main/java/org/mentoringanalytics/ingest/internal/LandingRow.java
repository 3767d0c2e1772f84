package org.mentoringanalytics.ingest.internal;

import java.util.Map;

/**
 * One data row of a landing file, by header name.
 *
 * @param fileIndex position of the file in the run's plan for its source
 * @param file      file name relative to the landing root
 * @param line      1-based line where the record starts (the header is line 1)
 * @param values    field values by header name; fields absent from the header are absent
 * @param parseError when the CSV could not be parsed from this line on, why; values are then empty
 */
public record LandingRow(int fileIndex, String file, long line, Map<String, String> values, String parseError) {
}
