package org.mentoringanalytics.reports;

import java.util.Locale;

/** How numbers read in the report. One place, so the PDF and the CSVs agree. */
final class Formats {

    static final String SUPPRESSED = "suppressed";

    private Formats() {
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String percent(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pts", difference * 100);
    }
}
