package org.mentoringanalytics.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Marts written as real Parquet files by their contracts, with figures small enough to check
 * by hand: three programs, one of them (Tiny Circle) with only three people.
 */
final class MartFixture {

    private MartFixture() {
    }

    static Warehouse write(Path root) throws IOException {
        Warehouse warehouse = new Warehouse(root.toString());
        List<Object[]> engagement = new ArrayList<>();
        for (int m = 4; m <= 9; m++) {
            engagement.add(new Object[]{"P1", "Career Compass", LocalDate.of(2026, m, 1), 10L, 8L, 20L, 600L, 2.5, 18L});
        }
        for (int m = 7; m <= 9; m++) {
            engagement.add(new Object[]{"P3", "Future Leaders", LocalDate.of(2026, m, 1), 6L, 6L, 3L, 100L, 0.5, 12L});
            engagement.add(new Object[]{"P2", "Tiny Circle", LocalDate.of(2026, m, 1), 2L, 1L, 1L, 30L, 1.0, 3L});
        }
        mart(warehouse, Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, engagement);
        LocalDate index = LocalDate.of(2025, 3, 1);
        mart(warehouse, Tables.MART_RETENTION_12M, List.of(
                new Object[]{"ALL", "All programs", "mentee", 40L, 34L, 0.85, index},
                new Object[]{"ALL", "All programs", "comparison", 200L, 150L, 0.75, index},
                new Object[]{"P1", "Career Compass", "mentee", 30L, 26L, 26 / 30.0, index},
                new Object[]{"P1", "Career Compass", "comparison", 180L, 135L, 0.75, index},
                new Object[]{"P2", "Tiny Circle", "mentee", 3L, 3L, 1.0, index},
                new Object[]{"P2", "Tiny Circle", "comparison", 150L, 117L, 0.78, index}));
        mart(warehouse, Tables.MART_RETENTION_OUTCOME, List.of(
                outcome("all", "ALL", "mentee", 120L, 300L, 0.62, 0.41, 0.93, 0.88, 0.81, 0.07, 0.011, 0.128, 0.09),
                outcome("all", "ALL", "mentor", 60L, 150L, 0.9, 0.52, 1.6, 0.85, 0.84, 0.01, -0.09, 0.12, 0.13),
                outcome("program_type", "career", "mentee", 3L, 8L, 0.5, 0.1, 2.0, 1.0, 0.75, 0.25, -0.2, 0.6, 0.5),
                outcome("program_type", "succession", "mentee", 117L, 292L, 0.63, 0.42, 0.94, 0.879, 0.81, 0.069, 0.01, 0.127, 0.09),
                // Legal has 3 mentees: hidden, and so is Sales, the smallest other department.
                // Engineering survives the adjustment for the groups compared: the summary names it.
                outcome("department", "Engineering", "mentee", 80L, 200L, 0.58, 0.35, 0.96, 0.891, 0.80, 0.091, 0.02, 0.16, 0.11, 0.012),
                outcome("department", "Sales", "mentee", 37L, 92L, 0.71, 0.37, 1.37, 0.862, 0.826, 0.036, -0.08, 0.15, 0.18),
                outcome("department", "Legal", "mentee", 3L, 8L, 0.44, 0.05, 3.9, 0.667, 0.75, -0.083, -0.5, 0.4, 0.6)));
        List<Object[]> survival = new ArrayList<>();
        for (int day = 30; day <= 360; day += 30) {
            survival.add(new Object[]{"mentee", "participant", day, 40L, 1L, 1 - day / 2000.0, 1 - day / 1500.0, 1.0, 120L});
            survival.add(new Object[]{"mentee", "comparison", day, 90L, 2L, 1 - day / 1000.0, 1 - day / 800.0, 1 - day / 1300.0, 300L});
            survival.add(new Object[]{"mentor", "participant", day, 20L, 1L, 1 - day / 1800.0, 1 - day / 1200.0, 1.0, 60L});
        }
        mart(warehouse, Tables.MART_RETENTION_SURVIVAL, survival);
        List<Object[]> atRisk = new ArrayList<>();
        long[] followed = {120, 100, 80, 60, 40, 20, 3};
        int[] days = {0, 90, 180, 365, 540, 730, 1095};
        for (int i = 0; i < days.length; i++) {
            atRisk.add(row(Tables.MART_RETENTION_AT_RISK, "role", "mentee", "group_name", "participant", "time_days", days[i],
                    "at_risk", followed[i], "people", followed[i], "survival", 1 - i / 20.0));
        }
        mart(warehouse, Tables.MART_RETENTION_AT_RISK, atRisk);
        writeQuarterlyMarts(warehouse);
        return warehouse;
    }

