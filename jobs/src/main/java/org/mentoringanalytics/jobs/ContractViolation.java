package org.mentoringanalytics.jobs;

/** Thrown when a table about to be published breaks its contract; nothing is published. */
public final class ContractViolation extends RuntimeException {

    public ContractViolation(String message) {
        super(message);
    }
}
