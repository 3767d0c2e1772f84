package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/** The executive summary's six tiles: a value, its interval when it has one, and the change on the previous quarter. */
final class Kpis {

    enum Unit { PERCENT, DECIMAL, SCORE, POINTS }

    /**
     * One tile. Values are null when not available or suppressed; {@code note} then says why.
     *
     * @param previous value in the previous quarter, or null when there is none to compare with
     */
    record Tile(String label, Unit unit, Double value, Double lower, Double upper, Double previous, String detail,
                String note, Change.Interval change) {

        Tile(String label, Unit unit, Double value, Double lower, Double upper, Double previous, String detail, String note) {
            this(label, unit, value, lower, upper, previous, detail, note, null);
        }

        /** The same tile with the interval of its change on the previous quarter. */
        Tile withChange(Change.Interval interval) {
            return new Tile(label, unit, value, lower, upper, previous, detail, note, interval);
        }

        String valueText() {
            return value == null ? note : format(unit, value);
        }

        String intervalText() {
            return value == null || lower == null ? "" : "95%" + Formats.NB + "CI" + Formats.NB + format(unit, lower)
                    + Formats.NB + "to" + Formats.NB + format(unit, upper);
        }

        /**
         * The change on the previous quarter, with an arrow only when its 95% interval excludes no
         * change; otherwise "no clear change". Without an interval no change is claimed.
         */
        String changeText(Quarter quarter) {
            if (value == null || previous == null) {
                return "";
            }
            String before = quarter.previous() + " (" + format(unit, previous) + ")";
            if (change == null || !change.clear()) {
                return "no clear change on " + before;
            }
            double delta = value - previous;
            String arrow = delta > 0 ? "\u25B2 " : "\u25BC ";
            String amount = switch (unit) {
                case PERCENT, POINTS -> Formats.signed(delta * 100, 1) + Formats.NB + "pts";
                case DECIMAL -> Formats.signed(delta, 2);
                case SCORE -> Formats.signed(delta, 1);
            };
            return arrow + amount + " on " + before;
        }
    }

    private Kpis() {
    }

    static String format(Unit unit, double value) {
        return switch (unit) {
            case PERCENT -> Formats.number(value * 100, 1) + "%";
            case POINTS -> Formats.signed(value * 100, 1) + Formats.NB + "pts";
            case DECIMAL -> Formats.number(value, 2);
            case SCORE -> Formats.number(value, 1);
        };
    }

    /** The tiles as a table, for the CSV: value, interval, previous quarter and the change's interval as numbers. */
    static Table table(List<Tile> tiles, Quarter quarter) {
        List<List<?>> rows = new ArrayList<>();
        for (Tile t : tiles) {
            boolean share = t.unit() == Unit.PERCENT || t.unit() == Unit.POINTS;
            java.util.function.Function<Double, Cell> cell = v -> v == null || t.value() == null ? Cell.MISSING
                    : share ? new Cell(t.unit() == Unit.POINTS ? Cell.Kind.DIFFERENCE : Cell.Kind.SHARE, format(t.unit(), v), v, null, null)
                    : new Cell(t.unit() == Unit.SCORE ? Cell.Kind.SCORE : Cell.Kind.DECIMAL, format(t.unit(), v), v, null, null);
            Cell value = t.value() == null ? (Formats.SUPPRESSED.equals(t.note()) ? Cell.SUPPRESSED : Cell.MISSING)
                    : new Cell(cell.apply(t.value()).kind(), t.valueText(), t.value(), t.lower(), t.upper());
            Cell change = t.value() == null || t.previous() == null ? Cell.MISSING
                    : new Cell(share ? Cell.Kind.DIFFERENCE : cell.apply(t.value()).kind(), t.changeText(quarter),
                    t.value() - t.previous(), t.change() == null ? null : t.change().lower(),
                    t.change() == null ? null : t.change().upper());
            rows.add(List.of(t.label(), value, cell.apply(t.previous()), change,
                    t.change() == null || t.value() == null || t.previous() == null ? "" : t.change().clear() ? "yes" : "no",
                    t.detail()));
        }
        return new Table("kpis", "Key figures, " + quarter, List.of("measure", "value", "previous quarter",
                "change", "clear change", "detail"), rows);
    }
}
