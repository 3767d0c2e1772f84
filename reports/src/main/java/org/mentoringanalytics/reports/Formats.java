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

    static String ratio(Double estimate, Double lower, Double upper) {
        if (estimate == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", estimate, lower, upper);
    }

    static String pointsInterval(Double difference, Double lower, Double upper) {
        if (difference == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f pts (%.1f to %.1f)", difference * 100, lower * 100, upper * 100);
    }

    static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f pts", difference * 100);
    }
}
