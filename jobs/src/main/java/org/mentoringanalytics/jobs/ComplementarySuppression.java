package org.mentoringanalytics.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Complementary suppression of a table of cells (rows) along margins: for each margin (a column
 * whose values split a total that is shown elsewhere) the cells are grouped by the other columns
 * named; a group with exactly one hidden cell hides its smallest shown cell too, repeated over
 * every margin until no group anywhere has a lone hidden cell. A cell whose margin value is the
 * total itself ("ALL") belongs to its line too, since a hidden total is the sum of its shown parts.
 * Then no hidden value equals a total minus the shown cells of its line, nor a sum of them. Pure:
 * values in, more hidden flags out.
 */
public final class ComplementarySuppression {

    /** A column whose values split a total, and the columns that name one line of it. */
    public record Margin(String column, List<String> groupBy) {
    }

    /** How to read a cell: the value of a named column, and its people count. */
    public interface Cells {
        int size();

        Object value(int cell, String column);

        long people(int cell);

        /** Cells that are Spark rows. */
        static Cells of(List<org.apache.spark.sql.Row> rows,
                        java.util.function.BiFunction<org.apache.spark.sql.Row, String, Object> value,
                        java.util.function.ToLongFunction<org.apache.spark.sql.Row> people) {
            return new Cells() {
                @Override
                public int size() {
                    return rows.size();
                }

                @Override
                public Object value(int cell, String column) {
                    return value.apply(rows.get(cell), column);
                }

                @Override
                public long people(int cell) {
                    return people.applyAsLong(rows.get(cell));
                }
            };
        }
    }

    private ComplementarySuppression() {
    }

    /** Marks more cells hidden in {@code hidden} (one flag per cell) until no line has a lone hidden cell. */
    public static void apply(Cells cells, List<Margin> margins, boolean[] hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Margin m : margins) {
                Map<List<Object>, List<Integer>> lines = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    List<Object> key = new ArrayList<>();
                    for (String g : m.groupBy()) {
                        key.add(cells.value(i, g));
                    }
                    lines.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
                }
                for (List<Integer> line : lines.values()) {
                    // The total belongs to its line: a hidden total beside shown parts is their sum.
                    long lone = line.stream().filter(i -> hidden[i]).count();
                    if (lone != 1 || line.size() < 2) {
                        continue;
                    }
                    Integer next = line.stream().filter(i -> !hidden[i] && !isTotal(cells.value(i, m.column())))
                            .min(Comparator.comparingLong(cells::people))
                            .orElseGet(() -> line.stream().filter(i -> !hidden[i]).findFirst().orElse(null));
                    if (next != null) {
                        hidden[next] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    public static boolean isTotal(Object value) {
        return value instanceof String s && s.equalsIgnoreCase(TOTAL);
    }

    /** The value a margin column takes in the cell of its total. */
    public static final String TOTAL = "ALL";
}
