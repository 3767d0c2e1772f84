package org.mentoringanalytics.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.person;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.Fixtures;

class OutcomeCohortsTest {

    @Test
    void matchesOnDepartmentLevelAndTenureAmongColleaguesNotYetTakingPart() {
        Object[] sales = person("s1", "2021-01-01", null, null);
        sales[4] = "Sales";
        Object[] senior = person("l4", "2021-01-01", null, null);
        senior[6] = "L4";
        var employees = Fixtures.employee(
                person("m1", "2021-01-01", "2025-06-01", "voluntary"),
                person("c1", "2021-02-01", null, null),
                person("c2", "2020-09-01", "2024-12-01", "voluntary"),
                person("c3", "2021-03-01", "2024-06-01", "involuntary"),
                person("late", "2021-01-01", null, null),
                person("new", "2024-01-01", null, null),
                sales, senior);
        var jobChanges = table(Tables.STG_JOB_CHANGES);
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P1", "late", "mentee", t("2024-09-01T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "t1", "m1", t("2024-03-01T10:00:00Z"), null, null});

        List<Row> cohort = OutcomeCohorts.build(employees, jobChanges, Fixtures.programs(), enrollments, matches,
                LocalDate.of(2025, 12, 31), "mentee", 5).orderBy("group_name", "person_key").collectAsList();

        // Comparable on 1 March 2024: Engineering, L2, 3-5 years of tenure, employed, not yet taking part.
        // "new" has under a year, "s1" is in Sales, "l4" is L4; "late" joins a program later and is censored then.
        assertThat(cohort).extracting(r -> List.<Object>of(r.getAs("group_name"), r.getAs("person_key"),
                        r.getAs("time_days"), r.getAs("voluntary_exit"), String.valueOf(r.<Object>getAs("retained_12m"))))
                .containsExactly(
                        List.of("comparison", "c1", 670, false, "1"),
                        List.of("comparison", "c2", 275, true, "0"),
                        // Involuntary exit within the year: censored, 12-month outcome unknown.
                        List.of("comparison", "c3", 92, false, "null"),
                        List.of("comparison", "late", 184, false, "null"),
                        List.of("participant", "m1", 457, true, "1"));
        assertThat(cohort).allMatch(r -> r.<String>getAs("participant_key").equals("m1"));
        assertThat(cohort.get(0).<String>getAs("tenure_band")).isEqualTo("3-5y");
    }

    @Test
    void levelOnADayComesFromTheFirstLaterChange() {
        var employees = Fixtures.employee(person("a", "2020-01-01", null, null));
        var changes = table(Tables.STG_JOB_CHANGES,
                new Object[]{"a", Fixtures.d("2023-01-01"), "promotion", "L1", "L2"});
        var dated = employees.withColumn("day", org.apache.spark.sql.functions.expr("DATE'2022-06-01'"));
        Row before = OutcomeCohorts.attributesAt(dated, changes, org.apache.spark.sql.functions.col("day")).first();
        assertThat((String) before.getAs("job_level")).isEqualTo("L1");
        var later = employees.withColumn("day", org.apache.spark.sql.functions.expr("DATE'2024-06-01'"));
        assertThat((String) OutcomeCohorts.attributesAt(later, changes, org.apache.spark.sql.functions.col("day"))
                .first().getAs("job_level")).isEqualTo("L2");
    }

    @Test
    void bothRolesInOnePlanEqualEachRoleOnItsOwn() {
        // Several people in both roles, with the same or different first days, and one promoted between,
        // so a step that mixed the roles (a window, a join or the promotion flag) would change rows.
        var employees = Fixtures.employee(
                person("a", "2021-01-01", null, null),
                person("b", "2021-02-01", "2025-03-01", "voluntary"),
                person("c", "2021-03-01", null, null),
                person("d", "2020-12-01", "2024-11-01", "voluntary"),
                person("e", "2021-01-15", null, null),
                person("f", "2021-02-15", "2025-08-01", "involuntary"),
                person("g", "2021-01-20", null, null),
                person("h", "2020-11-01", null, null));
        var jobChanges = table(Tables.STG_JOB_CHANGES,
                new Object[]{"a", Fixtures.d("2024-06-01"), "promotion", "L2", "L3"},
                new Object[]{"c", Fixtures.d("2024-05-01"), "promotion", "L2", "L3"});
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P1", "h", "mentor", t("2024-01-10T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                // a mentors b, then b mentors c: b is mentee first, mentor later (censored then).
                new Object[]{"M1", "P1", "a", "b", t("2024-03-01T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "b", "c", t("2024-08-01T10:00:00Z"), null, null},
                // a is mentor and mentee on the same day.
                new Object[]{"M3", "P2", "d", "a", t("2024-03-01T10:00:00Z"), null, null},
                new Object[]{"M4", "P2", "h", "e", t("2024-04-01T10:00:00Z"), null, null});
        LocalDate asOf = LocalDate.of(2025, 12, 31);
        var programs = Fixtures.programs();

        var together = OutcomeCohorts.build(employees, jobChanges, programs, enrollments, matches, asOf,
                List.of("mentee", "mentor"), 3);
        var apart = OutcomeCohorts.build(employees, jobChanges, programs, enrollments, matches, asOf, "mentee", 3)
                .unionByName(OutcomeCohorts.build(employees, jobChanges, programs, enrollments, matches, asOf, "mentor", 3));
        var conformedTogether = org.mentoringanalytics.jobs.TableIO.conform(together, Tables.INT_OUTCOME_COHORT);
        var conformedApart = org.mentoringanalytics.jobs.TableIO.conform(apart, Tables.INT_OUTCOME_COHORT);

        assertThat(conformedTogether.count()).isEqualTo(conformedApart.count()).isGreaterThan(8);
        assertThat(conformedTogether.exceptAll(conformedApart).count()).isZero();
        assertThat(conformedApart.exceptAll(conformedTogether).count()).isZero();
        assertThat(conformedTogether.where("role = 'mentor'").count()).isPositive();
        assertThat(conformedTogether.where("role = 'mentee'").count()).isPositive();
    }
}
