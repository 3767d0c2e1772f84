package org.mentoringanalytics.jobs.surveys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;

class SurveyResultsTest {

    private static Object[] answer(String response, String type, String employee, String question, Integer score) {
        return new Object[]{response, "W1", type, "P1", employee, "mentee", t("2026-01-10T10:00:00Z"), question, score};
    }

    @Test
    void meansNpsAlphaDistributionAndPairedChange() {
        var questions = table(Tables.STG_SURVEY_QUESTIONS,
                new Object[]{"S1", "m", "skill", 1, 5, "a"}, new Object[]{"S2", "m", "skill", 1, 5, "b"},
                new Object[]{"R1", "m", "recommend", 0, 10, "c"});
        var responses = table(Tables.STG_SURVEY_RESPONSES,
                answer("B1", "baseline", "x", "S1", 2), answer("B1", "baseline", "x", "S2", 2),
                answer("B2", "baseline", "y", "S1", 3), answer("B2", "baseline", "y", "S2", 4),
                answer("B3", "baseline", "z", "S1", 1), answer("B3", "baseline", "z", "S2", null),
                answer("E1", "end_of_program", "x", "S1", 4), answer("E1", "end_of_program", "x", "S2", 4),
                answer("E2", "end_of_program", "y", "S1", 4), answer("E2", "end_of_program", "y", "S2", 5),
                answer("E1", "end_of_program", "x", "R1", 10), answer("E2", "end_of_program", "y", "R1", 6));
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "t", "x", t("2025-01-01T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "t", "y", t("2025-01-01T10:00:00Z"), null, null},
                new Object[]{"M3", "P1", "t", "z", t("2025-01-01T10:00:00Z"), null, null},
                new Object[]{"M4", "P1", "t", "w", t("2025-01-01T10:00:00Z"), null, null});

        SurveyResults.Marts marts = SurveyResults.compute(responses, questions, matches);

        Row baseline = marts.results().stream().filter(r -> r.get(1).equals("baseline")).findFirst().orElseThrow();
        // Construct scores: x 2, y 3.5, z 1 (its skipped item left out); mean 2.1667 of 3 respondents of 4 mentees.
        assertThat((Long) baseline.get(4)).isEqualTo(3L);
        assertThat((Double) baseline.get(5)).isEqualTo(0.75);
        assertThat((Double) baseline.get(7)).isCloseTo(2.1667, within(0.0001));
        // Alpha from the two complete responses (x, y): items (2,3) and (2,4), totals 4 and 7:
        // 2 * (1 - (0.5 + 2) / 4.5) = 0.8889.
        assertThat((Double) baseline.get(13)).isCloseTo(0.8889, within(0.0001));
        Row recommend = marts.results().stream().filter(r -> r.get(2).equals("recommend")).findFirst().orElseThrow();
        // One promoter, one detractor: NPS 0.
        assertThat((Double) recommend.get(10)).isEqualTo(0.0);
        assertThat(marts.distribution()).anyMatch(r -> r.get(2).equals("skill") && r.get(1).equals("baseline")
                && r.get(4).equals(2) && r.get(5).equals(2L));
        // Paired: x 2 -> 4, y 3.5 -> 4.5: changes 2 and 1, mean 1.5; z has no end survey.
        assertThat(marts.change()).extracting(r -> r.get(0)).containsExactly("ALL", "P1");
        Row change = marts.change().get(1);
        assertThat((Long) change.get(2)).isEqualTo(2L);
        assertThat((Double) change.get(3)).isEqualTo(1.5);
    }

    @Test
    void quarterlyResultsPerProgramAndForAllPrograms() {
        var questions = table(Tables.STG_SURVEY_QUESTIONS, new Object[]{"R1", "m", "recommend", 0, 10, "c"});
        var responses = table(Tables.STG_SURVEY_RESPONSES,
                new Object[]{"A1", "W1", "pulse", "P1", "x", "mentee", t("2026-03-31T23:00:00Z"), "R1", 10},
                new Object[]{"A2", "W1", "pulse", "P1", "y", "mentee", t("2026-04-01T00:30:00Z"), "R1", 9},
                new Object[]{"A3", "W1", "pulse", "P2", "z", "mentee", t("2026-05-10T10:00:00Z"), "R1", 3},
                new Object[]{"A4", "W1", "pulse", "P2", "w", "mentee", t("2026-06-30T10:00:00Z"), "R1", 8});
        var matches = table(Tables.STG_MATCHES);

        var quarterly = SurveyResults.compute(responses, questions, matches).quarterly();

        // Q1 holds only x; Q2 holds y (P1) and z, w (P2). All programs in Q2: 9, 3, 8 -> one promoter,
        // one detractor, one passive: NPS 0, mean 6.6667.
        Row q1 = quarterly.stream().filter(r -> r.get(0).equals("P1") && r.get(1).equals("2026-Q1")).findFirst().orElseThrow();
        assertThat((Long) q1.get(4)).isEqualTo(1L);
        Row all = quarterly.stream().filter(r -> r.get(0).equals("ALL") && r.get(1).equals("2026-Q2")).findFirst().orElseThrow();
        assertThat((Long) all.get(4)).isEqualTo(3L);
        assertThat((Double) all.get(5)).isCloseTo(6.6667, within(0.0001));
        assertThat((Double) all.get(8)).isEqualTo(0.0);
        Row p2 = quarterly.stream().filter(r -> r.get(0).equals("P2") && r.get(1).equals("2026-Q2")).findFirst().orElseThrow();
        // z detractor, w passive: NPS -50.
        assertThat((Double) p2.get(8)).isEqualTo(-50.0);
    }
}
