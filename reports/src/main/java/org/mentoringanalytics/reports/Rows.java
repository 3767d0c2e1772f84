package org.mentoringanalytics.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Typed access to mart rows as {@link MartReader} returns them. */
final class Rows {

    private Rows() {
    }

    static String str(Map<String, Object> row, String column) {
        return (String) row.get(column);
    }

    static long lng(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? 0L : ((Number) v).longValue();
    }

    static Double dbl(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static LocalDate date(Map<String, Object> row, String column) {
        return (LocalDate) row.get(column);
    }

    /** Rows whose column equals the value. */
    static List<Map<String, Object>> where(List<Map<String, Object>> rows, String column, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).toList();
    }
}
