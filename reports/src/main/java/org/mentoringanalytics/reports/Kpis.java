package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The executive summary's six tiles: a value, its interval when it has one, and the change on the previous quarter. */
final class Kpis {

    enum Unit { PERCENT, DECIMAL, SCORE, POINTS }

    /**
     * One tile. Values are null when not available or suppressed; {@code note} then says why.
     *
     * @param previous value in the previous quarter, or null when there is none to compare with
     */
    record Tile(String label, Unit unit, Double value, Double lower, Double upper, Double previous, String detail,
                String note) {

        String valueText() {
            return value == null ? note : format(unit, value);
        }

        String intervalText() {
            return value == null || lower == null ? "" : "95% CI " + format(unit, lower) + " to " + format(unit, upper);
        }

        String changeText(Quarter quarter) {
            if (value == null || previous == null) {
                return "";
            }
            double change = value - previous;
            String arrow = change > 0 ? "\u25B2 " : change < 0 ? "\u25BC " : "";
            String amount = switch (unit) {
                case PERCENT, POINTS -> String.format(Locale.ROOT, "%+.1f pts", change * 100);
                case DECIMAL -> String.format(Locale.ROOT, "%+.2f", change);
                case SCORE -> String.format(Locale.ROOT, "%+.1f", change);
            };
            return arrow + amount + " on " + quarter.previous() + " (" + format(unit, previous) + ")";
        }
    }

    private Kpis() {
    }

    static String format(Unit unit, double value) {
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            case POINTS -> String.format(Locale.ROOT, "%+.1f pts", value * 100);
            case DECIMAL -> String.format(Locale.ROOT, "%.2f", value);
            case SCORE -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** The tiles as a table, for the CSV. */
    static Table table(List<Tile> tiles, Quarter quarter) {
        List<List<String>> rows = new ArrayList<>();
        for (Tile t : tiles) {
            rows.add(List.of(t.label(), t.valueText(), t.value() == null || t.lower() == null ? "" : format(t.unit(), t.lower()),
                    t.value() == null || t.upper() == null ? "" : format(t.unit(), t.upper()),
                    t.value() == null || t.previous() == null ? "" : format(t.unit(), t.previous()),
                    t.detail()));
        }
        return new Table("kpis", "Key figures, " + quarter,
                List.of("measure", quarter.toString(), "lower_95", "upper_95", quarter.previous().toString(), "detail"), rows);
    }
}
