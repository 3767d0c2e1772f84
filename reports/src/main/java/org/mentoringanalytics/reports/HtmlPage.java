package org.mentoringanalytics.reports;

import java.util.List;

/**
 * What the HTML report's template draws, already worked out: texts, tables with their cells'
 * texts, charts as SVG. The template decides nothing about figures or suppression; it only lays
 * out what the report's sections hold. Public only because compiled templates live in jte's package.
 *
 * @param title    the page title
 * @param subtitle the quarter line
 * @param cover    the cover's lines (programs, quarter, as-of date, suppression)
 * @param chapters the report's chapters in order
 * @param css      the page's style sheet, fonts included as data URLs
 */
public record HtmlPage(String title, String subtitle, List<String> cover, List<Chapter> chapters, String css) {

    /** One chapter: an anchor id for the contents, its title and its blocks. */
    public record Chapter(String id, String title, List<Block> blocks) {
    }

    /**
     * One block of a chapter; exactly one of text, table, figure and tiles is set, as its kind says.
     *
     * @param kind lead, text, note, heading, table, figure or tiles
     */
    public record Block(String kind, String text, TableView table, FigureView figure, List<TileView> tiles) {

        public boolean is(String k) {
            return kind.equals(k);
        }
    }

    /** A table: caption, column headers and rows of cells; the first column heads its row. */
    public record TableView(String caption, List<String> headers, List<List<CellView>> rows) {
    }

    /**
     * @param numeric right-aligned
     * @param suppressed drawn as suppressed
     */
    public record CellView(String text, boolean numeric, boolean suppressed) {
    }

    /**
     * A chart: the SVG element, a text alternative, and the table of exactly what it draws.
     *
     * @param label the chart's title and what it shows, for screen readers
     */
    public record FigureView(String svg, String label, TableView data) {
    }

    /** A key-figure tile as the PDF shows it. */
    public record TileView(String label, String value, boolean missing, String interval, String change, String detail) {
    }
}
