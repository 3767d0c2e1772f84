package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One report of the mart fixture, written once and read by every test. */
class QuarterlyReportTest {

    @TempDir
    static Path dir;

    static ReportOutput out;
    static String text;

    @BeforeAll
    static void write() throws Exception {
        out = new QuarterlyReport(ReportTheme.standard()).write(new ReportRequest(MartFixture.write(dir.resolve("wh")),
                dir.resolve("reports"), null, LocalDate.of(2026, 9, 30), 5, Instant.parse("2026-10-01T06:00:00Z"),
                25000.0, "EUR"));
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            // Lines wrap wherever the layout puts them: compare with whitespace collapsed.
            text = new PDFTextStripper().getText(pdf).replaceAll("[\\s\u00A0]+", " ");
        }
    }

    private static String csv(String name) throws Exception {
        return Files.readString(out.folder().resolve(name + "-2026-Q3.csv"));
    }

    @Test
    void theSummaryNamesWhereMentoringWorksWithItsIntervalFromTheMarts() throws Exception {
        // Mentees overall: HR 0.62 (0.41 to 0.93), 12-month difference 0.07 (0.011 to 0.128).
        // Engineering mentees: difference 0.091 (0.02 to 0.16), BH-adjusted p 0.012, so it is named.
        assertThat(text).contains(
                "Mentoring is working: mentees leave less often than comparable colleagues, most clearly among Engineering mentees.",
                "about 7 more in every 100 mentees were still with the company a year after their first match than "
                        + "comparable colleagues (we are 95% sure the true figure is between 1 more and 13 more in 100)",
                "mentees had 38% fewer exits (95% sure: between 7% fewer and 59% fewer)",
                "Where it works: Engineering mentees (about 9 more in every 100 stayed a year; 95% sure between 2 more "
                        + "and 16 more in 100)",
                // Mentors: HR 0.9 (0.52 to 1.6) includes no difference.
                "mentors left about as often as their colleagues",
                // Value at EUR 25,000 a exit: 120 x 0.07 = 8.4 exits; 120 x 0.011 = 1.3 and 120 x 0.128 = 15.4.
                "about 8 fewer voluntary exits within a year among the 120 mentees compared (95% sure: between 1 and "
                        + "15 fewer), worth about EUR 210,000 (between EUR 33,000 and EUR 384,000)",
                "Assumes each voluntary exit costs EUR 25,000");
        // Jargon stays out of the summary page.
        String summary = text.substring(text.indexOf("Executive summary"), text.indexOf("Participation and matching People"));
        assertThat(summary).doesNotContain("hazard", "Hazard", "log-rank", "E-value", "detectable", "d_z");
        assertThat(csv("where-retention")).contains("department,Engineering,Mentees,0.091,0.02,0.16,fewer exits");
    }

    @Test
    void theReportAppearsWholeWithTheChecksumOfEveryFileAndAnEditIsNoticed() throws Exception {
        Path reports = dir.resolve("reports");
        Quarter quarter = Quarter.parse("2026-Q3");
        List<String> sums = Files.readAllLines(out.folder().resolve("SHA256SUMS"));
        assertThat(sums).hasSize(out.files().size() - 1).anyMatch(l -> l.endsWith("  mentoring-2026-Q3.pdf"))
                .allMatch(l -> l.matches("[0-9a-f]{64}  (mentoring-2026-Q3\\.(pdf|html|xlsx)|2026-Q3/[a-z0-9-]+-?2026-Q3\\.(csv|png)|2026-Q3/dictionary\\.csv)"));
        assertThat(out.files()).allMatch(Files::isRegularFile);
        try (var entries = Files.list(reports)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("mentoring-2026-Q3.pdf", "mentoring-2026-Q3.html",
                    "mentoring-2026-Q3.xlsx", "2026-Q3");
        }
        assertThat(ReportFiles.complete(reports, quarter)).isTrue();
        // A copy with one CSV changed and one PNG gone is not the report that was written.
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy.resolve("2026-Q3"));
        Files.copy(out.pdf(), copy.resolve("mentoring-2026-Q3.pdf"));
        Files.copy(out.workbook(), copy.resolve("mentoring-2026-Q3.xlsx"));
        Files.copy(out.html(), copy.resolve("mentoring-2026-Q3.html"));
        try (var files = Files.list(out.folder())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("2026-Q3").resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve("2026-Q3/kpis-2026-Q3.csv"), "x", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(copy.resolve("2026-Q3/where-retention-2026-Q3.png"));
        assertThat(ReportFiles.problems(copy, quarter)).containsExactlyInAnyOrder(
                "2026-Q3/kpis-2026-Q3.csv differs from the report it was written with", "2026-Q3/where-retention-2026-Q3.png is missing");
    }

    @Test
    void aChangeIsCalledAChangeOnlyWhenItsIntervalExcludesNone() throws Exception {
        // Participation 33/500 against 24/500: Newcombe interval -0.01 to 0.05, so no clear change.
        assertThat(text).contains("no clear change on 2026-Q2 (4.8%)", "no clear change on 2026-Q2 (10.0)");
        // Sessions per active match-month: 72/45 = 1.60 against 120/48 = 2.50, a clear fall.
        assertThat(text).contains("\u25BC \u22120.90 on 2026-Q2 (2.50)");
        assertThat(csv("kpis")).contains("Participation,0.066,,,0.048,0.018,").contains(",no,33 people in live matches");
    }

    @Test
    void thePdfHasItsChaptersEmbeddedFontsAndNoNegativeZero() throws Exception {
        assertThat(text).contains("Quarterly report 2026-Q3", "Data as of: 2026-09-30",
                "Programs: Career Compass, Future Leaders, Tiny Circle", "Methodology", "Suppression of small groups",
                "0.62 (0.41 to 0.93)", "0.58 (0.35 to 0.96)", "4.21 (3.91 to 4.51)", "0.43 (0.21 to 0.65)",
                "Survival, hazard ratio and tests", "Efron", "7 rejected",
                "2 row(s) named a person who is not in the HR data", "11 hand-logged session(s) were the same meeting");
        assertThat(text).doesNotContain("-0.00", "\u22120.00", "-0.0 ", "\u22120.0 ");
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle().trim());
            }
            assertThat(outline).containsExactly("Executive summary", "Participation and matching", "Engagement", "Goals",
                    "Survey outcomes", "Retention and promotion", "Methodology", "Data quality");
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
    }

    @Test
    void everyCountOfPeopleIsAtLeastTheThresholdInEveryFile() throws Exception {
        // Career Compass: 3 of its 12 enrolled mentees matched. The 3 is hidden (and the match rate with it)
        // although the program has 18 people; Tiny Circle's lone cells take Future Leaders' smallest with them.
        assertThat(csv("participation")).contains("Career Compass,12,9,suppressed,suppressed,suppressed,18,0.036")
                .contains("Tiny Circle,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed,suppressed")
                .contains("Future Leaders,suppressed,suppressed,5,");
        assertThat(text).contains("Career Compass 12 9 suppressed suppressed suppressed 18 3.6%");
        Map<String, List<String>> countColumns = new java.util.HashMap<>();
        try (CSVParser dictionary = CSVParser.parse(out.folder().resolve("dictionary.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().get())) {
            for (CSVRecord r : dictionary) {
                if (r.get("unit").equals("count")) {
                    countColumns.computeIfAbsent(r.get("file"), f -> new ArrayList<>()).add(r.get("column"));
                }
            }
        }
        List<String> people = List.of("participation", "participation-trend", "retention", "retention-by-program-type",
                "retention-by-department", "retention-at-risk-mentees", "retention-at-risk-mentors", "survey-programs",
                "survey-quarter", "survey-change");
        int checked = 0;
        for (String name : people) {
            String file = name + "-2026-Q3.csv";
            try (CSVParser parser = CSVParser.parse(out.folder().resolve(file), java.nio.charset.StandardCharsets.UTF_8,
                    CSVFormat.DEFAULT.builder().setHeader().get())) {
                for (CSVRecord r : parser) {
                    for (String column : countColumns.getOrDefault(file, List.of())) {
                        String v = r.get(column);
                        if (!v.isEmpty() && !v.equals("suppressed")) {
                            assertThat(Long.parseLong(v)).as(file + " " + column).satisfiesAnyOf(
                                    n -> assertThat(n).isZero(), n -> assertThat(n).isGreaterThanOrEqualTo(5));
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        // The 3 people still followed at 36 months are hidden.
        assertThat(csv("retention-at-risk-mentees")).contains("Mentees,120,100,80,60,40,20,suppressed");
    }

    @Test
    void aTinyGroupAndItsComplementAppearNowhere() throws Exception {
        assertThat(csv("programs")).contains("Tiny Circle,suppressed,suppressed,suppressed,suppressed,suppressed")
                .contains("Future Leaders,suppressed,suppressed,suppressed,suppressed,suppressed");
        assertThat(csv("retention")).contains("Tiny Circle,Mentees,suppressed,suppressed,suppressed");
        // The career mentees (3 people) are suppressed in the matched table, and succession with them.
        assertThat(csv("retention-by-program-type")).contains("career,Mentees,suppressed,suppressed,,,suppressed")
                .contains("succession,Mentees,suppressed").doesNotContain("0.5,0.1,2");
        assertThat(csv("active-matches-trend")).contains("Tiny Circle,2026-09-01,suppressed")
                .contains("Future Leaders,2026-09-01,suppressed");
        // Legal has 3 mentees; Sales, the smallest other department, is hidden with it.
        assertThat(csv("retention-by-department")).contains("Legal,Mentees,suppressed", "Sales,Mentees,suppressed",
                "Engineering,Mentees,80,0.58,0.35,0.96");
        assertThat(csv("goals")).contains("Tiny Circle,suppressed", "Future Leaders,suppressed", "Career Compass,40,22");
        assertThat(csv("survey-programs")).contains("Tiny Circle,suppressed", "Future Leaders,suppressed", "Career Compass,14");
        assertThat(csv("survey-change")).contains("Skill confidence,Tiny Circle,suppressed",
                "Skill confidence,Career Compass,suppressed", "Skill confidence,All programs,21");
        assertThat(csv("channel-mix")).contains("Tiny Circle,suppressed", "Future Leaders,suppressed");
        List<String> hiddenValues = List.of("0.44", "0.667", "0.71,0.37", "0.862", "1.67", "-66.7", "0.73,-0.5", "0.38,0.14",
                "3.89", "11.1", "0.006");
        try (var files = Files.list(out.folder())) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                assertThat(Files.readString(csv)).as(csv.getFileName().toString()).doesNotContain(hiddenValues);
            }
        }
        assertThat(text).doesNotContain("1.00").doesNotContain("100.0%").doesNotContain("0.44 (0.05 to 3.90)",
                "66.7% vs 75.0%", "0.71 (0.37 to 1.37)", "86.2%", "\u221266.7", "0.73 (\u22120.50 to 1.90)");
    }

    @Test
    void theWorkbookHoldsEveryTableAsTypedNumbersEqualToTheMartsAndNoSuppressedValue() throws Exception {
        MartReader marts = new MartReader(new org.mentoringanalytics.contracts.Warehouse(dir.resolve("wh").toString()));
        Map<String, Object> compass = marts.read(org.mentoringanalytics.contracts.Tables.MART_PARTICIPATION_QUARTERLY).stream()
                .filter(r -> r.get("program_id").equals("P1")).findFirst().orElseThrow();
        Map<String, Object> engineering = marts.read(org.mentoringanalytics.contracts.Tables.MART_RETENTION_OUTCOME).stream()
                .filter(r -> r.get("scope").equals("Engineering")).findFirst().orElseThrow();
        long csvFiles;
        try (var files = Files.list(out.folder())) {
            csvFiles = files.filter(f -> f.toString().endsWith("-2026-Q3.csv")).count();
        }
        assertThat(out.files()).contains(out.workbook());
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                out.workbook().toFile())) {
            assertThat(book.getNumberOfSheets()).isEqualTo(csvFiles + 2);
            assertThat(book.getSheetName(0)).isEqualTo("Contents");
            assertThat(book.getSheetName(book.getNumberOfSheets() - 1)).isEqualTo("Dictionary");
            var participation = rowNamed(book.getSheet("participation"), "Career Compass");
            assertThat(participation.getCell(1).getNumericCellValue()).isEqualTo(((Long) compass.get("mentees_enrolled")).doubleValue());
            assertThat(participation.getCell(2).getNumericCellValue()).isEqualTo(((Long) compass.get("mentors_enrolled")).doubleValue());
            assertThat(participation.getCell(3).getStringCellValue()).isEqualTo("suppressed");
            assertThat(participation.getCell(6).getNumericCellValue()).isEqualTo(((Long) compass.get("participants")).doubleValue());
            assertThat(participation.getCell(7).getNumericCellValue()).isEqualTo(compass.get("participation_rate"));
            assertThat(participation.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            var department = rowNamed(book.getSheet("retention-by-department"), "Engineering");
            // people, then the hazard ratio and its interval as three numbers.
            assertThat(department.getCell(3).getNumericCellValue()).isEqualTo(engineering.get("hazard_ratio"));
            assertThat(department.getCell(4).getNumericCellValue()).isEqualTo(engineering.get("hazard_ratio_lower"));
            assertThat(department.getCell(5).getNumericCellValue()).isEqualTo(engineering.get("hazard_ratio_upper"));
            List<Double> hidden = List.of(0.44, 0.667, 0.862, 1.67, -66.7, 3.89, 11.1, 0.006);
            List<List<Double>> hiddenPairs = List.of(List.of(0.71, 0.37), List.of(0.73, -0.5), List.of(0.38, 0.14));
            int numbers = 0;
            int suppressed = 0;
            for (var sheet : book) {
                if (!sheet.getSheetName().equals("Contents")) {
                    assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(sheet.getSheetName()).isEqualTo((short) 1);
                }
                for (var row : sheet) {
                    for (var cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                            numbers++;
                            assertThat(hidden).as(sheet.getSheetName() + " " + cell.getAddress())
                                    .doesNotContain(cell.getNumericCellValue());
                            var next = row.getCell(cell.getColumnIndex() + 1);
                            if (next != null && next.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                                assertThat(hiddenPairs).as(sheet.getSheetName() + " " + cell.getAddress())
                                        .doesNotContain(List.of(cell.getNumericCellValue(), next.getNumericCellValue()));
                            }
                        } else if ("suppressed".equals(cell.getStringCellValue())) {
                            suppressed++;
                            assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
                        }
                    }
                }
            }
            assertThat(numbers).isGreaterThan(200);
            assertThat(suppressed).isGreaterThan(40);
        }
    }

    private static org.apache.poi.ss.usermodel.Row rowNamed(org.apache.poi.ss.usermodel.Sheet sheet, String name) {
        for (var row : sheet) {
            if (row.getCell(0) != null && name.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row " + name);
    }

    @Test
    void everyCsvIsNumericAndNamedInTheDictionary() throws Exception {
        String dictionary = Files.readString(out.folder().resolve("dictionary.csv"));
        try (var files = Files.list(out.folder())) {
            for (Path csv : files.filter(f -> f.toString().endsWith("-2026-Q3.csv")).toList()) {
                assertThat(dictionary).as(csv.getFileName().toString()).contains(csv.getFileName().toString() + ",");
                // No prose numbers: no percent signs, thousands separators, "pts" or "vs".
                assertThat(Files.readString(csv)).as(csv.getFileName().toString())
                        .doesNotContainPattern("\\d%").doesNotContain(" pts", " vs ", "\u2212").doesNotContainPattern("\"\\d{1,3},\\d{3}");
            }
        }
        assertThat(dictionary).contains("participation-2026-Q3.csv,match_rate,fraction of 1,match rate",
                "retention-by-department-2026-Q3.csv,hazard_ratio_lower,ratio,95% lower bound of hazard_ratio");
    }

    @Test
    void pagesAreFilledCaptionsStayWithTheirTablesAndChartsKeepEveryGroup() throws Exception {
        assertThat(PdfLayout.problems(out.pdf(), PdfLayout.captions("2026-Q3"))).isEmpty();
        // The health chart draws every program its table shows, suppressed ones as labelled empty rows.
        assertThat(csv("match-health-chart")).isEqualTo(csv("match-health"));
    }

    @Test
    void chartsAreDrawnOnThePagesAndWrittenAsPngAndCsv() throws Exception {
        assertThat(out.folder().resolve("active-matches-trend-2026-Q3.png")).isRegularFile();
        assertThat(out.folder().resolve("where-retention-2026-Q3.png")).isRegularFile();
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            // Each chapter with charts draws them in the palette's colours on its first page. Tables use a
            // colour outside the palette; the chapter heading is the palette's first colour, so a page with
            // a heading and no chart (Methodology) is the baseline a drawn chart must clearly exceed.
            int baseline = countNear(new PDFRenderer(pdf).renderImageWithDPI(pageOf(pdf, "Methodology"), 50),
                    ReportTheme.PALETTE.get(0).getRGB());
            for (String chapter : List.of("Participation and matching", "Engagement", "Goals", "Retention and promotion")) {
                int page = pageOf(pdf, chapter);
                BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(page, 50);
                assertThat(countNear(image, ReportTheme.PALETTE.get(0).getRGB())).as(chapter).isGreaterThan(baseline + 400);
            }
            BufferedImage goals = new PDFRenderer(pdf).renderImageWithDPI(pageOf(pdf, "Goals"), 50);
            assertThat(countNear(goals, ReportTheme.PALETTE.get(1).getRGB())).isGreaterThan(50);
        }
    }

    @Test
    void aQuarterWithoutDataIsRefusedNamingTheQuartersThatHaveIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QuarterlyReport(ReportTheme.standard()).write(
                        new ReportRequest(new org.mentoringanalytics.contracts.Warehouse(dir.resolve("wh").toString()),
                                dir.resolve("other"), Quarter.parse("2019-Q1"), LocalDate.of(2026, 9, 30), 5, Instant.now())))
                .isInstanceOf(NoDataForQuarter.class)
                .hasMessage("no data for 2019-Q1; quarters with data: 2026-Q2, 2026-Q3");
        assertThat(dir.resolve("other")).doesNotExist();
    }

    /** Zero-based page index a chapter's bookmark points to. */
    private static int pageOf(PDDocument pdf, String chapter) throws java.io.IOException {
        for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
            if (item.getTitle().trim().equals(chapter)) {
                return pdf.getPages().indexOf(item.findDestinationPage(pdf));
            }
        }
        throw new AssertionError("no bookmark " + chapter);
    }

    private static int countNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) < 30 && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) < 30
                        && Math.abs((p & 255) - (rgb & 255)) < 30) {
                    count++;
                }
            }
        }
        return count;
    }
}
