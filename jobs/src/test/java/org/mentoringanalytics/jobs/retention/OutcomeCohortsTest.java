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
}
