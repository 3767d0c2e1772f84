package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void aLoneSmallGroupTakesTheSmallestSiblingWithIt() {
        Map<String, Long> people = new LinkedHashMap<>();
        people.put("Engineering", 40L);
        people.put("Legal", 3L);
        people.put("Sales", 12L);
        people.put("Finance", 30L);
        assertThat(Suppression.siblings(people, 5)).containsExactly("Legal", "Sales");
    }

    @Test
    void twoSmallGroupsProtectEachOtherAndEmptyCellsAreShown() {
        Map<String, Long> people = new LinkedHashMap<>();
        people.put("A", 2L);
        people.put("B", 4L);
        people.put("C", 0L);
        people.put("D", 50L);
        assertThat(Suppression.siblings(people, 5)).containsExactly("A", "B");
    }

    @Test
    void nothingHiddenWhenEveryGroupIsLargeEnough() {
        assertThat(Suppression.siblings(Map.of("A", 5L, "B", 6L), 5)).isEmpty();
    }

    @Test
    void aTwoWayTableProtectsRowsAndColumns() {
        // Row 0 has one small cell (3): its row complement is 10 (smaller than 20). Columns 1 and 2 then
        // each have one hidden cell, so the other cell of each (30, 8) goes too; row 1 then has two.
        long[][] people = {{20, 3, 10}, {9, 30, 8}};
        boolean[][] hidden = Suppression.grid(people, 5, true, true);
        assertThat(hidden[0]).containsExactly(false, true, true);
        assertThat(hidden[1]).containsExactly(false, true, true);
    }
}
