package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The report's suppression, decided once on the fixture's marts (k = 5), and kept by every section. */
class DisclosureTest {

    private static final ReportFixture FIXTURE = ReportFixture.create();
    private static final Disclosure D = FIXTURE.disclosure;

    @Test
    void eachTableIsDecidedOnItsOwnPeopleWithTheSmallestSiblingAsComplement() {
        // Tiny Circle has 3 people; Future Leaders (12) is the smallest other program under the shown totals.
        assertThat(D.hiddenPrograms()).containsExactlyInAnyOrder("P2", "P3");
        assertThat(D.month("P1", 18)).isFalse();
        assertThat(D.month("P1", 4)).isTrue();
        assertThat(D.month("P3", 12)).isTrue();
        // Participation, column by column: enrolled 12/3/7, mentors 9/1/6, matched 3/1/5, taking part 18/3/12.
        assertThat(D.participation("P1")).containsExactly(false, false, true, false);
        assertThat(D.participation("P2")).containsExactly(true, true, true, true);
        assertThat(D.participation("P3")).containsExactly(true, true, false, true);
        assertThat(D.participation("ALL")).containsExactly(false, false, false, false);
        // Match health: 14, 4 and 2 people; the all-programs totals of 4 and 2 are hidden too.
        assertThat(D.health("P1")).containsExactly(false, true, true);
        assertThat(D.goals("P1")).isFalse();
        assertThat(D.goals("P2")).isTrue();
        assertThat(D.goals("P3")).isTrue();
        assertThat(D.goals("ALL")).isFalse();
        assertThat(D.surveyProgram("P1")).isFalse();
        assertThat(D.surveyProgram("P2")).isTrue();
        assertThat(D.surveyProgram("P3")).isTrue();
        assertThat(D.surveyProgram("ALL")).isFalse();
        // Pre/post change: Tiny Circle's 3 pairs take Career Compass, the only other program, with them.
        assertThat(D.surveyChange("skill_confidence", "P2")).isTrue();
        assertThat(D.surveyChange("skill_confidence", "P1")).isTrue();
        assertThat(D.surveyChange("skill_confidence", "ALL")).isFalse();
        assertThat(D.outcome("department", "Legal", "mentee")).isTrue();
        assertThat(D.outcome("department", "Sales", "mentee")).isTrue();
        assertThat(D.outcome("department", "Engineering", "mentee")).isFalse();
        assertThat(D.outcome("program_type", "succession", "mentee")).isTrue();
        assertThat(D.outcome("all", "ALL", "mentee")).isFalse();
        assertThat(D.retention("P2", "mentee")).isTrue();
        assertThat(D.retention("P1", "mentee")).isTrue();
        assertThat(D.retention("P1", "comparison")).isFalse();
        assertThat(D.equity("gender", "non-binary")).containsExactly(false, true, false, true, true);
    }

    @Test
    void aProgramHiddenOnceIsHiddenInEveryTableAndChartOfTheEngagementChapter() {
        Section engagement = new EngagementSection(FIXTURE.figures, FIXTURE.marts, D).build(ReportTheme.standard());
        Set<String> hidden = Set.of("Tiny Circle", "Future Leaders");
        int rowsSeen = 0;
        for (Table table : tables(engagement)) {
            for (List<Cell> row : table.rows()) {
                if (!hidden.contains(row.get(0).text())) {
                    continue;
                }
                rowsSeen++;
                assertThat(row.subList(1, row.size())).as(table.name() + " " + row)
                        .allMatch(c -> c.suppressed() || (c.kind() == Cell.Kind.TEXT || c.kind() == Cell.Kind.DATE) && c.value() == null);
                assertThat(row.subList(1, row.size())).as(table.name()).anyMatch(Cell::suppressed);
            }
        }
        // The programs table, sessions chart, channel mix, heat map (3 months each) and trend (3 months each).
        assertThat(rowsSeen).isGreaterThanOrEqualTo(2 + 2 + 2 + 6 + 6);
    }

    static List<Table> tables(Section section) {
        List<Table> tables = new java.util.ArrayList<>();
        for (Section.Block block : section.blocks()) {
            if (block instanceof Section.TableBlock t) {
                tables.add(t.table());
            } else if (block instanceof Section.ChartBlock c) {
                tables.add(c.data());
            }
        }
        return tables;
    }
}
