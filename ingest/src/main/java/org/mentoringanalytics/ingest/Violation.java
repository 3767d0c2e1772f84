package org.mentoringanalytics.ingest;

/**
 * One broken rule of a row.
 *
 * @param column  staging column at fault (its landing field is named in the reject)
 * @param reason  kind of fault
 * @param message what is wrong, for the person fixing the source
 */
public record Violation(String column, RejectReason reason, String message) {
}
