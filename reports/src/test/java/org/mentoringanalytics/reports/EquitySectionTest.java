package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

class EquitySectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();
    private static List<Map<String, Object>> rows;

    @TempDir
    static Path root;

    @BeforeAll
    static void marts() throws Exception {
        rows = new MartReader(MartFixture.write(root)).read(Tables.MART_PARTICIPATION_EQUITY);
    }

    private static EquitySection section() {
        return new EquitySection(FIXTURE.marts.equity(), ReportFixture.QUARTER, FIXTURE.disclosure);
    }

    private static EquitySection.Group group(String dimension, String value) {
        return section().groups(dimension).stream().filter(g -> g.value().equals(value)).findFirst().orElseThrow();
    }

    @Test
    void eachCellIsSuppressedOnItsOwnPeopleAndItsComplement() {
        assertThat(group("gender", "non-binary").menteeShare().suppressed()).isTrue();
        assertThat(group("gender", "non-binary").matchRate().suppressed()).isTrue();
        // Men: 10 mentees, but the shares add up to 100%, so the smallest other group goes too.
        assertThat(group("gender", "man").menteeShare().suppressed()).isTrue();
        assertThat(group("gender", "man").menteeRate().suppressed()).isTrue();
        // Their shares of employees and of mentors stay: those counts are not small.
        assertThat(group("gender", "non-binary").workforceShare().text()).isEqualTo("3.0%");
        assertThat(group("gender", "man").mentorShare().value()).isEqualTo(9 / 17.0);
        assertThat(group("gender", "woman").menteeShare().value()).isEqualTo(20 / 33.0);
        assertThat(group("gender", "woman").matchRate().value()).isEqualTo(0.8);
        assertThat(group("gender", "man").partlyHidden()).isTrue();
        // Women first (largest), not stated last.
        assertThat(section().groups("gender")).extracting(EquitySection.Group::value)
                .containsExactly("woman", "man", "non-binary", "not stated");
    }

    @Test
    void findingsNameTheGroupsFurthestFromTheirShareWhenTheTestSaysSo() {
        List<String> findings = section().findings();
        assertThat(findings).hasSize(2);
        assertThat(findings.get(1)).startsWith("By job level, mentees do not mirror the employees (p < 0.001)")
                .contains("L1, 37.5% of employees, are 75.8% of mentees")
                .contains("L2, 62.5% of employees, are 24.2% of mentees")
                .contains("Mentors are not spread like the employees either (p = 0.004)");
        // By gender only one group's mentee share may be shown: the test result stands, no group is named.
        assertThat(findings.get(0)).startsWith("By gender, mentees do not mirror the employees (p = 0.020)")
                .doesNotContain("man,").endsWith("Mentors are spread like the employees.");
        assertThat(section().dimensions()).containsExactly("gender", "job_level");
    }

    @Test
    void theChartKeepsEveryGroupOfTheTable() {
        var chart = section().chart(ReportTheme.standard());
        var dataset = chart.chart().getCategoryPlot().getDataset();
        assertThat(dataset.getColumnCount()).isEqualTo(section().table().rows().size());
        assertThat(dataset.getColumnKeys()).contains("Gender: non-binary (suppressed)", "Gender: not stated", "Job level: L1");
        assertThat(dataset.getValue("Mentees", "Gender: man (suppressed)")).isNull();
        assertThat(dataset.getValue("Mentees", "Job level: L1").doubleValue()).isEqualTo(2500 / 33.0);
    }

    @Test
    void aRecordThatDoesNotMatchItsContractFailsByName() {
        record Misnamed(String quarter, long workfroce) {
        }
        record Primitive(String quarter, double workforceShare) {
        }
        record WrongType(String quarter, String workforce) {
        }
        assertThatThrownBy(() -> MartRecords.of(rows, Tables.MART_PARTICIPATION_EQUITY, Misnamed.class))
                .hasMessageContaining("mart_participation_equity has no column workfroce");
        assertThatThrownBy(() -> MartRecords.of(rows, Tables.MART_PARTICIPATION_EQUITY, Primitive.class))
                .hasMessageContaining("workforce_share may be null");
        assertThatThrownBy(() -> MartRecords.of(rows, Tables.MART_PARTICIPATION_EQUITY, WrongType.class))
                .hasMessageContaining("workforce is LONG");
    }
}
