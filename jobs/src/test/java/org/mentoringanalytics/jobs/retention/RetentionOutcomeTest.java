package org.mentoringanalytics.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.SparkSchemas;

class RetentionOutcomeTest {

    private static final StructType SCHEMA = SparkSchemas.of(Tables.MART_RETENTION_OUTCOME);

    private static RetentionOutcome.Person person(String key, String participantKey, boolean participant, int days,
                                                  boolean exit, Integer retained, String department) {
        return new RetentionOutcome.Person("mentee", participant, key, participantKey, "career", department, "L2", 3.0,
                30.0, "woman", days, exit, retained, null);
    }

    private static Object field(Row row, String name) {
        return row.get(SCHEMA.fieldIndex(name));
    }

    @Test
    void noExitAmongParticipantsGivesNoHazardRatioButStillTheOtherFigures() {
        List<RetentionOutcome.Person> cohort = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cohort.add(person("p" + i, "p" + i, true, 400, false, 1, "Engineering"));
            cohort.add(person("c" + i, "p" + i, false, 100 + i * 50, i % 2 == 0, i % 2 == 0 ? 0 : 1, "Engineering"));
        }
        Row all = RetentionOutcome.outcomes("mentee", cohort, new long[]{0, 0}).get(0);
        assertThat(List.of(field(all, "participants"), field(all, "controls"), field(all, "participant_exits"),
                field(all, "control_exits"))).containsExactly(6L, 6L, 0L, 3L);
        assertThat(field(all, "hazard_ratio")).isNull();
        assertThat(field(all, "evidence")).isEqualTo("not_estimable");
        assertThat((String) field(all, "hazard_ratio_note")).contains("no voluntary exit among participants");
        assertThat(field(all, "logrank_chi2")).isNotNull();
        // 12-month retention 6/6 against 3/6.
        assertThat(field(all, "retention_12m_participants")).isEqualTo(1.0);
        assertThat(field(all, "retention_12m_controls")).isEqualTo(0.5);
    }

    /** 40 participants with 2 comparison colleagues each, mixed exits over two departments. */
    private static List<RetentionOutcome.Person> cohort() {
        List<RetentionOutcome.Person> cohort = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) {
            String department = i % 2 == 0 ? "Engineering" : "Sales";
            int days = 50 + random.nextInt(700);
            boolean exit = random.nextDouble() < 0.35;
            cohort.add(person("p" + i, "p" + i, true, days, exit, days >= 365 || !exit ? 1 : 0, department));
            for (int c = 0; c < 2; c++) {
                int cd = 50 + random.nextInt(700);
                boolean ce = random.nextDouble() < 0.5;
                // Colleagues are reused across participants: only 30 distinct people.
                cohort.add(person("c" + ((i * 2 + c) % 30), "p" + i, false, cd, ce, cd >= 365 || !ce ? 1 : 0, department));
            }
        }
        return cohort;
    }

    @Test
    void enteringEveryComparisonRowTwiceChangesNoEstimateAndShrinksNoInterval() {
        List<RetentionOutcome.Person> once = cohort();
        List<RetentionOutcome.Person> twice = new ArrayList<>(once);
        once.stream().filter(p -> !p.participant()).forEach(twice::add);
        Row a = RetentionOutcome.outcomes("mentee", once, new long[]{0, 0}).get(0);
        Row b = RetentionOutcome.outcomes("mentee", twice, new long[]{0, 0}).get(0);
        assertThat((Long) field(b, "controls")).isEqualTo(2 * (Long) field(a, "controls"));
        assertThat(field(a, "evidence")).isEqualTo("estimate");
        // Efron's tie handling sees each duplicated exit as two tied exits of half the weight, so the estimate
        // moves a little (R does the same: 0.9155 to 0.9034 on aml), but not the uncertainty.
        assertThat((Double) field(b, "log_hazard_ratio")).isCloseTo((Double) field(a, "log_hazard_ratio"), within(0.02));
        assertThat((Double) field(b, "log_hazard_ratio_se")).isGreaterThanOrEqualTo((Double) field(a, "log_hazard_ratio_se") * 0.995);
        assertThat((Double) field(b, "retention_12m_controls")).isCloseTo((Double) field(a, "retention_12m_controls"), within(1e-12));
        double widthA = (Double) field(a, "retention_12m_difference_upper") - (Double) field(a, "retention_12m_difference_lower");
        double widthB = (Double) field(b, "retention_12m_difference_upper") - (Double) field(b, "retention_12m_difference_lower");
        assertThat(widthB).isCloseTo(widthA, within(1e-9));
        assertThat((Double) field(b, "logrank_chi2")).isCloseTo((Double) field(a, "logrank_chi2"), within(0.05));
    }

    @Test
    void reusedColleaguesWidenTheIntervalAgainstCountingThemAsNewPeople() {
        List<RetentionOutcome.Person> reused = cohort();
        // The same rows, but every comparison row a different person.
        List<RetentionOutcome.Person> distinct = new ArrayList<>();
        int k = 0;
        for (RetentionOutcome.Person p : reused) {
            distinct.add(p.participant() ? p : person("new" + k++, p.participantKey(), false, p.timeDays(), p.exit(),
                    p.retained12(), p.department()));
        }
        Row a = RetentionOutcome.outcomes("mentee", reused, new long[]{0, 0}).get(0);
        Row b = RetentionOutcome.outcomes("mentee", distinct, new long[]{0, 0}).get(0);
        assertThat((Double) field(a, "effective_12m_controls")).isLessThan((Double) field(b, "effective_12m_controls"));
        assertThat((Long) field(a, "people")).isEqualTo(70L);
        assertThat((Long) field(b, "people")).isEqualTo(120L);
    }

    @Test
    void departmentsCarryAdjustedPValuesAndAHeterogeneityTest() {
        List<Row> rows = RetentionOutcome.outcomes("mentee", cohort(), new long[]{0, 0});
        List<Row> departments = rows.stream().filter(r -> field(r, "scope_kind").equals("department")).toList();
        assertThat(departments).hasSize(2);
        double p0 = (Double) field(departments.get(0), "hazard_ratio_p");
        double p1 = (Double) field(departments.get(1), "hazard_ratio_p");
        double adjusted0 = (Double) field(departments.get(0), "hazard_ratio_p_adjusted");
        // BH with two tests: the smaller p doubles, the larger stays (capped by monotonicity).
        assertThat(adjusted0).isCloseTo(p0 < p1 ? Math.min(2 * p0, p1) : p0, within(1e-12));
        assertThat(field(departments.get(0), "heterogeneity_p")).isEqualTo(field(departments.get(1), "heterogeneity_p"))
                .isNotNull();
        assertThat(field(rows.get(0), "hazard_ratio_p_adjusted")).isNull();
        assertThat((Double) field(rows.get(0), "e_value")).isGreaterThanOrEqualTo(1.0);
    }
}
