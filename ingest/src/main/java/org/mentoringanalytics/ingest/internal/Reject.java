package org.mentoringanalytics.ingest.internal;

import org.mentoringanalytics.ingest.RejectReason;

/**
 * A landing row that failed validation, kept with enough context to fix it at the source.
 *
 * @param file     file relative to the landing root
 * @param line     line number in that file
 * @param field    landing field at fault
 * @param reason   kind of fault
 * @param message  what is wrong, in words
 * @param original the row's fields as CSV
 */
public record Reject(String file, long line, String field, RejectReason reason, String message, String original) {
}
