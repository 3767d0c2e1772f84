package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataQualitySectionTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();

    private static DataQualitySection section() {
        return new DataQualitySection(FIXTURE.marts, LocalDate.of(2026, 9, 30));
    }

    @Test
    void onlyRejectsOfAPersonFieldCountAsUnmatchedIdentifiers() {
        // 4 rows with an unknown match_id and 2 with an unknown logged_by: only the 2 name a person.
        assertThat(section().unmatchedIdentifiers()).isEqualTo(2);
    }

    @Test
    void sourcesShowRowsAndFreshness() {
        assertThat(ReportFixture.texts(section().sources())).containsExactly(
                List.of("sessions", "3", "1", "120", "7", "2026-09-21", "2026-09-28", "2"));
        assertThat(section().sources().rows().get(0)).extracting(Cell::text).endsWith("1", "0");
        assertThat(ReportFixture.texts(section().origins())).containsExactly(List.of("landing", "90", "0"),
                List.of("zoom", "23", "11"));
    }
}
