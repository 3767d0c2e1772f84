package org.mentoringanalytics.ingest.internal;

import org.mentoringanalytics.ingest.WarningCode;

/**
 * A finding on a landing row that loaded, listed in the run's {@code warnings-<source>.csv}.
 *
 * @param file    file relative to the landing root
 * @param line    line number in that file
 * @param field   landing field it concerns
 * @param code    kind of finding
 * @param message what was found, in words
 */
public record RowWarning(String file, long line, String field, WarningCode code, String message) {
}
