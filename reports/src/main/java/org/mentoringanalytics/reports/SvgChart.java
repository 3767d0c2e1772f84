package org.mentoringanalytics.reports;

import java.io.StringWriter;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGIDGenerator;
import org.apache.batik.svggen.SVGPath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A chart drawn as an SVG element for the HTML report (Apache Batik's SVG generator), with a tooltip on every bar,
 * point and cell: its series, its group and its value, with the interval where the chart draws
 * one, followed by the row of the chart's data table it comes from (which carries the people
 * count where the table has it). Text stays text, in the page's embedded font.
 */
final class SvgChart {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile(" \\((suppressed|too early to tell)\\)$");
    private static final java.util.regex.Pattern MONTH = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");

    private SvgChart() {
    }

    /**
     * @param id     unique in the page: the SVG's id and the prefix of its clip-path ids
     * @param width  drawing width in points; the element scales to its container
     */
    static String svg(String id, JFreeChart chart, Table data, double width, double height) {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument(SVG_NS, "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setIDGenerator(new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
                return super.generateID(id + "-" + prefix);
            }
        });
        context.setComment(null);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new java.awt.Dimension((int) Math.ceil(width), (int) Math.ceil(height)));
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        Element root = g.getRoot();
        root.setAttribute("id", id);
        root.setAttribute("viewBox", "0 0 " + (int) Math.ceil(width) + " " + (int) Math.ceil(height));
        root.removeAttribute("width");
        root.removeAttribute("height");
        for (Object each : new ArrayList<Object>(info.getEntityCollection().getEntities())) {
            ChartEntity entity = (ChartEntity) each;
            String tip = tooltip(chart, entity, data);
            if (tip == null) {
                continue;
            }
            // A transparent shape over the item carries the tooltip as its <title>.
            Element hotspot = document.createElementNS(SVG_NS, "path");
            hotspot.setAttribute("d", SVGPath.toSVGPathData(entity.getArea(), context));
            hotspot.setAttribute("fill", "#000000");
            hotspot.setAttribute("fill-opacity", "0");
            hotspot.setAttribute("stroke", "none");
            Element title = document.createElementNS(SVG_NS, "title");
            title.setTextContent(tip);
            hotspot.appendChild(title);
            root.appendChild(hotspot);
        }
        StringWriter out = new StringWriter();
        try {
            g.stream(root, out, true, false);
        } catch (SVGGraphics2DIOException e) {
            throw new IllegalStateException("cannot write the SVG of " + id, e);
        }
        // Inline in HTML: the element alone, without the XML prolog and DTD a standalone file carries.
        String svg = out.toString();
        return svg.substring(svg.indexOf("<svg"));
    }

    static String tooltip(JFreeChart chart, ChartEntity entity, Table data) {
        String main = null;
        List<String> keys = new ArrayList<>();
        if (entity instanceof CategoryItemEntity e) {
            Number value = e.getDataset().getValue(e.getRowKey(), e.getColumnKey());
            if (value == null) {
                return null;
            }
            String series = e.getRowKey().toString();
            String category = e.getColumnKey().toString();
            String unit = chart.getPlot() instanceof CategoryPlot p && p.getRangeAxis() != null ? p.getRangeAxis().getLabel() : null;
            main = series + ", " + category + ": " + Formats.number(value.doubleValue(), 1) + unit(unit);
            keys.add(series);
            keys.add(category);
        } else if (entity instanceof XYItemEntity e && chart.getPlot() instanceof XYPlot plot) {
            XYDataset dataset = e.getDataset();
            int s = e.getSeriesIndex();
            int i = e.getItem();
            String series = dataset.getSeriesKey(s).toString();
            if (series.contains("95% band")) {
                // A curve's band: its bounds are in the tooltip of the curve's own points' data.
                return null;
            }
            double x = dataset.getXValue(s, i);
            double y = dataset.getYValue(s, i);
            ValueAxis domain = plot.getDomainAxis();
            ValueAxis range = plot.getRangeAxis();
            if (dataset instanceof XYZDataset z && domain instanceof SymbolAxis xs && range instanceof SymbolAxis ys) {
                // A heat map cell: row and column are symbols, the value is z.
                String row = ys.valueToString(y);
                String column = xs.valueToString(x);
                main = row + ", " + column + ": " + Formats.number(z.getZValue(s, i), 1) + unit(legendUnit(chart));
                keys.add(row);
                keys.add(column);
            } else if (range instanceof SymbolAxis ys && dataset instanceof IntervalXYDataset interval) {
                // A forest plot: an estimate with its interval on a row of groups.
                String row = ys.valueToString(Math.round(y));
                main = series + ", " + row + ": " + Formats.signed(x, 1) + " points (95% interval "
                        + Formats.number(interval.getStartXValue(s, i), 1) + " to "
                        + Formats.number(interval.getEndXValue(s, i), 1) + ")";
                keys.add(series);
                keys.add(row);
            } else {
                String at = domain instanceof DateAxis
                        ? Instant.ofEpochMilli((long) x).atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7)
                        : (domain.getLabel() == null ? "" : domain.getLabel() + " ") + Formats.number(x, 0);
                main = series + ", " + at + ": " + Formats.number(y, y == Math.rint(y) ? 0 : 2) + unit(range.getLabel());
                keys.add(series);
                keys.add(domain instanceof DateAxis ? at : Formats.count(Math.round(x)));
            }
        }
        if (main == null) {
            return null;
        }
        String row = dataRow(data, keys);
        return row == null ? main : main + "\n" + row;
    }

    private static String unit(String axisLabel) {
        return axisLabel == null || axisLabel.isBlank() ? "" : " (" + axisLabel + ")";
    }

    private static String legendUnit(JFreeChart chart) {
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.PaintScaleLegend legend) {
                return legend.getAxis().getLabel();
            }
        }
        return null;
    }

    /**
     * The data table's row that matches the item, as "header: value" pairs: the row whose cells
     * hold the most of the item's keys (a group label matches with or without its "(suppressed)"
     * note), provided it holds the group's key.
     */
    static String dataRow(Table data, List<String> keys) {
        // Once per item, not per row and key: a survival chart has thousands of items and rows.
        List<String> bareKeys = keys.stream().map(SvgChart::bare).toList();
        List<Cell> best = null;
        int bestScore = 0;
        for (List<Cell> row : data.rows()) {
            int score = 0;
            for (int k = 0; k < keys.size(); k++) {
                String key = bareKeys.get(k);
                for (Cell cell : row) {
                    if (matches(key, cell.text())) {
                        score += k == keys.size() - 1 ? 2 : 1;
                        break;
                    }
                }
            }
            if (score > bestScore && score >= 2) {
                best = row;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < best.size(); c++) {
            parts.add(data.headers().get(c) + ": " + best.get(c).text());
        }
        return String.join("; ", parts);
    }

    /** A label without the notes the charts add to it. */
    private static String bare(String label) {
        return NOTE.matcher(label).replaceAll("");
    }

    /**
     * Whether a data cell names the item's key: the same text, the value after a "Label: "
     * prefix or the last word ("Score 4" and 4), or the month of a date (2026-07 and 2026-07-01).
     */
    static boolean matches(String key, String cell) {
        return !cell.isEmpty() && (key.equals(cell) || key.endsWith(": " + cell) || key.endsWith(" " + cell)
                || cell.length() > key.length() && cell.charAt(key.length()) == '-' && cell.startsWith(key)
                        && MONTH.matcher(key).matches());
    }
}
