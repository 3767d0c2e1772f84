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
        Dataset<Row> gaps = EngagementDetail.sessionGaps(monthly, sessions(), AS_OF);
        Row january = EngagementDetail.rollup(monthly, matches(), gaps, "program_type")
                .where("value = 'career' and month = DATE'2026-01-01'").first();
        assertThat((Long) january.getAs("live_matches")).isEqualTo(1L);
        assertThat((Double) january.getAs("async_share")).isEqualTo(0.5);
        // S1 -> S2: 5 days.
        assertThat((Double) january.getAs("median_gap_days")).isEqualTo(5.0);
        Row february = EngagementDetail.rollup(monthly, matches(), gaps, "program")
                .where("value = 'P2' and month = DATE'2026-02-01'").first();
        assertThat((Double) february.getAs("sessions_per_active_match")).isEqualTo(2.0);
        assertThat((Double) february.getAs("video_share")).isEqualTo(0.5);
        assertThat((Long) february.getAs("people")).isEqualTo(3L);

        // On 20 April only M2 is live, last touched 59 days earlier: at risk.
        List<Row> health = EngagementDetail.health(Fixtures.programs(), matches(), sessions(), AS_OF).collectAsList();
        assertThat(health).extracting(r -> List.<Object>of(r.getAs("program_id"), r.getAs("health"), r.getAs("matches"),
                r.getAs("people"))).containsExactly(List.of("P2", "at_risk", 1L, 3L));
    }

    /**
     * The roll-up's median gap, taken from per-day gap counts, equals the median of the gaps between
     * the sessions themselves (ordered by day, then session id), computed here without Spark, for
     * matches with several sessions on one day.
     */
    @Test
    void medianGapsFromSessionDaysEqualTheGapsBetweenSessions() {
        java.util.Random random = new java.util.Random(13);
        List<Object[]> matchRows = new java.util.ArrayList<>();
        List<Object[]> sessionRows = new java.util.ArrayList<>();
        List<Object[]> people = new java.util.ArrayList<>();
        // program -> month -> gaps
        java.util.Map<String, java.util.Map<String, List<Integer>>> expected = new java.util.TreeMap<>();
        for (int m = 0; m < 12; m++) {
            String program = m % 2 == 0 ? "P1" : "P2";
            String mentee = "E" + m;
            matchRows.add(new Object[]{"M" + m, program, "R" + m, mentee, t("2025-12-01T09:00:00Z"), null, null});
            people.add(person(mentee, "2020-01-01", null, null));
            List<String[]> own = new java.util.ArrayList<>();
            int count = 3 + random.nextInt(25);
            for (int s = 0; s < count; s++) {
                String day = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(100)).toString();
                String time = String.format("%02d:%02d:00Z", random.nextInt(24), random.nextInt(60));
                String id = String.format("S%02d-%03d", m, random.nextInt(1000));
                if (own.stream().anyMatch(o -> o[0].equals(id))) {
                    continue;
                }
                own.add(new String[]{id, day});
                sessionRows.add(new Object[]{id, "M" + m, t(day + "T" + time), 30, "video", "sync", mentee});
            }
            own.sort(java.util.Comparator.<String[], String>comparing(o -> o[1]).thenComparing(o -> o[0]));
            for (int s = 1; s < own.size(); s++) {
                LocalDate day = LocalDate.parse(own.get(s)[1]);
                int gap = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(own.get(s - 1)[1]), day);
                expected.computeIfAbsent(program, k -> new java.util.TreeMap<>())
                        .computeIfAbsent(day.withDayOfMonth(1).toString(), k -> new java.util.ArrayList<>()).add(gap);
            }
        }
        Dataset<Row> matches = table(Tables.STG_MATCHES, matchRows.toArray(Object[][]::new));
        Dataset<Row> sessions = table(Tables.STG_SESSIONS, sessionRows.toArray(Object[][]::new));
        Dataset<Row> monthly = EngagementDetail.matchMonthly(Fixtures.programs(), matches, sessions,
                Fixtures.employee(people.toArray(Object[][]::new)), AS_OF);
        java.util.Map<String, java.util.Map<String, Double>> medians = new java.util.TreeMap<>();
        for (Row r : EngagementDetail.rollup(monthly, matches, EngagementDetail.sessionGaps(monthly, sessions, AS_OF),
                "program").collectAsList()) {
            if (r.getAs("median_gap_days") != null) {
                medians.computeIfAbsent(r.getAs("value"), k -> new java.util.TreeMap<>())
                        .put(r.getAs("month").toString(), r.getAs("median_gap_days"));
            }
        }
        java.util.Map<String, java.util.Map<String, Double>> want = new java.util.TreeMap<>();
        expected.forEach((program, months) -> months.forEach((month, gaps) -> {
            List<Integer> sorted = gaps.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            want.computeIfAbsent(program, k -> new java.util.TreeMap<>()).put(month, median);
        }));
        assertThat(expected.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                .filter(g -> g == 0).count()).as("same-day sessions in the data").isGreaterThan(5);
        assertThat(medians).isEqualTo(want);
    }
}
