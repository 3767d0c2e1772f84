package org.mentoringanalytics.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoringanalytics.contracts.TableContract;

/**
 * A validation rule beyond types, required fields and accepted values (which come from the
 * staging contract). Rules see the row's typed values by staging column name: LocalDate, Instant,
 * Integer, String; person columns already hold their pseudonym. A null value is never checked:
 * whether it may be null is the contract's business.
 */
@FunctionalInterface
public interface Rule {

    Optional<Violation> check(Map<String, Object> row, ValidationContext context);

    /** Which tables this rule looks up, so their keys can be loaded before the step runs. */
    default List<TableContract> referencedTables() {
        return List.of();
    }

    static Rule range(String column, int min, int max) {
        return (row, context) -> {
            Object value = row.get(column);
            if (value instanceof Integer n && (n < min || n > max)) {
                return Optional.of(new Violation(column, RejectReason.OUT_OF_RANGE,
                        n + " is outside " + min + ".." + max));
            }
            return Optional.empty();
        };
    }

    /**
     * The key under which a moment column's own local date sits beside it in the typed row: the date
     * as written, in the record's offset (23:30-05:00 on the as-of day is on the as-of day, though
     * it is the next day in UTC).
     */
    static String localDateKey(String column) {
        // Interned like the column names (literals): the row's map then finds its keys by identity.
        return (column + "#local_date").intern();
    }

    /** Nothing after the as-of date, a moment judged by its own local date. */
    static Rule notAfterAsOf(String column) {
        String localDate = localDateKey(column);
        return (row, context) -> {
            LocalDate day = row.get(localDate) instanceof LocalDate local ? local : day(row.get(column));
            if (day != null && day.isAfter(context.asOf())) {
                return Optional.of(new Violation(column, RejectReason.AFTER_AS_OF,
                        day + " is after the as-of date " + context.asOf()));
            }
            return Optional.empty();
        };
    }

    /** {@code later} must not be before {@code earlier} (dates, moments or numbers). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Rule notBefore(String later, String earlier) {
        return (row, context) -> {
            Object a = row.get(later);
            Object b = row.get(earlier);
            if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass() && ca.compareTo(b) < 0) {
                return Optional.of(new Violation(later, RejectReason.INCONSISTENT,
                        later + " " + a + " is before " + earlier + " " + b));
            }
            return Optional.empty();
        };
    }

    /**
     * A date no real record carries: before {@code earliest}. HR systems write 0001-01-01 or
     * 1900-01-01 for "unknown"; taken as a date it would make tenure centuries long.
     */
    static Rule notBeforeDay(String column, LocalDate earliest) {
        return (row, context) -> {
            LocalDate day = day(row.get(column));
            if (day != null && day.isBefore(earliest)) {
                return Optional.of(new Violation(column, RejectReason.OUT_OF_RANGE,
                        day + " is before " + earliest + ": a placeholder for an unknown date, not a date; leave it empty"));
            }
            return Optional.empty();
        };
    }

    /** A birth year that makes the person at least {@code minimumAge} in the as-of year. */
    static Rule bornBy(String column, int minimumAge) {
        return (row, context) -> {
            Object value = row.get(column);
            int latest = context.asOf().getYear() - minimumAge;
            if (value instanceof Integer year && year > latest) {
                return Optional.of(new Violation(column, RejectReason.OUT_OF_RANGE, year + " is after " + latest
                        + ": an employee born then would be under " + minimumAge + " on the as-of date " + context.asOf()));
            }
            return Optional.empty();
        };
    }

    /** {@code column} is set exactly when {@code statusColumn} is {@code status} (a completion date with status completed). */
    static Rule setExactlyWhen(String column, String statusColumn, String status) {
        return (row, context) -> {
            Object state = row.get(statusColumn);
            if (state == null) {
                return Optional.empty();
            }
            boolean set = row.get(column) != null;
            if (status.equals(state) && !set) {
                return Optional.of(new Violation(column, RejectReason.INCONSISTENT,
                        column + " is empty but " + statusColumn + " is " + status));
            }
            if (!status.equals(state) && set) {
                return Optional.of(new Violation(column, RejectReason.INCONSISTENT, column + " is set but " + statusColumn
                        + " is " + state + ": set " + statusColumn + " to " + status + " or leave " + column + " empty"));
            }
            return Optional.empty();
        };
    }

