package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurveySectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static SurveySection section() {
        return new SurveySection(FIXTURE.marts, ReportFixture.QUARTER, FIXTURE.disclosure);
    }

    @Test
    void programsAreShownWithTheirIntervalsUnlessTheyOrTheirComplementAreSmall() {
        Table table = section().programTable();
        List<Cell> compass = table.rows().get(0);
        assertThat(compass.get(0).text()).isEqualTo("Career Compass");
        assertThat(compass.get(1).value()).isEqualTo(14.0);
        assertThat(compass.get(2).value()).isEqualTo(4.21);
        assertThat(compass.get(2).lower()).isEqualTo(4.21 - 0.3);
        assertThat(compass.get(3).value()).isEqualTo(35.7);
        assertThat(table.rows().get(1).subList(1, 4)).allMatch(Cell::suppressed);
        assertThat(table.rows().get(2).subList(1, 4)).allMatch(Cell::suppressed);
        assertThat(table.rows().get(3).get(0).text()).isEqualTo("All programs");
        assertThat(table.rows().get(3).get(1).value()).isEqualTo(26.0);
    }

    @Test
    void theChangeTableHidesTheOnlyOtherProgramWithTheSmallOne() {
        Table table = section().changeTable();
        assertThat(ReportFixture.texts(table)).extracting(r -> r.get(1)).containsExactly("All programs", "Career Compass",
                "Tiny Circle");
        assertThat(table.rows().get(0).get(2).value()).isEqualTo(21.0);
        assertThat(table.rows().get(0).get(3).value()).isEqualTo(0.43);
        assertThat(table.rows().get(1).subList(2, 6)).allMatch(Cell::suppressed);
        assertThat(table.rows().get(2).subList(2, 6)).allMatch(Cell::suppressed);
        assertThat(section().changeFinding()).isEqualTo("Between the baseline and the end-of-program survey, 21 mentees' "
                + "skill confidence score changed by +0.43 points on a 1-5 scale (95% CI 0.21 to 0.65).");
    }

    @Test
    void theNpsTileCarriesItsIntervalAndThePreviousQuarter() {
        Kpis.Tile tile = section().tile();
        assertThat(tile.value()).isEqualTo(15.4);
        assertThat(tile.lower()).isEqualTo(15.4 - 20);
        assertThat(tile.previous()).isEqualTo(10.0);
        assertThat(tile.detail()).isEqualTo("26 mentees answered");
    }
}
