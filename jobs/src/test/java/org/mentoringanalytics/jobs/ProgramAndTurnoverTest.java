package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.d;
import static org.mentoringanalytics.jobs.Fixtures.person;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.turnover.TurnoverTransforms;
import org.mentoringanalytics.jobs.participation.ParticipationTransforms;
import org.mentoringanalytics.jobs.goals.GoalsTransforms;

class ProgramAndTurnoverTest {

    private static Dataset<Row> employees() {
        return Fixtures.employee(
                person("A", "2020-01-01", null, null),
                person("B", "2020-01-01", null, null),
                person("C", "2020-01-01", "2026-02-10", "voluntary"),
                person("D", "2026-02-15", null, null));
    }

    @Test
    void participationAndMatchingPerQuarter() {
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P1", "B", "mentee", t("2026-01-05T09:00:00Z")},
                new Object[]{"P1", "C", "mentee", t("2026-01-06T09:00:00Z")},
                new Object[]{"P1", "A", "mentor", t("2026-01-05T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null});
        Row q1 = ParticipationTransforms.participationQuarterly(Fixtures.programs(), enrollments, matches, employees(),
                LocalDate.of(2026, 3, 31)).where("program_id = 'P1' and quarter = '2026-Q1'").first();
        assertThat((Long) q1.getAs("mentees_enrolled")).isEqualTo(2L);
        assertThat((Long) q1.getAs("mentors_enrolled")).isEqualTo(1L);
        assertThat((Long) q1.getAs("mentees_matched")).isEqualTo(1L);
        assertThat((Double) q1.getAs("match_rate")).isEqualTo(0.5);
        assertThat((Double) q1.getAs("median_days_to_match")).isEqualTo(10.0);
        assertThat((Long) q1.getAs("participants")).isEqualTo(2L);
        // Employed on 1 January: A, B, C; on 31 March: A, B, D. Average 3.
        assertThat((Double) q1.getAs("average_headcount")).isEqualTo(3.0);
        assertThat((Double) q1.getAs("participation_rate")).isEqualTo(2 / 3.0);
    }

    @Test
    void goalsCompletionAndOverdue() {
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "A", "C", t("2026-01-15T10:00:00Z"), null, null});
        var goals = table(Tables.STG_GOALS,
                new Object[]{"G1", "M1", t("2026-01-20T10:00:00Z"), "skill", d("2026-03-01"), "completed", t("2026-02-19T10:00:00Z")},
                new Object[]{"G2", "M1", t("2026-01-20T10:00:00Z"), "career", d("2026-02-01"), "open", null},
                new Object[]{"G3", "M1", t("2026-01-20T10:00:00Z"), "career", d("2026-12-01"), "open", null});
        var matchesBoth = matches.union(table(Tables.STG_MATCHES,
                new Object[]{"M3", "P2", "D", "E", t("2026-02-01T10:00:00Z"), null, null}));
        var goalsBoth = goals.union(table(Tables.STG_GOALS,
                new Object[]{"G4", "M3", t("2026-02-01T10:00:00Z"), "skill", d("2026-03-01"), "completed", t("2026-02-11T10:00:00Z")},
                new Object[]{"G5", "M3", t("2026-02-01T10:00:00Z"), "skill", d("2026-03-01"), "completed", t("2026-02-06T10:00:00Z")}));
        List<Row> rows = GoalsTransforms.goals(Fixtures.programs(), matchesBoth, goalsBoth, LocalDate.of(2026, 3, 31))
                .orderBy("program_id").collectAsList();
        assertThat(rows).extracting(r -> (String) r.getAs("program_id")).containsExactly("ALL", "P1", "P2");
        Row p1 = rows.get(1);
        // All programs: goals completed after 30, 10 and 5 days; the median of all of them is 10, which
        // neither program's median (30 and 7.5) nor their mean gives.
        Row all = rows.get(0);
        assertThat((String) all.getAs("program_name")).isEqualTo("All programs");
        assertThat((Double) all.getAs("median_days_to_complete")).isEqualTo(10.0);
        assertThat((Double) rows.get(2).getAs("median_days_to_complete")).isEqualTo(7.5);
        assertThat((Long) all.getAs("matches")).isEqualTo(3L);
        assertThat((Long) all.getAs("people")).isEqualTo(5L);
        assertThat((Long) all.getAs("goals")).isEqualTo(5L);
        assertThat((Long) p1.getAs("matches")).isEqualTo(2L);
        assertThat((Long) p1.getAs("matches_with_goal")).isEqualTo(1L);
        assertThat((Double) p1.getAs("goal_share")).isEqualTo(0.5);
        assertThat((Long) p1.getAs("completed")).isEqualTo(1L);
        assertThat((Double) p1.getAs("completion_rate")).isEqualTo(1 / 3.0);
        assertThat((Double) p1.getAs("median_days_to_complete")).isEqualTo(30.0);
        assertThat((Long) p1.getAs("overdue")).isEqualTo(1L);
    }

