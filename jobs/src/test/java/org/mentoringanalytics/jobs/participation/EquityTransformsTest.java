package org.mentoringanalytics.jobs.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mentoringanalytics.jobs.Fixtures.d;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.ContractRow;
import org.mentoringanalytics.jobs.Fixtures;
import org.mentoringanalytics.jobs.SharedSpark;

class EquityTransformsTest {

    private static Object[] person(String key, String hire, String termination, String level, String gender) {
        return new Object[]{key, d(hire), termination == null ? null : d(termination), termination == null ? null : "voluntary",
                "Engineering", "London", level, null, gender, null, null};
    }

    private static List<Row> q1() {
        var employees = Fixtures.employee(
                person("A", "2020-01-01", null, "L3", "woman"),
                person("B", "2020-01-01", null, "L2", "woman"),
                person("C", "2020-01-01", "2026-02-10", "L2", "man"),
                person("D", "2026-02-15", null, "L1", "man"),
                person("E", "2020-01-01", null, "L1", " "),
                // Left before the quarter: not in its workforce.
                person("F", "2020-01-01", "2025-12-01", "L1", "man"));
        // A was L2 until June 2026: L2 at the end of 2026-Q1.
        var jobChanges = table(Tables.STG_JOB_CHANGES, new Object[]{"A", d("2026-06-01"), "promotion", "L2", "L3"});
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P1", "B", "mentee", t("2026-01-05T09:00:00Z")},
                new Object[]{"P1", "C", "mentee", t("2026-01-06T09:00:00Z")},
                new Object[]{"P1", "E", "mentee", t("2025-06-01T09:00:00Z")},
                // More than 12 months before the quarter's end: not counted as asking.
                new Object[]{"P2", "D", "mentee", t("2025-03-01T09:00:00Z")},
                new Object[]{"P1", "A", "mentor", t("2026-01-05T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "A", "B", t("2026-01-15T10:00:00Z"), null, null},
                new Object[]{"M0", "P2", "B", "E", t("2025-01-15T10:00:00Z"), t("2025-06-30T10:00:00Z"), "completed"});
        return EquityTransforms.equity(SharedSpark.get(), Fixtures.programs(), enrollments, matches, employees, jobChanges,
                LocalDate.of(2026, 3, 31)).where("quarter = '2026-Q1'").orderBy("dimension", "value", "role").collectAsList();
    }

    private static Row row(List<Row> rows, String dimension, String value, String role) {
        return rows.stream().filter(r -> r.getAs("dimension").equals(dimension) && r.getAs("value").equals(value)
                && r.getAs("role").equals(role)).findFirst().orElseThrow();
    }

    @Test
    void sharesRatesAndMatchingPerGroup() {
        List<Row> rows = q1();
        // Workforce of 2026-Q1: A, B, C (left in February), D (joined in February), E.
        Row women = row(rows, "gender", "woman", "mentee");
        assertThat((Long) women.getAs("workforce")).isEqualTo(2L);
        assertThat((Double) women.getAs("workforce_share")).isEqualTo(0.4);
        assertThat((Long) women.getAs("participants")).isEqualTo(1L);
        assertThat((Double) women.getAs("participant_share")).isEqualTo(1.0);
        assertThat((Double) women.getAs("participation_rate")).isEqualTo(0.5);
        assertThat((Double) women.getAs("representation")).isEqualTo(2.5);
        assertThat((Long) women.getAs("mentees_enrolled")).isEqualTo(1L);
        assertThat((Double) women.getAs("match_rate")).isEqualTo(1.0);
        assertThat((Long) women.getAs("people")).isEqualTo(1L);
        // Wilson interval of 1 in 2.
        assertThat((Double) women.getAs("participation_rate_lower")).isCloseTo(0.0945, within(1e-4));
        assertThat((Double) women.getAs("participation_rate_upper")).isCloseTo(0.9055, within(1e-4));

        Row men = row(rows, "gender", "man", "mentee");
        assertThat((Long) men.getAs("workforce")).isEqualTo(2L);
        assertThat((Long) men.getAs("participants")).isEqualTo(0L);
        assertThat((Long) men.getAs("mentees_enrolled")).isEqualTo(1L);
        assertThat((Long) men.getAs("mentees_matched")).isEqualTo(0L);
        assertThat((Double) men.getAs("match_rate")).isEqualTo(0.0);
        // E's match ended in 2025: enrolled within the 12 months, not taking part in the quarter.
        Row unstated = row(rows, "gender", EquityTransforms.NOT_STATED, "mentee");
        assertThat((Long) unstated.getAs("workforce")).isEqualTo(1L);
        assertThat((Long) unstated.getAs("participants")).isEqualTo(0L);
        assertThat((Long) unstated.getAs("mentees_enrolled")).isEqualTo(1L);

        Row mentorWomen = row(rows, "gender", "woman", "mentor");
        assertThat((Long) mentorWomen.getAs("participants")).isEqualTo(1L);
        assertThat((Object) mentorWomen.getAs("mentees_enrolled")).isNull();
        assertThat((Object) mentorWomen.getAs("match_rate")).isNull();

        // Level at the quarter's end, not at extraction: A counts as L2.
        assertThat((Long) row(rows, "job_level", "L2", "mentee").getAs("workforce")).isEqualTo(3L);
        assertThat((Long) row(rows, "job_level", "L1", "mentee").getAs("workforce")).isEqualTo(2L);
    }

    @Test
    void aDimensionNobodyStatesIsLeftOut() {
        List<Row> rows = q1();
        assertThat(rows).extracting(r -> (String) r.getAs("dimension")).doesNotContain("ethnicity");
        assertThat(rows.stream().filter(r -> r.getAs("dimension").equals("job_level")).map(r -> (String) r.getAs("value"))
                .distinct()).containsExactlyInAnyOrder("L1", "L2");
    }

    @Test
    void independenceTestMatchesThePearsonStatistic() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("workforce", DataTypes.LongType, false),
                DataTypes.createStructField("mentee", DataTypes.LongType, false)));
        List<Row> groups = List.of(row(schema, 100, 30), row(schema, 80, 12), row(schema, 60, 18));
        // Pearson X^2 = 6.4 on 2 df, where p = exp(-X^2 / 2) exactly.
        assertThat(EquityTransforms.independenceP(groups, "mentee")).isCloseTo(Math.exp(-3.2), within(1e-12));
        // Groups with an expected count under 5 are pooled: 12 and 8 people, 3 and 2 taking part, become
        // one group of 20 with 5, which gives the same table as above's first two rows scaled.
        assertThat(EquityTransforms.independenceP(List.of(row(schema, 100, 30), row(schema, 80, 12), row(schema, 60, 18),
                row(schema, 12, 3), row(schema, 8, 2)), "mentee"))
                // scipy.stats.chi2_contingency([[30,70],[12,68],[18,42],[5,15]], correction=False)
                .isCloseTo(0.09369079040763002, within(1e-12));
        // The pool still too small: left out, and one group is no test.
        assertThat(EquityTransforms.independenceP(List.of(row(schema, 100, 25), row(schema, 10, 3)), "mentee")).isNull();
        assertThat(EquityTransforms.independenceP(List.of(row(schema, 100, 25)), "mentee")).isNull();
    }

    private static Row row(StructType schema, long workforce, long mentees) {
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[]{workforce, mentees}, schema);
    }

    @Test
    void contractRowsAreBuiltByName() {
        assertThatThrownBy(() -> ContractRow.of(Tables.MART_PARTICIPATION_EQUITY).set("quarterr", "2026-Q1"))
                .hasMessageContaining("has no column quarterr");
        assertThatThrownBy(() -> ContractRow.of(Tables.MART_PARTICIPATION_EQUITY).set("quarter", "2026-Q1").toRow())
                .hasMessageContaining("dimension is required but not set");
    }
}
