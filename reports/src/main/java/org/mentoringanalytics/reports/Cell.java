package org.mentoringanalytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One table cell: the text the PDF shows and the plain numbers its CSV carries. A cell with an
 * interval writes three CSV columns (value, lower, upper); shares and differences of shares are
 * fractions in the CSV (0.25, not "25.0%"), counts have no thousands separator.
 *
 * @param kind  what the value measures; decides its unit in the data dictionary
 * @param text  the text shown in the PDF
 * @param value the number, null for text, suppressed and not-available cells
 * @param lower 95% lower bound, or null
 * @param upper 95% upper bound, or null
 */
record Cell(Kind kind, String text, Double value, Double lower, Double upper) {

    /** What a cell measures, with the unit the data dictionary gives it. */
    enum Kind {
        TEXT("text"), COUNT("count"), SHARE("fraction of 1"), DIFFERENCE("difference of fractions (0.05 = 5 points)"),
        DECIMAL("number"), RATIO("ratio"), SCORE("score"), DAYS("days"), P("p-value"), DATE("date, YYYY-MM-DD"),
        MONEY("currency units"), SUPPRESSED("suppressed"), MISSING("not available");

        final String unit;

        Kind(String unit) {
            this.unit = unit;
        }
    }

    static final Cell SUPPRESSED = new Cell(Kind.SUPPRESSED, Formats.SUPPRESSED, null, null, null);
    static final Cell MISSING = new Cell(Kind.MISSING, "n/a", null, null, null);
    static final Cell EMPTY = new Cell(Kind.MISSING, "", null, null, null);

    boolean hasInterval() {
        return lower != null && upper != null;
    }

    boolean suppressed() {
        return kind == Kind.SUPPRESSED;
    }

    /** The CSV fields of this cell: one, or three when its column carries intervals. */
    List<String> csv(boolean intervalColumn) {
        String main = switch (kind) {
            case SUPPRESSED -> Formats.SUPPRESSED;
            case MISSING -> "";
            case TEXT, DATE -> text;
            default -> plain(value);
        };
        if (!intervalColumn) {
            return List.of(main);
        }
        return List.of(main, plain(lower), plain(upper));
    }

    /** A number in the CSV: Locale.ROOT, at most six decimals, no exponent, no trailing zeros. */
    static String plain(Double number) {
        if (number == null || number.isNaN() || number.isInfinite()) {
            return "";
        }
        BigDecimal d = BigDecimal.valueOf(number).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) {
            return "0";
        }
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    @Override
    public String toString() {
        return text;
    }
}
