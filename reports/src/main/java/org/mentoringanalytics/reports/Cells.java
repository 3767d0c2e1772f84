package org.mentoringanalytics.reports;

import java.time.LocalDate;

/** Table cells built from figures: {@link Formats} for the text, the plain numbers for the CSV. */
final class Cells {

    static final Cell SUPPRESSED = Cell.SUPPRESSED;

    private Cells() {
    }

    static Cell text(String text) {
        return new Cell(Cell.Kind.TEXT, text == null ? "" : text, null, null, null);
    }

    static Cell count(long value) {
        return new Cell(Cell.Kind.COUNT, Formats.count(value), (double) value, null, null);
    }

    static Cell decimal(Double value) {
        return value == null ? Cell.MISSING : new Cell(Cell.Kind.DECIMAL, Formats.decimal(value), value, null, null);
    }

    static Cell percent(Double share) {
        return share == null ? Cell.MISSING : new Cell(Cell.Kind.SHARE, Formats.percent(share), share, null, null);
    }

    static Cell ratio(Double estimate, Double lower, Double upper) {
        return estimate == null ? Cell.MISSING
                : new Cell(Cell.Kind.RATIO, Formats.ratio(estimate, lower, upper), estimate, lower, upper);
    }

    static Cell points(double difference) {
        return new Cell(Cell.Kind.DIFFERENCE, Formats.points(difference), difference, null, null);
    }

    static Cell pointsInterval(Double difference, Double lower, Double upper) {
        return difference == null ? Cell.MISSING : new Cell(Cell.Kind.DIFFERENCE,
                Formats.pointsInterval(difference, lower, upper), difference, lower, upper);
    }

    static Cell days(Double days) {
        return days == null ? Cell.MISSING : new Cell(Cell.Kind.DAYS, Formats.days(days), days, null, null);
    }

    static Cell interval(Double estimate, Double lower, Double upper, int decimals) {
        return estimate == null ? Cell.MISSING : new Cell(Cell.Kind.SCORE,
                Formats.interval(estimate, lower, upper, decimals), estimate, lower, upper);
    }

    /** A point of an answer scale (1 to 5, 0 to 10). */
    static Cell score(int score) {
        return new Cell(Cell.Kind.SCORE, Integer.toString(score), (double) score, null, null);
    }

    static Cell pValue(Double p) {
        return p == null ? Cell.MISSING : new Cell(Cell.Kind.P, Formats.pValue(p), p, null, null);
    }

    static Cell date(LocalDate day) {
        return day == null ? Cell.MISSING : new Cell(Cell.Kind.DATE, day.toString(), null, null, null);
    }

    /** A cell with the same numbers and another text (a note after the value, say). */
    static Cell withText(Cell cell, String text) {
        return new Cell(cell.kind(), text, cell.value(), cell.lower(), cell.upper());
    }
}
