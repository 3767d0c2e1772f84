package org.mentoringanalytics.ingest;

/**
 * A finding on a row that still loads.
 *
 * @param column  staging column it concerns (its landing field is named in the list)
 * @param code    kind of finding
 * @param message what was found, for the person checking the source
 */
public record Warning(String column, WarningCode code, String message) {
}
