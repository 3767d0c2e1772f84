package org.mentoringanalytics.jobs.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.Fixtures;

class EngagementTransformsTest {

    @Test
    void countsLiveAndActiveMatchesSessionsAndPeoplePerMonth() {
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), t("2026-03-10T10:00:00Z"), "completed"},
                new Object[]{"M2", "P1", "C", "D", t("2026-02-01T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "C", "E", t("2026-02-01T10:00:00Z"), null, null});
        var sessions = table(Tables.STG_SESSIONS,
                new Object[]{"S1", "M1", t("2026-01-20T10:00:00Z"), 30, "video", "sync", "A"},
                new Object[]{"S2", "M1", t("2026-01-25T10:00:00Z"), 20, "phone", "sync", "B"},
                new Object[]{"S3", "M1", t("2026-03-05T10:00:00Z"), 10, "chat", "async", "B"},
                new Object[]{"S4", "M2", t("2026-02-10T10:00:00Z"), 60, "video", "sync", "C"},
                new Object[]{"S5", "M2", t("2026-04-01T10:00:00Z"), 15, "video", "sync", "C"},
                new Object[]{"S6", "M2", t("2026-04-30T10:00:00Z"), 99, "video", "sync", "C"});

        List<Row> rows = EngagementTransforms.programMonthly(Fixtures.programs(), matches, sessions,
                LocalDate.of(2026, 4, 20)).collectAsList();

        // month, live, active, sessions, minutes, people, sessions per active match
        assertThat(rows).extracting(r -> List.<Object>of(r.getAs("month").toString(), r.getAs("live_matches"),
                        r.getAs("active_matches"), r.getAs("sessions"), r.getAs("minutes"), r.getAs("people"),
                        r.getAs("sessions_per_active_match")))
                .containsExactly(
                        List.<Object>of("2026-01-01", 1L, 1L, 2L, 50L, 2L, 2.0),
                        List.<Object>of("2026-02-01", 2L, 1L, 1L, 60L, 5L, 1.0),
                        List.<Object>of("2026-03-01", 2L, 1L, 1L, 10L, 5L, 1.0),
                        List.<Object>of("2026-04-01", 1L, 1L, 1L, 15L, 3L, 1.0));
        assertThat(rows).allMatch(r -> r.getAs("program_name").equals("Career Compass"));
    }

    @Test
    void aMonthWithoutLiveMatchesIsZeroNotMissing() {
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), t("2026-01-30T10:00:00Z"), "withdrawn"});
        var sessions = table(Tables.STG_SESSIONS);

        List<Row> rows = EngagementTransforms.programMonthly(Fixtures.programs(), matches, sessions,
                LocalDate.of(2026, 3, 1)).collectAsList();

        assertThat(rows).extracting(r -> List.<Object>of(r.getAs("month").toString(), r.getAs("live_matches"),
                        r.getAs("active_matches")))
                .containsExactly(List.<Object>of("2026-01-01", 1L, 0L), List.<Object>of("2026-02-01", 0L, 0L), List.<Object>of("2026-03-01", 0L, 0L));
        assertThat(rows).allMatch(r -> r.isNullAt(r.fieldIndex("sessions_per_active_match")));
    }
}
