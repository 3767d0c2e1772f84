package org.mentoringanalytics.reports;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Layout faults of a written report, found by rendering its pages: a page other than a chapter's
 * last that is under a third full, and a page whose last line (above the page number) is a table's
 * caption. Shared with the app's end-to-end tests through the test jar.
 */
public final class PdfLayout {

    private PdfLayout() {
    }

    /** The report's table captions for a quarter, as the PDF prints them. */
    public static List<String> captions(String quarter) {
        return List.of("Participation and matching by program, " + quarter, "Engagement by program, " + quarter,
                "Goals by program, set and completed by the end of " + quarter,
                "Live matches by days since their last session, on the as-of date",
                "Mentees' change from baseline to end of program", "Who takes part, " + quarter + ": shares of each group");
    }

    /** Every fault, one line each naming its page; empty when the layout is sound. */
    public static List<String> problems(Path pdf, List<String> captions) throws IOException {
        List<String> problems = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            List<Integer> chapterStarts = new ArrayList<>();
            for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                chapterStarts.add(document.getPages().indexOf(item.findDestinationPage(document)));
            }
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 1; page < document.getNumberOfPages(); page++) {
                boolean chapterEnd = page == document.getNumberOfPages() - 1 || chapterStarts.contains(page + 1);
                double fill = filled(renderer.renderImageWithDPI(page, 40));
                if (!chapterEnd && fill <= 1 / 3.0) {
                    problems.add(String.format(java.util.Locale.ROOT, "page %d is %.0f%% full and not a chapter's last",
                            page + 1, fill * 100));
                }
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page + 1);
                stripper.setEndPage(page + 1);
                List<String> lines = stripper.getText(document).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                String last = lines.size() > 1 ? lines.get(lines.size() - 2) : "";
                if (captions.contains(last)) {
                    problems.add("page " + (page + 1) + " ends with the caption \"" + last + "\"");
                }
            }
        }
        return problems;
    }

    /** Share of the page's height between its top margin and the lowest ink above the page number. */
    static double filled(BufferedImage image) {
        int height = image.getHeight();
        int top = (int) (height * 60 / 842.0);
        int footer = (int) (height * (842 - 70) / 842.0);
        int lowest = top;
        for (int y = top; y < footer; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    lowest = y;
                    break;
                }
            }
        }
        return (lowest - top) / (double) (footer - top);
    }
}
