package org.mentoringanalytics.ingest;

import java.time.LocalDate;
import java.util.Optional;
import org.mentoringanalytics.contracts.TableContract;

/** What rules may consult beyond the row itself. */
public interface ValidationContext {

    /** The run's as-of date: nothing may have happened after it. */
    LocalDate asOf();

    /** Whether {@code value} exists in {@code column} of {@code table} (published or loaded earlier in this run). */
    boolean exists(TableContract table, String column, String value);

    /** Whether {@code table} has no rows at all (its landing file missing, rejected whole, or every row rejected). */
    default boolean isEmpty(TableContract table) {
        return false;
    }

    /** The [min, max] scale of a survey question, when the question is known. */
    Optional<int[]> questionScale(String questionId);

    /**
     * A match as sessions see it: when it was made, when it ended (null while running), and the
     * pseudonyms of its mentor and mentees.
     */
    record MatchSpan(java.time.Instant matchedAt, java.time.Instant endedAt, java.util.Set<String> people) {
    }

    /** The match's span and people, when the match is known and its details were loaded. */
    default Optional<MatchSpan> match(String matchId) {
        return Optional.empty();
    }

    /** An employee's last day of employment, when they have left. */
    default Optional<LocalDate> lastDay(String employeeKey) {
        return Optional.empty();
    }

    /** An employee's hire date, when the employee is known. */
    default Optional<LocalDate> hireDay(String employeeKey) {
        return Optional.empty();
    }

    /** A program's first day, when the program is known. */
    default Optional<LocalDate> programStart(String programId) {
        return Optional.empty();
    }
}
