package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuarterlyFiguresTest {

    @Test
    void computesTheQuarterAndThePreviousOneFromMarts() {
        QuarterlyFigures f = ReportFixture.create().figures;

        // Q3: live 10 + 6 + 2, active 8 + 6 + 1, sessions 60 + 9 + 3, active match-months 24 + 18 + 3.
        assertThat(f.totals()).isEqualTo(new QuarterlyFigures.Totals(3, 18, 15, 72, 45));
        assertThat(f.totals().activeRate()).isEqualTo(15 / 18.0);
        assertThat(f.previousTotals()).isEqualTo(new QuarterlyFigures.Totals(1, 10, 8, 60, 24));
        assertThat(f.programs()).extracting(QuarterlyFigures.ProgramQuarter::programId, QuarterlyFigures.ProgramQuarter::suppressed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P1", false),
                        // Tiny Circle has 3 people; Future Leaders, the smallest other program, is suppressed with it.
                        org.assertj.core.groups.Tuple.tuple("P2", true),
                        org.assertj.core.groups.Tuple.tuple("P3", true));
        assertThat(f.retention("P2", "mentee").orElseThrow().suppressed()).isTrue();
        assertThat(f.retention("P2", "mentee").orElseThrow().rate()).isNull();
        assertThat(f.retention("ALL", "mentee").orElseThrow().rate()).isEqualTo(0.85);
        assertThat(f.activeByProgramMonth().get("Tiny Circle")).containsOnlyKeys(
                java.time.LocalDate.of(2026, 7, 1), java.time.LocalDate.of(2026, 8, 1), java.time.LocalDate.of(2026, 9, 1));
        assertThat(f.activeByProgramMonth().get("Tiny Circle").values()).containsOnlyNulls();
    }

    @Test
    void theDefaultQuarterIsTheLastCompleteOne() {
        assertThat(Quarter.lastCompleteBy(java.time.LocalDate.of(2026, 9, 30))).isEqualTo(Quarter.parse("2026-Q3"));
        assertThat(Quarter.lastCompleteBy(java.time.LocalDate.of(2026, 11, 26))).isEqualTo(Quarter.parse("2026-Q3"));
        assertThat(Quarter.lastCompleteBy(java.time.LocalDate.of(2026, 1, 1))).isEqualTo(Quarter.parse("2025-Q4"));
    }
}
