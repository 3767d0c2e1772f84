package org.mentoringanalytics.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * A check whose finding does not reject the row ({@link WarningCode} says why each is a warning).
 * Runs on rows that passed every {@link Rule}, with the same typed values and context.
 */
@FunctionalInterface
public interface Caution {

    Optional<Warning> check(Map<String, Object> row, ValidationContext context);

    /** Which tables this check looks up, so they are loaded before the step runs. */
    default List<TableContract> referencedTables() {
        return List.of();
    }

    /** A session inside its match's span, logged by one of the match's people while employed. */
    static List<Caution> sessionInItsMatch() {
        Caution span = withTables((row, context) -> {
            Instant started = (Instant) row.get("started_at");
            Optional<ValidationContext.MatchSpan> match = context.match((String) row.get("match_id"));
            if (started == null || match.isEmpty()) {
                return Optional.empty();
            }
            if (started.isBefore(match.get().matchedAt())) {
                return Optional.of(new Warning("started_at", WarningCode.SESSION_BEFORE_MATCH,
                        "the session started at " + started + ", before its match was made at " + match.get().matchedAt()));
            }
            if (match.get().endedAt() != null && started.isAfter(match.get().endedAt())) {
                return Optional.of(new Warning("started_at", WarningCode.SESSION_AFTER_MATCH,
                        "the session started at " + started + ", after its match ended at " + match.get().endedAt()));
            }
            return Optional.empty();
        }, Tables.STG_MATCHES);
        Caution logger = withTables((row, context) -> {
            String person = (String) row.get("logged_by_key");
            Optional<ValidationContext.MatchSpan> match = context.match((String) row.get("match_id"));
            if (person == null || match.isEmpty() || match.get().people().contains(person)) {
                return Optional.empty();
            }
            return Optional.of(new Warning("logged_by_key", WarningCode.LOGGER_OUTSIDE_MATCH,
                    "logged by someone who is neither the match's mentor nor one of its mentees"));
        }, Tables.STG_MATCHES);
        Caution leaver = withTables((row, context) -> {
            Instant started = (Instant) row.get("started_at");
            String person = (String) row.get("logged_by_key");
            Optional<LocalDate> left = person == null ? Optional.empty() : context.lastDay(person);
            if (started == null || left.isEmpty() || !utcDate(started).isAfter(left.get())) {
                return Optional.empty();
            }
            return Optional.of(new Warning("logged_by_key", WarningCode.LOGGER_AFTER_LEAVING,
                    "logged on " + utcDate(started) + " by someone whose last day was " + left.get()));
        }, Tables.STG_EMPLOYEES);
        return List.of(span, logger, leaver);
    }

    /** A match made on or after its program's first day, while both its people were employed. */
    static List<Caution> matchInItsProgram() {
        Caution program = withTables((row, context) -> {
            Instant matched = (Instant) row.get("matched_at");
            Optional<LocalDate> start = context.programStart((String) row.get("program_id"));
            if (matched == null || start.isEmpty() || !utcDate(matched).isBefore(start.get())) {
                return Optional.empty();
            }
            return Optional.of(new Warning("matched_at", WarningCode.MATCH_BEFORE_PROGRAM,
                    "matched on " + utcDate(matched) + ", before the program's first day " + start.get()));
        }, Tables.STG_PROGRAMS);
        Caution leaver = withTables((row, context) -> {
            Instant matched = (Instant) row.get("matched_at");
            if (matched == null) {
                return Optional.empty();
            }
            for (String column : List.of("mentor_key", "mentee_key")) {
                Optional<LocalDate> left = row.get(column) == null ? Optional.empty() : context.lastDay((String) row.get(column));
                if (left.isPresent() && utcDate(matched).isAfter(left.get())) {
                    return Optional.of(new Warning(column, WarningCode.MATCH_AFTER_LEAVING,
                            "matched on " + utcDate(matched) + ", after the " + column.replace("_key", "") + "'s last day "
                                    + left.get()));
                }
            }
            return Optional.empty();
        }, Tables.STG_EMPLOYEES);
        return List.of(program, leaver);
    }

    /** A job change on or after the employee's hire date. */
    static Caution changeAfterHire() {
        return withTables((row, context) -> {
            LocalDate effective = (LocalDate) row.get("effective_date");
            Optional<LocalDate> hired = row.get("employee_key") == null ? Optional.empty()
                    : context.hireDay((String) row.get("employee_key"));
            if (effective == null || hired.isEmpty() || !effective.isBefore(hired.get())) {
                return Optional.empty();
            }
            return Optional.of(new Warning("effective_date", WarningCode.CHANGE_BEFORE_HIRE,
                    "the change is dated " + effective + ", before the hire date " + hired.get()
                            + " (a rehire keeps their earlier history)"));
        }, Tables.STG_EMPLOYEES);
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Caution withTables(Caution check, TableContract... tables) {
        return new Caution() {
            @Override
            public Optional<Warning> check(Map<String, Object> row, ValidationContext context) {
                return check.check(row, context);
            }

            @Override
            public List<TableContract> referencedTables() {
                return List.of(tables);
            }
        };
    }
}
