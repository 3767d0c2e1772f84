package org.mentoringanalytics.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void formulasBecomeTextAndNumbersStayNumbers() {
        assertThat(SpreadsheetSafe.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetSafe.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(SpreadsheetSafe.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetSafe.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.cell("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetSafe.cell("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetSafe.cell("-2.7")).isEqualTo("-2.7");
        assertThat(SpreadsheetSafe.cell("+1.5e3")).isEqualTo("+1.5e3");
        assertThat(SpreadsheetSafe.cell("Engineering")).isEqualTo("Engineering");
        assertThat(SpreadsheetSafe.cell((Object) 3L)).isEqualTo(3L);
        assertThat(SpreadsheetSafe.cell("")).isEmpty();
    }
}
