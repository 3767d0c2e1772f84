package org.mentoringanalytics.reports;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The quarterly report as one self-contained HTML page ({@code mentoring-<quarter>.html}) from the
 * same sections as the PDF: the same chapters, findings, tables and suppression. Charts are inline
 * SVG with a tooltip per item; the fonts are embedded as data URLs and a content security policy
 * forbids every request, so the page opens offline and fetches nothing. Laid out by a jte template
 * (src/main/jte), compiled with the module.
 */
final class HtmlReport {

    /** Chart width in the SVG's own units: the PDF's, so both draw the same picture. */
    private static final double CHART_WIDTH = 495;
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private HtmlReport() {
    }

    static void write(Path file, String title, String subtitle, List<String> cover, List<Section> sections, Quarter quarter,
                      ReportTheme theme) throws IOException {
        HtmlPage page = page(title, subtitle, cover, sections, quarter, theme);
        StringOutput out = new StringOutput();
        TEMPLATES.render("report.jte", page, out);
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    static HtmlPage page(String title, String subtitle, List<String> cover, List<Section> sections, Quarter quarter,
                         ReportTheme theme) {
        List<HtmlPage.Chapter> chapters = new ArrayList<>();
        int figures = 0;
        for (Section section : sections) {
            List<HtmlPage.Block> blocks = new ArrayList<>();
            for (Section.Block block : section.blocks()) {
                if (block instanceof Section.Lead l) {
                    blocks.add(text("lead", l.text()));
                } else if (block instanceof Section.Text t) {
                    blocks.add(text("text", t.text()));
                } else if (block instanceof Section.Note n) {
                    blocks.add(text("note", n.text()));
                } else if (block instanceof Section.Heading h) {
                    blocks.add(text("heading", h.text()));
                } else if (block instanceof Section.TableBlock t) {
                    blocks.add(new HtmlPage.Block("table", null, table(t.table(), false), null, null));
                } else if (block instanceof Section.ChartBlock c) {
                    String svg = SvgChart.svg("chart" + (++figures), c.chart(), c.data(), CHART_WIDTH, c.height());
                    String label = (c.chart().getTitle() == null ? c.data().title() : c.chart().getTitle().getText())
                            + ". The table under the chart, Data behind the chart, lists every value it draws.";
                    blocks.add(new HtmlPage.Block("figure", null, null,
                            new HtmlPage.FigureView(svg, label, table(c.data(), true)), null));
                } else if (block instanceof Section.TilesBlock t) {
                    blocks.add(new HtmlPage.Block("tiles", null, null, null, t.tiles().stream()
                            .map(tile -> new HtmlPage.TileView(tile.label(), tile.valueText(), tile.value() == null,
                                    tile.intervalText(), tile.changeText(quarter), tile.detail() == null ? "" : tile.detail()))
                            .toList()));
                }
            }
            chapters.add(new HtmlPage.Chapter(id(section.title()), section.title(), blocks));
        }
        return new HtmlPage(title, subtitle, cover, chapters, css(theme));
    }

    private static HtmlPage.Block text(String kind, String text) {
        return new HtmlPage.Block(kind, text, null, null, null);
    }

    /** The columns the PDF shows, or every column for a chart's data (as its CSV has them). */
    private static HtmlPage.TableView table(Table table, boolean allColumns) {
        int columns = allColumns ? table.headers().size() : table.pdfColumns();
        List<List<HtmlPage.CellView>> rows = new ArrayList<>();
        for (List<Cell> row : table.rows()) {
            rows.add(row.subList(0, columns).stream()
                    .map(c -> new HtmlPage.CellView(c.text(), c.value() != null && c.kind() != Cell.Kind.TEXT, c.suppressed()))
                    .toList());
        }
        return new HtmlPage.TableView(table.title(), table.headers().subList(0, columns), rows);
    }

    static String id(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String css(ReportTheme theme) {
        try (var in = HtmlReport.class.getResourceAsStream("report.css")) {
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return font("normal", theme.regularFontFile().toPath()) + font("bold", theme.boldFontFile().toPath()) + css;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String font(String weight, Path file) throws IOException {
        return "@font-face{font-family:\"DejaVu Sans\";font-weight:" + weight + ";src:url(data:font/ttf;base64,"
                + Base64.getEncoder().encodeToString(Files.readAllBytes(file)) + ") format(\"truetype\");}\n";
    }
}
