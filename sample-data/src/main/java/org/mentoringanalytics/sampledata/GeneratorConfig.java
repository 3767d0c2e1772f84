package org.mentoringanalytics.sampledata;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Parameters of one generated organisation. The same configuration always yields the same bytes.
 *
 * @param seed             random seed
 * @param initialHeadcount employees on the first day of the history
 * @param historyYears     years of history before the as-of date
 * @param asOf             extraction date: nothing happens after it
 * @param intakeScale      multiplier on the number of mentees per program intake
 * @param sessionScale     multiplier on session cadence (for volume tests; 1 is realistic)
 */
public record GeneratorConfig(long seed, int initialHeadcount, int historyYears, LocalDate asOf,
                              double intakeScale, double sessionScale) {

    public GeneratorConfig(long seed, int initialHeadcount, int historyYears, LocalDate asOf, double intakeScale) {
        this(seed, initialHeadcount, historyYears, asOf, intakeScale, 1.0);
    }

    public GeneratorConfig {
        Objects.requireNonNull(asOf, "asOf");
        if (initialHeadcount < 50) {
            throw new IllegalArgumentException("initialHeadcount must be at least 50");
        }
        if (historyYears < 2) {
            throw new IllegalArgumentException("historyYears must be at least 2");
        }
        if (intakeScale <= 0 || sessionScale <= 0) {
            throw new IllegalArgumentException("intakeScale and sessionScale must be positive");
        }
    }

    /** The configuration of the committed sample set. */
    public static GeneratorConfig sample() {
        return new GeneratorConfig(20260930L, 900, 5, LocalDate.of(2026, 9, 30), 1.0);
    }

    public LocalDate historyStart() {
        return asOf.minusYears(historyYears).withDayOfMonth(1);
    }
}