    @Test
    void participationForAllProgramsCountsAPersonOnce() {
        // A mentors in both programs: 3 participations, 2 people.
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null},
                new Object[]{"M2", "P2", "A", "D", t("2026-02-20T10:00:00Z"), null, null});
        List<Row> q1 = ParticipationTransforms.participationQuarterlyWithAll(Fixtures.programs(), table(Tables.STG_ENROLLMENTS),
                matches, employees(), LocalDate.of(2026, 3, 31)).where("quarter = '2026-Q1'").orderBy("program_id").collectAsList();
        assertThat(q1).extracting(r -> (String) r.getAs("program_id")).containsExactly("ALL", "P1", "P2");
        assertThat((Long) q1.get(0).getAs("participants")).isEqualTo(3L);
        assertThat((String) q1.get(0).getAs("program_name")).isEqualTo("All programs");
        assertThat((Long) q1.get(1).getAs("participants")).isEqualTo(2L);
        assertThat((Long) q1.get(2).getAs("participants")).isEqualTo(2L);
    }

    @Test
    void theAllRowAgreesWithTheProgramRowsWhenNobodyIsInTwoProgramsAtOnce() {
        // B was matched in P2 last year and enrols in P1 this quarter; C re-enrols in P1 for a second
        // cohort. Each enrolment is matched by a match in its own program after it: the ALL row must
        // count the same 3 of 4 matched as the program rows, not compare with B's first match anywhere.
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P2", "B", "mentee", t("2025-02-01T09:00:00Z")},
                new Object[]{"P1", "B", "mentee", t("2026-01-05T09:00:00Z")},
                new Object[]{"P1", "C", "mentee", t("2025-01-05T09:00:00Z")},
                new Object[]{"P1", "C", "mentee", t("2026-01-06T09:00:00Z")},
                new Object[]{"P2", "D", "mentee", t("2026-02-16T09:00:00Z")},
                new Object[]{"P2", "E", "mentee", t("2026-02-16T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M0", "P2", "A", "B", t("2025-02-10T10:00:00Z"), t("2025-09-01T10:00:00Z"), "completed"},
                new Object[]{"M9", "P1", "A", "C", t("2025-01-20T10:00:00Z"), t("2025-09-01T10:00:00Z"), "completed"},
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "A", "C", t("2026-01-20T10:00:00Z"), null, null},
                new Object[]{"M3", "P2", "A", "D", t("2026-02-20T10:00:00Z"), null, null});
        List<Row> q1 = ParticipationTransforms.participationQuarterlyWithAll(Fixtures.programs(), enrollments, matches,
                employees(), LocalDate.of(2026, 3, 31)).where("quarter = '2026-Q1'").orderBy("program_id").collectAsList();
        assertThat(q1).extracting(r -> (String) r.getAs("program_id")).containsExactly("ALL", "P1", "P2");
        assertThat(q1).extracting(r -> (Long) r.getAs("mentees_enrolled")).containsExactly(4L, 2L, 2L);
        assertThat(q1).extracting(r -> (Long) r.getAs("mentees_matched")).containsExactly(3L, 2L, 1L);
        assertThat((Double) q1.get(0).getAs("match_rate")).isEqualTo(0.75);
        // Days to match: B 10, C 14, D 4; the ALL median is the median of the same three.
        assertThat((Double) q1.get(0).getAs("median_days_to_match")).isEqualTo(10.0);
    }

    @Test
    void goalsSetAndCompletedByEachQuarterEnd() {
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null},
                // A group match: M1's goals are the group's, counted once however many mentees share them.
                new Object[]{"M1", "P1", "A", "D", t("2026-01-15T10:00:00Z"), null, null},
                new Object[]{"M2", "P2", "A", "C", t("2026-01-15T10:00:00Z"), null, null});
        var goals = table(Tables.STG_GOALS,
                new Object[]{"G1", "M1", t("2026-01-20T10:00:00Z"), "skill", null, "completed", t("2026-04-19T10:00:00Z")},
                new Object[]{"G2", "M1", t("2026-02-20T10:00:00Z"), "career", null, "completed", t("2026-03-01T10:00:00Z")},
                new Object[]{"G3", "M2", t("2026-05-20T10:00:00Z"), "career", null, "open", null},
                new Object[]{"G4", "M2", t("2026-05-21T10:00:00Z"), "career", null, "completed", t("2026-07-02T10:00:00Z")});
        List<Row> rows = GoalsTransforms.goalsQuarterly(Fixtures.programs(), matches, goals, LocalDate.of(2026, 6, 30))
                .where("quarter in ('2026-Q1', '2026-Q2')").orderBy("program_id", "quarter").collectAsList();
        // ALL Q1: G1, G2 set, G2 done; ALL Q2: 4 set, G1 and G2 done (G4's completion is after the as-of date).
        Row allQ1 = rows.get(0);
        assertThat((Long) allQ1.getAs("goals_set")).isEqualTo(2L);
        assertThat((Long) allQ1.getAs("goals_completed")).isEqualTo(1L);
        assertThat((Double) allQ1.getAs("completion_rate")).isEqualTo(0.5);
        Row allQ2 = rows.get(1);
        assertThat((Long) allQ2.getAs("goals_set")).isEqualTo(4L);
        assertThat((Long) allQ2.getAs("goals_completed")).isEqualTo(2L);
        assertThat((Long) allQ2.getAs("set_in_quarter")).isEqualTo(2L);
        assertThat((Long) allQ2.getAs("completed_in_quarter")).isEqualTo(1L);
        assertThat((Long) allQ2.getAs("people")).isEqualTo(4L);
        Row p1q1 = rows.get(2);
        assertThat((String) p1q1.getAs("program_id")).isEqualTo("P1");
        assertThat((Long) p1q1.getAs("goals_set")).isEqualTo(2L);
        assertThat((Long) p1q1.getAs("set_in_quarter")).isEqualTo(2L);
        assertThat((Long) p1q1.getAs("completed_in_quarter")).isEqualTo(1L);
        assertThat((Long) p1q1.getAs("people")).isEqualTo(3L);
        Row p2q1 = rows.get(4);
        assertThat((String) p2q1.getAs("program_id")).isEqualTo("P2");
        assertThat((Long) p2q1.getAs("goals_set")).isZero();
        assertThat((Object) p2q1.getAs("completion_rate")).isNull();
    }

    @Test
    void shrmTurnoverForFebruary() {
        var enrollments = table(Tables.STG_ENROLLMENTS, new Object[]{"P1", "B", "mentee", t("2026-01-05T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES);
        List<Row> february = TurnoverTransforms.monthly(employees(), enrollments, matches, LocalDate.of(2026, 3, 31))
                .where("month = DATE'2026-02-01'").orderBy("group_name").collectAsList();
        // All: A, B, C on 1 February; A, B, D on 28 February; C left voluntarily: 1 / 3 x 100.
        Row all = february.get(0);
        assertThat((String) all.getAs("group_name")).isEqualTo("all");
        assertThat((Long) all.getAs("headcount_start")).isEqualTo(3L);
        assertThat((Long) all.getAs("headcount_end")).isEqualTo(3L);
        assertThat((Long) all.getAs("voluntary_exits")).isEqualTo(1L);
        assertThat((Double) all.getAs("voluntary_rate")).isCloseTo(33.333, org.assertj.core.api.Assertions.within(0.001));
        // B enrolled in January, so counts as a participant in February: none of them left.
        Row participants = february.get(2);
        assertThat((String) participants.getAs("group_name")).isEqualTo("participants");
        assertThat((Long) participants.getAs("headcount_start")).isEqualTo(1L);
        assertThat((Double) participants.getAs("voluntary_rate")).isEqualTo(0.0);
        // March 2025 to February 2026: the only exit is C's, so the annual rate is February's.
        assertThat((Double) all.getAs("annualized_voluntary_rate")).isCloseTo(33.333, org.assertj.core.api.Assertions.within(0.001));
    }
}
