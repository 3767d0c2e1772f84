package org.mentoringanalytics.ingest.internal;

/**
 * A landing row that failed validation, kept with enough context to fix it at the source.
 *
 * @param file     file relative to the landing root
 * @param line     line number in that file
 * @param field    landing field at fault
 * @param reason   what is wrong, in words
 * @param original the row's fields as CSV
 */
public record Reject(String file, long line, String field, String reason, String original) {
}