    /** Rows by column name; columns not given are null. */
    private static Object[] equity(String dimension, String value, String role, long workforce, double workforceShare,
                                   long participants, double participantShare, Long enrolled, Long matched, double p) {
        double rate = (double) participants / workforce;
        return row(Tables.MART_PARTICIPATION_EQUITY, "quarter", "2026-Q3", "dimension", dimension, "value", value, "role", role,
                "workforce", workforce, "workforce_share", workforceShare, "participants", participants,
                "participant_share", participantShare, "participation_rate", rate, "participation_rate_lower", rate * 0.8,
                "participation_rate_upper", Math.min(1, rate * 1.2 + 0.01), "representation", participantShare / workforceShare,
                "mentees_enrolled", enrolled, "mentees_matched", matched,
                "match_rate", enrolled == null || enrolled == 0 ? null : (double) matched / enrolled, "representation_p", p,
                "people", Math.min(Math.min(workforce, participants), enrolled == null ? Long.MAX_VALUE : enrolled));
    }

    static Object[] row(TableContract table, Object... namesAndValues) {
        Object[] row = new Object[table.columns().size()];
        for (int i = 0; i < namesAndValues.length; i += 2) {
            int index = -1;
            for (int c = 0; c < table.columns().size(); c++) {
                if (table.columns().get(c).name().equals(namesAndValues[i])) {
                    index = c;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException(table.name() + " has no column " + namesAndValues[i]);
            }
            row[index] = namesAndValues[i + 1];
        }
        return row;
    }

    private static Object[] participation(String id, String name, String quarter, long mentees, long mentors, long matched,
                                          long participants, double rate, long people) {
        return row(Tables.MART_PARTICIPATION_QUARTERLY, "program_id", id, "program_name", name, "quarter", quarter,
                "quarter_start", quarter.endsWith("Q3") ? LocalDate.of(2026, 7, 1) : LocalDate.of(2026, 4, 1),
                "mentees_enrolled", mentees, "mentors_enrolled", mentors, "mentees_matched", matched, "match_rate", matched / (double) mentees,
                "median_days_to_match", 11.0, "participants", participants, "average_headcount", 500.0,
                "participation_rate", rate, "people", people);
    }

    private static Object[] goals(String id, String name, String quarter, long set, long completed, long people) {
        return row(Tables.MART_GOALS_QUARTERLY, "program_id", id, "program_name", name, "quarter", quarter,
                "goals_set", set, "goals_completed", completed, "completion_rate", completed / (double) set,
                "set_in_quarter", 2L, "completed_in_quarter", 1L, "people", people);
    }

    private static Object[] survey(String id, String quarter, String construct, long respondents, double mean, Double nps) {
        return row(Tables.MART_SURVEY_QUARTERLY, "program_id", id, "quarter", quarter, "construct", construct, "role", "mentee",
                "respondents", respondents, "mean", mean, "mean_lower", mean - 0.3, "mean_upper", mean + 0.3,
                "nps", nps, "nps_lower", nps == null ? null : nps - 20, "nps_upper", nps == null ? null : nps + 20,
                "people", respondents);
    }

    private static void writeQuarterlyMarts(Warehouse warehouse) throws IOException {
        // Participation: Tiny Circle has 3 people, so it and the next smallest program (Future Leaders, 12) are hidden.
        mart(warehouse, Tables.MART_PARTICIPATION_QUARTERLY, List.of(
                // Career Compass: 3 of its 12 enrolled mentees were matched, a cell of 3 people in a program of 18.
                participation("P1", "Career Compass", "2026-Q3", 12, 9, 3, 18, 0.036, 18),
                participation("P2", "Tiny Circle", "2026-Q3", 3, 1, 1, 3, 0.006, 3),
                participation("P3", "Future Leaders", "2026-Q3", 7, 6, 5, 12, 0.024, 12),
                participation("ALL", "All programs", "2026-Q3", 22, 16, 9, 33, 0.066, 33),
                participation("ALL", "All programs", "2026-Q2", 6, 6, 6, 24, 0.048, 24)));
        mart(warehouse, Tables.MART_PARTICIPATION_EQUITY, List.of(
                // Three non-binary mentees: hidden, and so are the men, the smallest other group of mentees.
                equity("gender", "woman", "mentee", 200, 0.5, 20, 20 / 33.0, 15L, 12L, 0.02),
                equity("gender", "man", "mentee", 180, 0.45, 10, 10 / 33.0, 8L, 6L, 0.02),
                equity("gender", "non-binary", "mentee", 12, 0.03, 3, 3 / 33.0, 3L, 3L, 0.02),
                equity("gender", "not stated", "mentee", 8, 0.02, 0, 0.0, 0L, 0L, 0.02),
                equity("gender", "woman", "mentor", 200, 0.5, 8, 8 / 17.0, null, null, 0.6),
                equity("gender", "man", "mentor", 180, 0.45, 9, 9 / 17.0, null, null, 0.6),
                equity("gender", "non-binary", "mentor", 12, 0.03, 0, 0.0, null, null, 0.6),
                equity("gender", "not stated", "mentor", 8, 0.02, 0, 0.0, null, null, 0.6),
                // L1 are 37.5% of employees and 75.8% of mentees: named as furthest over their share.
                equity("job_level", "L1", "mentee", 150, 0.375, 25, 25 / 33.0, 20L, 18L, 0.0001),
                equity("job_level", "L2", "mentee", 250, 0.625, 8, 8 / 33.0, 6L, 5L, 0.0001),
                equity("job_level", "L1", "mentor", 150, 0.375, 5, 5 / 17.0, null, null, 0.004),
                equity("job_level", "L2", "mentor", 250, 0.625, 12, 12 / 17.0, null, null, 0.004)));
        List<Object[]> rollup = new ArrayList<>();
        for (int m = 4; m <= 9; m++) {
            rollup.add(row(Tables.MART_ENGAGEMENT_ROLLUP, "dimension", "program", "value", "P1", "month", LocalDate.of(2026, m, 1),
                    "live_matches", 10L, "active_matches", 8L, "active_rate", 0.8, "sessions", 20L, "minutes", 600L,
                    "video_share", 0.5, "phone_share", 0.25, "chat_share", 0.25, "email_share", 0.0, "in_person_share", 0.0,
                    "people", 18L));
        }
        for (int m = 7; m <= 9; m++) {
            rollup.add(row(Tables.MART_ENGAGEMENT_ROLLUP, "dimension", "program", "value", "P2", "month", LocalDate.of(2026, m, 1),
                    "live_matches", 2L, "active_matches", 1L, "active_rate", 0.5, "sessions", 1L, "minutes", 30L,
                    "video_share", 0.0, "phone_share", 1.0, "chat_share", 0.0, "email_share", 0.0, "in_person_share", 0.0,
                    "people", 3L));
        }
        for (int m = 7; m <= 9; m++) {
            rollup.add(row(Tables.MART_ENGAGEMENT_ROLLUP, "dimension", "program", "value", "P3", "month", LocalDate.of(2026, m, 1),
                    "live_matches", 6L, "active_matches", 6L, "active_rate", 1.0, "sessions", 3L, "minutes", 100L,
                    "video_share", 1.0, "phone_share", 0.0, "chat_share", 0.0, "email_share", 0.0, "in_person_share", 0.0,
                    "people", 12L));
        }
        mart(warehouse, Tables.MART_ENGAGEMENT_ROLLUP, rollup);
        mart(warehouse, Tables.MART_MATCH_HEALTH, List.of(
                row(Tables.MART_MATCH_HEALTH, "program_id", "P1", "program_name", "Career Compass", "health", "on_track", "matches", 7L, "people", 14L),
                row(Tables.MART_MATCH_HEALTH, "program_id", "P1", "program_name", "Career Compass", "health", "at_risk", "matches", 2L, "people", 4L),
                row(Tables.MART_MATCH_HEALTH, "program_id", "P1", "program_name", "Career Compass", "health", "dormant", "matches", 1L, "people", 2L)));
        mart(warehouse, Tables.MART_GOALS_QUARTERLY, List.of(
                goals("P1", "Career Compass", "2026-Q3", 40, 22, 18),
                goals("P2", "Tiny Circle", "2026-Q3", 4, 3, 3),
                goals("P3", "Future Leaders", "2026-Q3", 10, 7, 12),
                goals("ALL", "All programs", "2026-Q3", 54, 32, 33),
                goals("ALL", "All programs", "2026-Q2", 50, 25, 30)));
        mart(warehouse, Tables.MART_GOALS, List.<Object[]>of(
                row(Tables.MART_GOALS, "program_id", "P1", "program_name", "Career Compass", "matches", 10L, "matches_with_goal", 9L,
                        "goal_share", 0.9, "goals", 40L, "completed", 22L, "completion_rate", 0.55, "median_days_to_complete", 47.0,
                        "overdue", 3L, "people", 18L)));
        mart(warehouse, Tables.MART_SURVEY_QUARTERLY, List.of(
                survey("P1", "2026-Q3", "satisfaction", 14, 4.21, null),
                survey("P1", "2026-Q3", "recommend", 14, 8.1, 35.7),
                survey("P2", "2026-Q3", "satisfaction", 3, 1.67, null),
                survey("P2", "2026-Q3", "recommend", 3, 2.0, -66.7),
                survey("P3", "2026-Q3", "satisfaction", 9, 3.89, null),
                survey("P3", "2026-Q3", "recommend", 9, 7.0, 11.1),
                survey("ALL", "2026-Q3", "satisfaction", 26, 3.77, null),
                survey("ALL", "2026-Q3", "recommend", 26, 7.1, 15.4),
                survey("ALL", "2026-Q2", "recommend", 20, 6.9, 10.0)));
        mart(warehouse, Tables.MART_SURVEY_DISTRIBUTION, List.of(
                row(Tables.MART_SURVEY_DISTRIBUTION, "program_id", "P1", "survey_type", "pulse", "construct", "satisfaction",
                        "role", "mentee", "score", 4, "answers", 30L, "people", 14L),
                row(Tables.MART_SURVEY_DISTRIBUTION, "program_id", "P1", "survey_type", "pulse", "construct", "satisfaction",
                        "role", "mentee", "score", 5, "answers", 10L, "people", 14L)));
        mart(warehouse, Tables.MART_SURVEY_CHANGE, List.of(
                row(Tables.MART_SURVEY_CHANGE, "program_id", "ALL", "construct", "skill_confidence", "pairs", 21L,
                        "mean_change", 0.43, "change_lower", 0.21, "change_upper", 0.65, "t", 4.1, "p", 0.0005,
                        "effect_size", 0.9, "people", 21L),
                row(Tables.MART_SURVEY_CHANGE, "program_id", "P1", "construct", "skill_confidence", "pairs", 18L,
                        "mean_change", 0.38, "change_lower", 0.14, "change_upper", 0.62, "t", 3.3, "p", 0.004,
                        "effect_size", 0.78, "people", 18L),
                row(Tables.MART_SURVEY_CHANGE, "program_id", "P2", "construct", "skill_confidence", "pairs", 3L,
                        "mean_change", 0.73, "change_lower", -0.5, "change_upper", 1.9, "t", 2.5, "p", 0.13,
                        "effect_size", 1.4, "people", 3L)));
        mart(warehouse, Tables.MART_SOURCE_FRESHNESS, List.<Object[]>of(
                row(Tables.MART_SOURCE_FRESHNESS, "source", "sessions", "files_loaded", 3L, "files_rejected", 1L,
                        "rows_read", 120L, "rows_written", 113L, "rows_rejected", 7L, "last_loaded_at", 1_790_000_000_000_000L,
                        "latest_record_date", LocalDate.of(2026, 9, 28), "days_behind", 2, "files_removed", 1L,
                        "rows_retired", 0L)));
        mart(warehouse, Tables.MART_SESSION_SOURCES, List.of(
                row(Tables.MART_SESSION_SOURCES, "source", "landing", "sessions", 90L, "merged_duplicates", 0L),
                row(Tables.MART_SESSION_SOURCES, "source", "zoom", "sessions", 23L, "merged_duplicates", 11L)));
        mart(warehouse, Tables.MART_INGEST_REJECTS, List.of(
                row(Tables.MART_INGEST_REJECTS, "source", "sessions", "field", "match_id", "reason", "unknown_reference",
                        "rows", 4L, "files", 1L),
                row(Tables.MART_INGEST_REJECTS, "source", "sessions", "field", "logged_by", "reason", "unknown_reference",
                        "rows", 2L, "files", 1L),
                row(Tables.MART_INGEST_REJECTS, "source", "sessions", "field", "duration_minutes", "reason", "out_of_range",
                        "rows", 1L, "files", 1L)));
    }

    private static Object[] outcome(String kind, String scope, String role, long participants, long controls, double hr,
                                    double hrLower, double hrUpper, double retained, double retainedControls,
                                    double difference, double lower, double upper, double mdd) {
        return outcome(kind, scope, role, participants, controls, hr, hrLower, hrUpper, retained, retainedControls,
                difference, lower, upper, mdd, kind.equals("all") ? null : 0.05);
    }

    private static Object[] outcome(String kind, String scope, String role, long participants, long controls, double hr,
                                    double hrLower, double hrUpper, double retained, double retainedControls,
                                    double difference, double lower, double upper, double mdd, Double adjustedP) {
        return new Object[]{kind, scope, role, participants, 0L, controls, participants + controls, 10L, 40L, hr, hrLower,
                hrUpper, 0.02, 5.1, 0.024, participants, controls, retained, retainedControls, difference, lower, upper, mdd,
                0.1, 0.08, -0.02, 0.07, Math.log(hr), 0.2, null, adjustedP,
                kind.equals("all") ? null : 0.4, "estimate", 1.9, 1.2, 0L, null, null, null, null, null, null,
                (double) participants, (double) controls};
    }

    static void mart(Warehouse warehouse, TableContract table, List<Object[]> rows) throws IOException {
        Path folder = Path.of(warehouse.location(table));
        Files.createDirectories(folder);
        Schema schema = AvroSchemas.of(table);
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                new LocalOutputFile(folder.resolve("part-00000.parquet"))).withSchema(schema).build()) {
            for (Object[] row : rows) {
                GenericRecord record = new GenericData.Record(schema);
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i];
                    record.put(i, v instanceof LocalDate d ? (int) d.toEpochDay() : v);
                }
                writer.write(record);
            }
        }
    }
}
