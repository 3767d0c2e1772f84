package org.mentoringanalytics.reports;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2026-Q3}.
 *
 * @param year    calendar year
 * @param quarter 1 to 4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4: " + quarter);
        }
    }

    public static Quarter parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a quarter like 2026-Q3");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** The latest quarter that has ended on or before {@code asOf}. */
    public static Quarter lastCompleteBy(LocalDate asOf) {
        Quarter current = containing(asOf);
        return current.end().equals(asOf) ? current : current.previous();
    }

    public LocalDate start() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
