package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWorkbookTest {

    @TempDir
    Path dir;

    @Test
    void textThatLooksLikeAFormulaStaysTextAndNumbersStayNumbers() throws Exception {
        Table table = new Table("departments", "Departments", List.of("department", "people", "difference (95% CI)"), List.of(
                List.of("=HYPERLINK(\"http://example.invalid\",\"open\")", Cells.count(12), Cells.pointsInterval(-0.027, -0.05, 0.01)),
                List.of("@SUM(A1:A9)", Cell.SUPPRESSED, Cell.SUPPRESSED),
                List.of("-2.7", Cells.count(7), Cell.MISSING)));
        Path file = dir.resolve("book.xlsx");
        ReportWorkbook.write(file, List.of(new ReportWorkbook.Entry("Retention", table, "departments-2026-Q3.csv")),
                table.dictionary("departments-2026-Q3.csv"), "Report", List.of("note"));
        try (XSSFWorkbook book = new XSSFWorkbook(file.toFile())) {
            var sheet = book.getSheet("departments");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("difference");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("difference_lower");
            var first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(0).getStringCellValue()).startsWith("=HYPERLINK");
            assertThat(first.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(12.0);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(-0.027);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(-0.05);
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("suppressed");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("suppressed");
            assertThat(sheet.getRow(3).getCell(2).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(book.getSheet("Contents").getRow(4).getCell(0).getHyperlink().getAddress()).isEqualTo("'departments'!A1");
            assertThat(book.getSheet("Dictionary").getRow(2).getCell(1).getStringCellValue()).isEqualTo("people");
        }
    }
}
