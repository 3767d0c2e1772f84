package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementSectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static EngagementSection section() {
        return new EngagementSection(FIXTURE.figures, FIXTURE.marts, FIXTURE.disclosure);
    }

    @Test
    void theChannelMixCountsAllProgramsSessionsIncludingTheHiddenOnes() {
        Table data = section().channelMix(ReportTheme.standard()).data();
        List<Cell> all = data.rows().stream().filter(r -> r.get(0).text().equals("All programs")).findFirst().orElseThrow();
        // Q3: Career Compass 60 sessions (30 video, 15 phone, 15 chat), Tiny Circle 3 phone, Future Leaders 9 video.
        assertThat(all.subList(1, 6)).extracting(Cell::value).containsExactly(39 / 72.0, 18 / 72.0, 15 / 72.0, 0.0, 0.0);
        List<Cell> compass = data.rows().stream().filter(r -> r.get(0).text().equals("Career Compass")).findFirst().orElseThrow();
        assertThat(compass.subList(1, 6)).extracting(Cell::value).containsExactly(0.5, 0.25, 0.25, 0.0, 0.0);
    }

    @Test
    void matchHealthHidesSmallCellsAndTheirTotals() {
        assertThat(ReportFixture.texts(section().healthTable())).containsExactly(
                List.of("Career Compass", "7", "suppressed", "suppressed"),
                List.of("All programs", "7", "suppressed", "suppressed"));
    }

    @Test
    void theHeatMapShowsEachShownProgramsMonthlyRate() {
        Table data = section().heatMap(ReportTheme.standard()).data();
        assertThat(data.rows()).filteredOn(r -> r.get(0).text().equals("Career Compass")).hasSize(6)
                .allMatch(r -> r.get(2).value() == 0.8);
        assertThat(data.rows()).filteredOn(r -> !r.get(0).text().equals("Career Compass"))
                .hasSize(6).allMatch(r -> r.get(2).suppressed());
    }
}
