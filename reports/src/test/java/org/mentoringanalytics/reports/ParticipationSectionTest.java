package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParticipationSectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static ParticipationSection section() {
        return new ParticipationSection(FIXTURE.marts.participation(), ReportFixture.QUARTER, FIXTURE.disclosure);
    }

    private static List<String> texts(List<?> row) {
        return row.stream().map(Object::toString).toList();
    }

    @Test
    void eachCountStandsOrFallsOnItsOwnPeopleAndARateFallsWithItsCount() {
        List<List<?>> cells = section().cells();
        assertThat(cells).hasSize(4);
        // Career Compass: 3 of 12 enrolled mentees matched; the 3 hide the match rate and the days to match.
        assertThat(texts(cells.get(0))).containsExactly("Career Compass", "12", "9", "suppressed", "suppressed", "suppressed",
                "18", "3.6%");
        // Future Leaders is the column complement of Tiny Circle's enrolments, mentors and people taking part.
        assertThat(texts(cells.get(1))).containsExactly("Future Leaders", "suppressed", "suppressed", "5", "suppressed", "11",
                "suppressed", "suppressed");
        assertThat(texts(cells.get(2)).subList(1, 8)).containsOnly("suppressed");
        assertThat(texts(cells.get(3))).containsExactly("All programs", "22", "16", "9", "40.9%", "11", "33", "6.6%");
        assertThat(((Cell) cells.get(3).get(4)).value()).isEqualTo(9 / 22.0);
    }

    @Test
    void theTileComparesWithThePreviousQuarter() {
        Kpis.Tile tile = section().tile();
        assertThat(tile.value()).isEqualTo(0.066);
        assertThat(tile.previous()).isEqualTo(0.048);
        assertThat(tile.detail()).isEqualTo("33 people in live matches");
    }
}
