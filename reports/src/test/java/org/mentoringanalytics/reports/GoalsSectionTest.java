package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalsSectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static GoalsSection section() {
        return new GoalsSection(FIXTURE.marts.goalsQuarterly(), FIXTURE.marts.goals(), ReportFixture.QUARTER, FIXTURE.disclosure);
    }

    @Test
    void theTableShowsCompletionPerProgramWithTinyCircleAndItsComplementHidden() {
        Table table = DisclosureTest.tables(section().build(ReportTheme.standard())).stream()
                .filter(t -> t.name().equals("goals")).findFirst().orElseThrow();
        assertThat(ReportFixture.texts(table)).containsExactly(
                java.util.List.of("Career Compass", "40", "22", "55.0%", "2", "1", "47"),
                java.util.List.of("Future Leaders", "suppressed", "suppressed", "suppressed", "suppressed", "suppressed", "suppressed"),
                java.util.List.of("Tiny Circle", "suppressed", "suppressed", "suppressed", "suppressed", "suppressed", "suppressed"),
                java.util.List.of("All programs", "54", "32", "59.3%", "2", "1", ""));
    }

    @Test
    void theTileIsGoalsCompletedOverGoalsSetAgainstThePreviousQuarter() {
        Kpis.Tile tile = section().tile();
        assertThat(tile.value()).isEqualTo(32 / 54.0);
        assertThat(tile.previous()).isEqualTo(0.5);
        assertThat(tile.detail()).isEqualTo("32 of 54 goals set to date");
    }
}
