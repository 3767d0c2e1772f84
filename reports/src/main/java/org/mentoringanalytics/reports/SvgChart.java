package org.mentoringanalytics.reports;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * A chart drawn as an SVG element for the HTML report (JFreeSVG), with a tooltip on every bar,
 * point and cell: its series, its group and its value, with the interval where the chart draws
 * one, followed by the row of the chart's data table it comes from (which carries the people
 * count where the table has it). Text stays text, in the page's embedded font.
 */
final class SvgChart {

    private static final Color INVISIBLE = new Color(0, 0, 0, 0);

    private SvgChart() {
    }

    /**
     * @param id     unique in the page: prefixes the SVG's clip and gradient ids
     * @param width  drawing width in points; the element scales to its container
     */
    static String svg(String id, JFreeChart chart, Table data, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
        int tips = 0;
        for (Object each : new ArrayList<Object>(info.getEntityCollection().getEntities())) {
            ChartEntity entity = (ChartEntity) each;
            String tip = tooltip(chart, entity, data);
            if (tip == null) {
                continue;
            }
            // A transparent shape over the item carries the tooltip; a <title> titles its group.
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id + "-tip-" + (++tips));
            g.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, tip);
            g.setPaint(INVISIBLE);
            g.fill(entity.getArea());
            g.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
        }
        return g.getSVGElement(id, false, new ViewBox(0, 0, (int) width, (int) height), null, null);
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
        List<Cell> best = null;
        int bestScore = 0;
        for (List<Cell> row : data.rows()) {
            int score = 0;
            for (int k = 0; k < keys.size(); k++) {
                String key = bare(keys.get(k));
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
        return label.replaceAll(" \\((suppressed|too early to tell)\\)$", "");
    }

    /**
     * Whether a data cell names the item's key: the same text, the value after a "Label: "
     * prefix or the last word ("Score 4" and 4), or the month of a date (2026-07 and 2026-07-01).
     */
    static boolean matches(String key, String cell) {
        return !cell.isEmpty() && (key.equals(cell) || key.endsWith(": " + cell) || key.endsWith(" " + cell)
                || cell.startsWith(key + "-") && key.matches("\\d{4}-\\d{2}"));
    }
}
