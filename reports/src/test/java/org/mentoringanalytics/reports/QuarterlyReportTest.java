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
                    "Live matches at quarter end", "83.3%", "80.0%", "72", "85.0%", "75.0%", "+10.0 pts",
                    "Career Compass", "2.50", "Methodology", "Comparison group", "Suppression of small groups",
                    "Mentees were 7.0 points more likely than comparable colleagues to stay 12 months (95% CI 1.1 to 12.8",
                    "0.62 (0.41 to 0.93)", "Mentors were 1.0 points more likely",
                    "The interval includes no difference: this cohort can only detect a gap of about 13.0 points",
                    "Survival, hazard ratio and tests", "Efron");
            List<String> outline = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                outline.add(item.getTitle().trim());
            }
            assertThat(outline).containsExactly("Summary", "Engagement", "Retention", "Methodology");
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
        assertThat(Files.readString(out.folder().resolve("retention-matched.csv")))
                .contains("career,Mentees,suppressed,suppressed,suppressed,suppressed,suppressed")
                .doesNotContain("0.50 (0.10 to 2.00)");
        assertThat(Files.readString(out.folder().resolve("active-matches-trend.csv")))
                .contains("Tiny Circle,2026-09-01,suppressed")
                .contains("Future Leaders,2026-09-01,suppressed");
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            // Tiny Circle: 1.00 sessions per active match-month, 100% retention; Future Leaders 0.50.
            assertThat(text).doesNotContain("1.00").doesNotContain("0.50").doesNotContain("100.0%");
        }
    }

    @Test
    void chartsAreDrawnOnThePagesAndWrittenAsPngAndCsv() throws Exception {
        ReportOutput out = write();
        assertThat(out.folder().resolve("active-matches-trend.png")).isRegularFile();
        assertThat(out.folder().resolve("retention-12m.csv")).isRegularFile();
        try (PDDocument pdf = Loader.loadPDF(out.pdf().toFile())) {
            // Page 3 is Engagement: Career Compass's trend line and bar in the palette's first colour.
            BufferedImage engagement = new PDFRenderer(pdf).renderImageWithDPI(2, 50);
            assertThat(countNear(engagement, ReportTheme.PALETTE.get(0).getRGB())).isGreaterThan(200);
            // Page 4 is Retention: mentees' bars in the first colour, non-participants' in the second.
            BufferedImage retention = new PDFRenderer(pdf).renderImageWithDPI(3, 50);
            assertThat(countNear(retention, ReportTheme.PALETTE.get(1).getRGB())).isGreaterThan(200);
        }
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
