package org.mentoringanalytics.app;

/** A mistake in how the program was called or configured: exit code 2, one line. */
final class UsageError extends IllegalArgumentException {

    UsageError(String message) {
        super(message);
    }
}
