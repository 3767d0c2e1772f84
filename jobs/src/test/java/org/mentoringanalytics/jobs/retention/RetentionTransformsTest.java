package org.mentoringanalytics.jobs.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.d;
import static org.mentoringanalytics.jobs.Fixtures.person;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.Fixtures;

class RetentionTransformsTest {

    @Test
    void comparesMenteesWithNonParticipantsOverTwelveMonths() {
        var employees = Fixtures.employee(
                person("m1", "2020-01-01", null, null),
                person("m2", "2020-01-01", "2025-06-01", "voluntary"),
                person("m3", "2020-01-01", "2025-04-01", "involuntary"),
                person("m4", "2020-01-01", null, null),
                person("t1", "2015-01-01", null, null),
                person("n1", "2019-01-01", null, null),
                person("n2", "2019-01-01", "2025-10-01", "voluntary"),
                person("n3", "2025-03-01", null, null),
                person("n4", "2010-01-01", "2024-12-31", "voluntary"),
                person("n5", "2019-01-01", null, null),
                person("n6", "2019-01-01", null, null));
        var enrollments = table(Tables.STG_ENROLLMENTS,
                new Object[]{"P1", "n5", "mentee", t("2025-01-02T09:00:00Z")});
        var matches = table(Tables.STG_MATCHES,
                new Object[]{"M1", "P1", "t1", "m1", t("2025-01-10T10:00:00Z"), null, null},
                new Object[]{"M2", "P1", "t1", "m2", t("2025-03-01T10:00:00Z"), null, null},
                new Object[]{"M3", "P1", "t1", "m3", t("2025-02-01T10:00:00Z"), null, null},
                new Object[]{"M4", "P1", "t1", "m4", t("2025-12-01T10:00:00Z"), null, null},
                new Object[]{"M5", "P2", "t1", "m1", t("2024-06-01T10:00:00Z"), null, null});

        List<Row> rows = RetentionTransforms.twelveMonth(Fixtures.programs(), employees, enrollments, matches,
                LocalDate.of(2026, 6, 30)).collectAsList();

        // scope, group, people, retained, comparison index date
        assertThat(rows).extracting(r -> List.<Object>of(r.getAs("scope"), r.getAs("group_name"), r.getAs("people"),
                        r.getAs("retained"), r.getAs("index_date").toString()))
                .containsExactly(
                        // ALL: m1 indexed at its first match anywhere (2024-06-01), m2 retained 0; median 2024-10-15
                        List.<Object>of("ALL", "comparison", 4L, 2L, "2024-10-15"),
                        List.<Object>of("ALL", "mentee", 2L, 1L, "2024-10-15"),
                        // P1: m1 and m2 followed (m3 left involuntarily, m4 too recent); median 2025-02-04
                        List.<Object>of("P1", "comparison", 3L, 2L, "2025-02-04"),
                        List.<Object>of("P1", "mentee", 2L, 1L, "2025-02-04"),
                        List.<Object>of("P2", "comparison", 4L, 3L, "2024-06-01"),
                        List.<Object>of("P2", "mentee", 1L, 1L, "2024-06-01"));
        Row p1Comparison = rows.get(2);
        assertThat((Double) p1Comparison.getAs("retention_rate")).isEqualTo(2.0 / 3.0);
        assertThat(rows.get(0).<String>getAs("scope_name")).isEqualTo("All programs");
        assertThat(d("2025-02-04")).isNotNull();
    }
}
