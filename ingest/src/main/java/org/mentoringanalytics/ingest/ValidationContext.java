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
}