    /**
     * A promotion raises the level and a demotion lowers it, where both levels read L followed by
     * a number (L3 to L3 is no promotion); levels named otherwise are not compared.
     */
    static Rule levelDirection(String typeColumn, String fromColumn, String toColumn) {
        return (row, context) -> {
            Object type = row.get(typeColumn);
            Integer from = level(row.get(fromColumn));
            Integer to = level(row.get(toColumn));
            if (from == null || to == null || !("promotion".equals(type) || "demotion".equals(type))) {
                return Optional.empty();
            }
            boolean wrong = "promotion".equals(type) ? to <= from : to >= from;
            if (wrong) {
                return Optional.of(new Violation(toColumn, RejectReason.INCONSISTENT, "a " + type + " from "
                        + row.get(fromColumn) + " to " + row.get(toColumn) + (from.equals(to) ? " keeps the level" : " goes the other way")));
            }
            return Optional.empty();
        };
    }

    private static Integer level(Object value) {
        return value instanceof String s && s.matches("[Ll]\\d{1,3}") ? Integer.valueOf(s.substring(1)) : null;
    }

    /** The two columns do not hold the same value (a person cannot mentor themself). */
    static Rule differ(String first, String second, String message) {
        return (row, context) -> {
            Object a = row.get(first);
            if (a != null && a.equals(row.get(second))) {
                return Optional.of(new Violation(second, RejectReason.INCONSISTENT, message));
            }
            return Optional.empty();
        };
    }

    /** Both columns are set or both are empty. */
    static Rule together(String first, String second) {
        return (row, context) -> {
            boolean a = row.get(first) != null;
            boolean b = row.get(second) != null;
            if (a != b) {
                String missing = a ? second : first;
                return Optional.of(new Violation(missing, RejectReason.INCONSISTENT,
                        missing + " is empty but " + (a ? first : second) + " is set"));
            }
            return Optional.empty();
        };
    }

    static Rule references(String column, TableContract table, String tableColumn) {
        return new Rule() {
            @Override
            public Optional<Violation> check(Map<String, Object> row, ValidationContext context) {
                Object value = row.get(column);
                if (value != null && !context.exists(table, tableColumn, value.toString())) {
                    String name = table.name().replace("stg_", "");
                    return Optional.of(new Violation(column, RejectReason.UNKNOWN_REFERENCE, context.isEmpty(table)
                            ? "no " + name + " row with this " + tableColumn + ": no " + name + " are loaded at all (their "
                            + "landing file is missing, was rejected whole, or every row of it was rejected)"
                            : "no " + name + " row with this " + tableColumn));
                }
                return Optional.empty();
            }

            @Override
            public List<TableContract> referencedTables() {
                return List.of(table);
            }
        };
    }

    /** A survey score must lie on its question's scale. */
    static Rule scoreWithinScale(String scoreColumn, String questionColumn, TableContract questions) {
        return new Rule() {
            @Override
            public Optional<Violation> check(Map<String, Object> row, ValidationContext context) {
                Object score = row.get(scoreColumn);
                Object question = row.get(questionColumn);
                if (score instanceof Integer s && question != null) {
                    Optional<int[]> scale = context.questionScale(question.toString());
                    if (scale.isPresent() && (s < scale.get()[0] || s > scale.get()[1])) {
                        return Optional.of(new Violation(scoreColumn, RejectReason.OUT_OF_RANGE,
                                s + " is outside the question's scale " + scale.get()[0] + ".." + scale.get()[1]));
                    }
                }
                return Optional.empty();
            }

            @Override
            public List<TableContract> referencedTables() {
                return List.of(questions);
            }
        };
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return null;
    }
}
