package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionSectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static RetentionSection section() {
        return new RetentionSection(FIXTURE.figures, FIXTURE.marts.atRisk(), FIXTURE.disclosure);
    }

    @Test
    void peopleStillFollowedAreShownUntilFewerThanKRemain() {
        Table table = section().atRiskTable("mentee");
        assertThat(table.shown(table.rows().get(0))).containsExactly("Mentees", "120", "100", "80", "60", "40", "20",
                "suppressed");
        assertThat(table.shown(table.rows().get(1)).subList(1, 8)).containsOnly("n/a");
    }

    @Test
    void departmentsShowTheirMatchedDifferenceWithLegalAndItsComplementHidden() {
        Table table = section().uplift(null, "department", "retention-by-department", "Voluntary exits by department");
        assertThat(table.rows()).extracting(r -> r.get(0).text()).containsExactly("Engineering", "Legal", "Sales");
        List<Cell> engineering = table.rows().get(0);
        assertThat(engineering.get(2).value()).isEqualTo(80.0);
        assertThat(engineering.get(3).value()).isEqualTo(0.58);
        assertThat(engineering.get(4).value()).isEqualTo(0.012);
        assertThat(engineering.get(5).value()).isEqualTo(0.091);
        assertThat(engineering.get(5).lower()).isEqualTo(0.02);
        assertThat(table.rows().get(1).subList(2, 11)).allMatch(Cell::suppressed);
        assertThat(table.rows().get(2).subList(2, 11)).allMatch(Cell::suppressed);
    }

    @Test
    void theTileIsTheMatchedTwelveMonthDifference() {
        Kpis.Tile tile = section().tile();
        assertThat(tile.value()).isEqualTo(0.07);
        assertThat(tile.lower()).isEqualTo(0.011);
        assertThat(tile.upper()).isEqualTo(0.128);
    }
}
