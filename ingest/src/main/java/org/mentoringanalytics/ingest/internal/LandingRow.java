package org.mentoringanalytics.ingest.internal;

import java.util.Map;

/**
 * One data row of a landing file, by header name.
 *
 * @param file   file name relative to the landing root
 * @param line   1-based line number where the record starts (the header is line 1)
 * @param values field values by header name; missing fields are absent
 */
public record LandingRow(String file, long line, Map<String, String> values) {
}
