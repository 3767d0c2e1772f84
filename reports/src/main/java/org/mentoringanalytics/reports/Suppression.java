package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cells of a table may not be shown. A cell computed from fewer than k people (but more
 * than none) is suppressed; then, wherever a row or a column has a shown total and exactly one
 * suppressed cell, the smallest other cell is suppressed too, so the hidden value cannot be
 * recovered by subtracting the shown cells from the total. Repeats until no row or column has a
 * lone suppressed cell.
 */
final class Suppression {

    private Suppression() {
    }

    /**
     * One row of sibling cells whose total is shown elsewhere (an "All" row, a total tile).
     *
     * @param people people behind each cell, in display order
     * @return the keys to suppress
     */
    static <K> java.util.Set<K> siblings(Map<K, Long> people, int k) {
        List<K> keys = new ArrayList<>(people.keySet());
        long[][] grid = new long[1][keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            grid[0][i] = people.get(keys.get(i));
        }
        boolean[][] hidden = grid(grid, k, true, false);
        java.util.Set<K> result = new java.util.LinkedHashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (hidden[0][i]) {
                result.add(keys.get(i));
            }
        }
        return result;
    }

    /**
     * A two-way table.
     *
     * @param people        people behind each cell
     * @param rowTotals     whether each row's total is shown
     * @param columnTotals  whether each column's total is shown
     */
    static boolean[][] grid(long[][] people, int k, boolean rowTotals, boolean columnTotals) {
        int rows = people.length;
        int columns = rows == 0 ? 0 : people[0].length;
        boolean[][] hidden = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                hidden[r][c] = people[r][c] > 0 && people[r][c] < k;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            if (rowTotals) {
                for (int r = 0; r < rows; r++) {
                    changed |= complement(people[r], hidden[r]);
                }
            }
            if (columnTotals) {
                for (int c = 0; c < columns; c++) {
                    long[] column = new long[rows];
                    boolean[] columnHidden = new boolean[rows];
                    for (int r = 0; r < rows; r++) {
                        column[r] = people[r][c];
                        columnHidden[r] = hidden[r][c];
                    }
                    if (complement(column, columnHidden)) {
                        changed = true;
                        for (int r = 0; r < rows; r++) {
                            hidden[r][c] = columnHidden[r];
                        }
                    }
                }
            }
        }
        return hidden;
    }

    /** Hides the smallest shown non-empty cell of a line with exactly one hidden cell; true when it did. */
    private static boolean complement(long[] people, boolean[] hidden) {
        int count = 0;
        for (boolean h : hidden) {
            count += h ? 1 : 0;
        }
        if (count != 1) {
            return false;
        }
        int smallest = -1;
        for (int i = 0; i < people.length; i++) {
            if (!hidden[i] && people[i] > 0 && (smallest < 0 || people[i] < people[smallest])) {
                smallest = i;
            }
        }
        if (smallest < 0) {
            return false;
        }
        hidden[smallest] = true;
        return true;
    }

    /** Keys in display order with their people, for {@link #siblings}. */
    static <K> Map<K, Long> people(List<K> keys, java.util.function.ToLongFunction<K> people) {
        Map<K, Long> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, people.applyAsLong(key)));
        return map;
    }
}
