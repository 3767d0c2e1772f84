package org.mentoringanalytics.jobs.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.person;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.Fixtures;

class EngagementDetailTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 4, 20);

    private static Dataset<Row> matches() {
        return table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), t("2026-03-10T10:00:00Z"), "completed"},
                new Object[]{"M2", "P2", "C", "D", t("2026-02-01T10:00:00Z"), null, null},
                new Object[]{"M2", "P2", "C", "E", t("2026-02-01T10:00:00Z"), null, null});
    }

    private static Dataset<Row> sessions() {
        return table(Tables.STG_SESSIONS,
                new Object[]{"S1", "M1", t("2026-01-20T10:00:00Z"), 30, "video", "sync", "A"},
                new Object[]{"S2", "M1", t("2026-01-25T10:00:00Z"), 0, "chat", "async", "B"},
                new Object[]{"S3", "M1", t("2026-03-05T10:00:00Z"), 10, "email", "async", "B"},
                new Object[]{"S4", "M2", t("2026-02-10T10:00:00Z"), 60, "video", "sync", "C"},
                new Object[]{"S5", "M2", t("2026-02-20T10:00:00Z"), 45, "phone", "sync", "C"});
    }

    private static Dataset<Row> employees() {
        return Fixtures.employee(person("B", "2020-01-01", null, null), person("D", "2020-01-01", null, null),
                person("E", "2020-01-01", null, null));
    }

    @Test
    void matchMonthsCarryChannelsAsyncActivityAndDaysSinceTheLastTouch() {
        List<Row> rows = EngagementDetail.matchMonthly(Fixtures.programs(), matches(), sessions(), employees(), AS_OF)
                .orderBy("match_id", "month").collectAsList();
        // match, month, sessions, video, chat, email, phone, async, active, days since last touch, people
        assertThat(rows).extracting(r -> List.<Object>of(r.getAs("match_id"), r.getAs("month").toString(),
                        r.getAs("sessions"), r.getAs("video_sessions"), r.getAs("chat_sessions"), r.getAs("email_sessions"),
                        r.getAs("phone_sessions"),
                        r.getAs("async_sessions"), r.getAs("active"), r.getAs("days_since_last_touch"), r.getAs("people")))
                .containsExactly(
                        List.of("M1", "2026-01-01", 2L, 1L, 1L, 0L, 0L, 1L, true, 6, 2L),
                        // February: no session; the last touch is 25 January, 34 days before 28 February.
                        List.of("M1", "2026-02-01", 0L, 0L, 0L, 0L, 0L, 0L, false, 34, 2L),
                        List.of("M1", "2026-03-01", 1L, 0L, 0L, 1L, 0L, 1L, true, 26, 2L),
                        List.of("M2", "2026-02-01", 2L, 1L, 0L, 0L, 1L, 0L, true, 8, 3L),
                        List.of("M2", "2026-03-01", 0L, 0L, 0L, 0L, 0L, 0L, false, 39, 3L),
                        // April runs to the as-of date, 20 April: 59 days since 20 February.
                        List.of("M2", "2026-04-01", 0L, 0L, 0L, 0L, 0L, 0L, false, 59, 3L));
    }

    @Test
    void rollupsAndHealth() {
        Dataset<Row> monthly = EngagementDetail.matchMonthly(Fixtures.programs(), matches(), sessions(), employees(), AS_OF);
        Row january = EngagementDetail.rollup(monthly, matches(), sessions(), AS_OF, "program_type")
                .where("value = 'career' and month = DATE'2026-01-01'").first();
        assertThat((Long) january.getAs("live_matches")).isEqualTo(1L);
        assertThat((Double) january.getAs("async_share")).isEqualTo(0.5);
        // S1 -> S2: 5 days.
        assertThat((Double) january.getAs("median_gap_days")).isEqualTo(5.0);
        Row february = EngagementDetail.rollup(monthly, matches(), sessions(), AS_OF, "program")
                .where("value = 'P2' and month = DATE'2026-02-01'").first();
        assertThat((Double) february.getAs("sessions_per_active_match")).isEqualTo(2.0);
        assertThat((Double) february.getAs("video_share")).isEqualTo(0.5);
        assertThat((Long) february.getAs("people")).isEqualTo(3L);

        // On 20 April only M2 is live, last touched 59 days earlier: at risk.
        List<Row> health = EngagementDetail.health(Fixtures.programs(), matches(), sessions(), AS_OF).collectAsList();
        assertThat(health).extracting(r -> List.<Object>of(r.getAs("program_id"), r.getAs("health"), r.getAs("matches"),
                r.getAs("people"))).containsExactly(List.of("P2", "at_risk", 1L, 3L));
    }
}
