package org.mentoringanalytics.reports;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Parameters of one quarterly report.
 *
 * @param warehouse   warehouse whose marts are read
 * @param outputDir   folder receiving {@code mentoring-<quarter>.pdf} and {@code <quarter>/}
 * @param quarter     quarter reported; null for the last complete quarter by {@code asOf}
 * @param asOf        the date the data is as of
 * @param threshold   smallest number of people a shown value may come from
 * @param generatedAt moment stamped on the cover
 * @param costPerExit cost of one voluntary exit, for the value of exits avoided; null to leave the value out
 * @param currency    currency symbol or code printed before amounts
 */
public record ReportRequest(Warehouse warehouse, Path outputDir, Quarter quarter, LocalDate asOf, int threshold,
                            Instant generatedAt, Double costPerExit, String currency) {

    public ReportRequest(Warehouse warehouse, Path outputDir, Quarter quarter, LocalDate asOf, int threshold,
                         Instant generatedAt) {
        this(warehouse, outputDir, quarter, asOf, threshold, generatedAt, null, null);
    }

    public static final int DEFAULT_THRESHOLD = 5;

    public ReportRequest {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if (threshold < 1) {
            throw new IllegalArgumentException("the suppression threshold must be at least 1");
        }
        if (costPerExit != null && !(costPerExit > 0)) {
            throw new IllegalArgumentException("the cost per exit must be a positive amount");
        }
        currency = currency == null || currency.isBlank() ? "" : currency.strip();
    }

    public Quarter effectiveQuarter() {
        return quarter != null ? quarter : Quarter.lastCompleteBy(asOf);
    }
}
