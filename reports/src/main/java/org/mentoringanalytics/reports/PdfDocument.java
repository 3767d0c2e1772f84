package org.mentoringanalytics.reports;

import com.lowagie.text.Chapter;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.JFreeChart;

/**
 * A thin layer over OpenPDF for the report's building blocks: chapters (each one a bookmark in
 * the outline), paragraphs, tables that repeat their header row across pages, and charts drawn
 * as vector graphics with real, selectable text in the embedded DejaVu fonts. Page numbers are
 * stamped on every page.
 */
final class PdfDocument implements AutoCloseable {

    private static final float CHART_WIDTH = 495f;
    static final int KEEP_TOGETHER_ROWS = 30;

    private final Document document;
    private final PdfWriter writer;
    private final BaseFont regular;
    private final BaseFont bold;
    private final Font body;
    private final Font small;
    private final Font heading;
    private final Font tableHeader;
    private int chapterNumber;

    PdfDocument(OutputStream out, ReportTheme theme, String title) {
        try {
            regular = BaseFont.createFont(theme.regularFontFile().getAbsolutePath(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            bold = BaseFont.createFont(theme.boldFontFile().getAbsolutePath(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            body = new Font(regular, 10, Font.NORMAL, ReportTheme.INK);
            small = new Font(regular, 8, Font.NORMAL, ReportTheme.MUTED);
            heading = new Font(bold, 16, Font.NORMAL, ReportTheme.PALETTE.get(0));
            tableHeader = new Font(bold, 9, Font.NORMAL, java.awt.Color.WHITE);
            document = new Document(PageSize.A4, 50, 50, 60, 60);
            writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageNumbers(regular));
            // Keep charts where they are written: otherwise a chart that does not fit jumps ahead of later text.
            writer.setStrictImageSequence(true);
            document.addTitle(title);
            document.addCreator("mentoring-analytics");
            document.open();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot start the PDF: " + e.getMessage(), e);
        }
    }

    void cover(String title, String subtitle, java.util.List<String> lines) {
        Paragraph spacer = new Paragraph(" ", body);
        spacer.setSpacingBefore(180);
        add(spacer);
        add(new Paragraph(title, new Font(bold, 26, Font.NORMAL, ReportTheme.PALETTE.get(0))));
        Paragraph sub = new Paragraph(subtitle, new Font(regular, 16, Font.NORMAL, ReportTheme.INK));
        sub.setSpacingAfter(30);
        add(sub);
        for (String line : lines) {
            add(new Paragraph(line, body));
        }
    }

    /** Starts a chapter on a new page; the chapter's title becomes an outline entry. */
    Chapter chapter(String title) {
        Paragraph p = new Paragraph(title, heading);
        p.setSpacingAfter(12);
        Chapter chapter = new Chapter(p, ++chapterNumber);
        chapter.setNumberDepth(0);
        chapter.setBookmarkOpen(true);
        return chapter;
    }

    void paragraph(Chapter chapter, String text) {
        Paragraph p = new Paragraph(text, body);
        // A paragraph moves whole to the next page rather than leave a line or two behind.
        p.setKeepTogether(true);
        p.setSpacingAfter(6);
        p.setLeading(14);
        put(chapter, p);
    }

    /** A chapter's headline sentence: larger, in the heading colour. */
    void lead(Chapter chapter, String text) {
        Paragraph p = new Paragraph(text, new Font(bold, 13, Font.NORMAL, ReportTheme.INK));
        p.setLeading(18);
        p.setSpacingAfter(10);
        put(chapter, p);
    }

    void note(Chapter chapter, String text) {
        Paragraph p = new Paragraph(text, small);
        p.setSpacingAfter(8);
        put(chapter, p);
    }

    void subheading(Chapter chapter, String text) {
        Paragraph p = new Paragraph(text, new Font(bold, 11, Font.NORMAL, ReportTheme.INK));
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        put(chapter, p);
    }

    /**
     * A table with its caption as a first header row, so the caption never stays behind at a page's
     * foot; a table of up to {@value #KEEP_TOGETHER_ROWS} rows moves whole to the next page rather than
     * split, and a longer one repeats its caption and header on every page.
     */
    void table(Chapter chapter, Table table) {
        int columns = table.pdfColumns();
        PdfPTable pdf = new PdfPTable(columns);
        pdf.setWidthPercentage(100);
        try {
            pdf.setWidths(columnWidths(table));
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        pdf.setHeaderRows(2);
        pdf.setSpacingBefore(6);
        pdf.setSpacingAfter(10);
        pdf.setKeepTogether(table.rows().size() <= KEEP_TOGETHER_ROWS);
        PdfPCell caption = new PdfPCell(new Phrase(table.title(), small));
        caption.setColspan(columns);
        caption.setBorder(Rectangle.NO_BORDER);
        caption.setPaddingLeft(0);
        caption.setPaddingBottom(3);
        pdf.addCell(caption);
        for (String header : table.headers().subList(0, columns)) {
            PdfPCell cell = new PdfPCell(new Phrase(header, tableHeader));
            cell.setBackgroundColor(ReportTheme.HEADER);
            cell.setPadding(4);
            pdf.addCell(cell);
        }
        boolean shade = false;
        for (java.util.List<Cell> cells : table.rows()) {
            java.util.List<String> row = table.shown(cells);
            for (int i = 0; i < row.size(); i++) {
                PdfPCell cell = new PdfPCell(new Phrase(row.get(i), new Font(regular, 9, Font.NORMAL, ReportTheme.INK)));
                cell.setPadding(3);
                cell.setBorderColor(ReportTheme.GRID);
                // Names and labels read from the left, numbers line up on the right.
                cell.setHorizontalAlignment(i == 0 || cells.get(i).kind() == Cell.Kind.TEXT
                        ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
                if (shade) {
                    cell.setBackgroundColor(new java.awt.Color(0xF3F6FA));
                }
                pdf.addCell(cell);
            }
            shade = !shade;
        }
        put(chapter, pdf);
    }

    /**
     * Column widths in points, measured in the fonts the table is drawn in. No header word and no
     * unbreakable cell text (intervals are joined by non-breaking spaces) is ever split: each column
     * gets at least its widest word, and the room left on the line goes to the columns whose
     * longer cells would otherwise wrap, in proportion to what they lack.
     */
    private float[] columnWidths(Table table) {
        int columns = table.pdfColumns();
        float available = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
        float[] least = new float[columns];
        float[] wanted = new float[columns];
        for (int i = 0; i < columns; i++) {
            for (String word : table.headers().get(i).split(" ")) {
                least[i] = Math.max(least[i], bold.getWidthPoint(word, 9) + 9);
            }
            for (java.util.List<Cell> row : table.rows()) {
                String text = row.get(i).text();
                for (String word : text.split(" ")) {
                    least[i] = Math.max(least[i], regular.getWidthPoint(word, 9) + 7);
                }
                wanted[i] = Math.max(wanted[i], Math.min(regular.getWidthPoint(text, 9), 110) + 7);
            }
            wanted[i] = Math.max(wanted[i], least[i]);
        }
        float leastTotal = 0;
        float wantedTotal = 0;
        for (int i = 0; i < columns; i++) {
            leastTotal += least[i];
            wantedTotal += wanted[i];
        }
        float[] widths = new float[columns];
        for (int i = 0; i < columns; i++) {
            if (wantedTotal <= available || leastTotal >= available) {
                // Everything fits (the table is stretched to the line), or nothing can: keep the proportions.
                widths[i] = wanted[i];
            } else {
                widths[i] = least[i] + (wanted[i] - least[i]) * (available - leastTotal) / (wantedTotal - leastTotal);
            }
        }
        return widths;
    }

    /** The key figures as a grid of tiles, three to a row: label, value, interval, change and detail. */
    void tiles(Chapter chapter, java.util.List<Kpis.Tile> tiles, Quarter quarter) {
        PdfPTable grid = new PdfPTable(3);
        grid.setWidthPercentage(100);
        grid.setSpacingAfter(12);
        Font label = new Font(bold, 9, Font.NORMAL, ReportTheme.MUTED);
        Font value = new Font(bold, 20, Font.NORMAL, ReportTheme.PALETTE.get(0));
        Font suppressed = new Font(bold, 12, Font.NORMAL, ReportTheme.MUTED);
        Font line = new Font(regular, 8, Font.NORMAL, ReportTheme.INK);
        for (Kpis.Tile tile : tiles) {
            PdfPCell cell = new PdfPCell();
            cell.setBorderColor(ReportTheme.GRID);
            cell.setPadding(8);
            cell.setMinimumHeight(92);
            cell.addElement(new Paragraph(tile.label(), label));
            cell.addElement(new Paragraph(tile.valueText(), tile.value() == null ? suppressed : value));
            for (String text : java.util.List.of(tile.intervalText(), tile.changeText(quarter), tile.detail())) {
                if (!text.isEmpty()) {
                    cell.addElement(new Paragraph(text, text.equals(tile.detail()) ? small : line));
                }
            }
            grid.addCell(cell);
        }
        grid.completeRow();
        put(chapter, grid);
    }

    /** Draws the chart as vector graphics into a template placed in the text flow. */
    void chart(Chapter chapter, JFreeChart chart, float height) {
        PdfContentByte content = writer.getDirectContent();
        PdfTemplate template = content.createTemplate(CHART_WIDTH, height);
        Graphics2D g2 = template.createGraphics(CHART_WIDTH, height, new DejaVuMapper());
        chart.draw(g2, new Rectangle2D.Double(0, 0, CHART_WIDTH, height));
        g2.dispose();
        try {
            Image image = Image.getInstance(template);
            image.setAlignment(Element.ALIGN_CENTER);
            image.setSpacingAfter(8);
            put(chapter, image);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<Element> group;

    /** Elements put until {@link #endGroup} stay on one page: a heading never ends a page without what it heads. */
    void beginGroup() {
        group = new java.util.ArrayList<>();
    }

    void endGroup(Chapter chapter) {
        java.util.List<Element> elements = group;
        group = null;
        if (elements == null || elements.isEmpty()) {
            return;
        }
        PdfPTable wrapper = new PdfPTable(1);
        wrapper.setWidthPercentage(100);
        wrapper.setKeepTogether(true);
        wrapper.setSplitLate(true);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        elements.forEach(cell::addElement);
        wrapper.addCell(cell);
        chapter.add(wrapper);
    }

    private void put(Chapter chapter, Element element) {
        if (group != null) {
            group.add(element);
        } else {
            chapter.add(element);
        }
    }

    void add(Element element) {
        try {
            document.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    void newPage() {
        document.newPage();
    }

    @Override
    public void close() {
        document.close();
    }

    /** Every AWT font JFreeChart asks for is drawn with the embedded DejaVu face of the same weight. */
    private final class DejaVuMapper implements FontMapper {
        @Override
        public BaseFont awtToPdf(java.awt.Font font) {
            return font.isBold() ? bold : regular;
        }

        @Override
        public java.awt.Font pdfToAwt(BaseFont font, int size) {
            return new java.awt.Font("DejaVu Sans", font == bold ? java.awt.Font.BOLD : java.awt.Font.PLAIN, size);
        }
    }

    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;

        PageNumbers(BaseFont font) {
            this.font = font;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            if (writer.getPageNumber() == 1) {
                return;
            }
            Rectangle page = document.getPageSize();
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                    new Phrase(new Chunk("Page " + writer.getPageNumber(), new Font(font, 8, Font.NORMAL, ReportTheme.MUTED))),
                    (page.getLeft() + page.getRight()) / 2, page.getBottom() + 30, 0);
        }
    }
}
