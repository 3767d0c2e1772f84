package org.mentoringanalytics.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarterlyReportTest {

    @TempDir
    Path dir;

    private ReportOutput write() throws Exception {
        return new QuarterlyReport(ReportTheme.standard()).write(new ReportRequest(MartFixture.write(dir.resolve("wh")),
                dir.resolve("reports"), null, LocalDate.of(2026, 9, 30), 5, Instant.parse("2026-10-01T06:00:00Z")));
    }

    @Test
    void thePdfShowsTheMartFiguresSectionsAndMethodology() throws Exception {
        ReportOutput out = write();
        assertThat(out.pdf()).hasFileName("mentoring-2026-Q3.pdf");
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            // Lines wrap wherever the layout puts them: compare with whitespace collapsed.
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Quarterly report 2026-Q3", "Data as of: 2026-09-30",
                    "Programs: Career Compass, Future Leaders, Tiny Circle",
                    // Tiles: participation, active rate, sessions, NPS with interval, uplift, goal completion.
                    "6.6%", "+1.8 pts on 2026-Q2 (4.8%)", "83.3%", "15.4", "95% CI -4.6 to 35.4", "+5.4 on 2026-Q2 (10.0)",
                    "+7.0 pts", "95% CI +1.1 pts to +12.8 pts", "59.3%", "+9.3 pts on 2026-Q2 (50.0%)", "32 of 54 goals",
                    "Career Compass", "2.50", "Methodology", "Comparison group", "Suppression of small groups",
                    "Complementary suppression",
                    "Mentees were 7.0 points more likely than comparable colleagues to stay 12 months (95% CI 1.1 to 12.8",
                    "0.62 (0.41 to 0.93)", "Mentors were 1.0 points more likely",
                    "The interval includes no difference: this cohort can only detect a gap of about 13.0 points",
                    "Mentees' Net Promoter Score in 2026-Q3 was 15.4 (95% CI -4.6 to 35.4, 26 mentees answered); it was 10.0 in 2026-Q2.",
                    "21 mentees' skill confidence score changed by +0.43 points on a 1-5 scale (95% CI 0.21 to 0.65)",
                    "Engineering", "0.58 (0.35 to 0.96)", "4.21 (3.91 to 4.51)", "0.43 (0.21 to 0.65)",
                    "Survival, hazard ratio and tests", "Efron",
                    "7 rejected", "2 row(s) named a person who is not in the HR data",
                    "11 hand-logged session(s) were the same meeting", "Sessions by origin", "unknown reference", "2026-09-28");
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
    void aTinyGroupAndItsComplementAppearNowhere() throws Exception {
        ReportOutput out = write();
        String programs = Files.readString(out.folder().resolve("programs.csv"));
        assertThat(programs).contains("Tiny Circle,suppressed,suppressed,suppressed,suppressed,suppressed")
                .contains("Future Leaders,suppressed,suppressed,suppressed,suppressed,suppressed");
        assertThat(Files.readString(out.folder().resolve("retention.csv")))
                .contains("Tiny Circle,Mentees,suppressed,suppressed,suppressed")
                .doesNotContain("100.0%");
        // The career mentees (3 people) are suppressed in the matched table too.
        assertThat(Files.readString(out.folder().resolve("retention-by-program-type.csv")))
                .contains("career,Mentees,suppressed,suppressed,suppressed,suppressed,suppressed")
                .doesNotContain("0.50 (0.10 to 2.00)");
        assertThat(Files.readString(out.folder().resolve("active-matches-trend.csv")))
                .contains("Tiny Circle,2026-09-01,suppressed")
                .contains("Future Leaders,2026-09-01,suppressed");
        // Legal has 3 mentees; Sales, the smallest other department, is hidden with it.
        assertThat(Files.readString(out.folder().resolve("retention-by-department.csv")))
                .contains("Legal,Mentees,suppressed", "Sales,Mentees,suppressed", "Engineering,Mentees,80 / 200");
        assertThat(Files.readString(out.folder().resolve("participation.csv")))
                .contains("Tiny Circle,suppressed", "Future Leaders,suppressed", "Career Compass,4,");
        assertThat(Files.readString(out.folder().resolve("goals.csv")))
                .contains("Tiny Circle,suppressed", "Future Leaders,suppressed", "Career Compass,40,22");
        assertThat(Files.readString(out.folder().resolve("survey-programs.csv")))
                .contains("Tiny Circle,suppressed", "Future Leaders,suppressed", "Career Compass,14");
        // Pre/post: with Tiny Circle hidden, Career Compass would give it away against the all-programs row.
        assertThat(Files.readString(out.folder().resolve("survey-change.csv")))
                .contains("Skill confidence,Tiny Circle,suppressed", "Skill confidence,Career Compass,suppressed",
                        "Skill confidence,All programs,21");
        assertThat(Files.readString(out.folder().resolve("channel-mix.csv")))
                .contains("Tiny Circle,suppressed", "Future Leaders,suppressed");
        // The values of Legal, Sales (complement) and Tiny Circle appear in no CSV and nowhere in the PDF.
        List<String> hiddenValues = List.of("0.44 (0.05 to 3.90)", "66.7% vs 75.0%", "0.71 (0.37 to 1.37)", "86.2% vs 82.6%",
                "1.67", "-66.7", "0.73 (-0.50 to 1.90)", "0.38 (0.14 to 0.62)", "3.89", "11.1", "0.6%");
        try (var files = Files.list(out.folder())) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                assertThat(Files.readString(csv)).as(csv.getFileName().toString()).doesNotContain(hiddenValues);
            }
        }
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            // Tiny Circle: 1.00 sessions per active match-month, 100% retention; Future Leaders 0.50.
            assertThat(text).doesNotContain("1.00").doesNotContain("0.50").doesNotContain("100.0%")
                    .doesNotContain(hiddenValues);
        }
    }

    @Test
    void chartsAreDrawnOnThePagesAndWrittenAsPngAndCsv() throws Exception {
        ReportOutput out = write();
        assertThat(out.folder().resolve("active-matches-trend.png")).isRegularFile();
        assertThat(out.folder().resolve("retention-12m.csv")).isRegularFile();
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
            // Goals compare the quarter with the previous one: second colour for 2026-Q2.
            BufferedImage goals = new PDFRenderer(pdf).renderImageWithDPI(pageOf(pdf, "Goals"), 50);
            assertThat(countNear(goals, ReportTheme.PALETTE.get(1).getRGB())).isGreaterThan(50);
        }
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
