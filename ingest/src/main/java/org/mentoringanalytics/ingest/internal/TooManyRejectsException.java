package org.mentoringanalytics.ingest.internal;

/** One landing file has more rejected rows than the run allows: the run stops. */
public final class TooManyRejectsException extends RuntimeException {

    public TooManyRejectsException(String message) {
        super(message);
    }
}
