package org.mentoringanalytics.reports;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.mentoringanalytics.reports.WhereItWorks.Group;

/**
 * A forest plot of the matched 12-month difference (retention or promotion) by program type and by
 * department: one row per group, a dot with its 95% interval for mentees and one for mentors, a line
 * at no difference. Every group is a row; a group without an estimate reads "(too early to tell)".
 */
final class ForestChart {

    enum Measure { RETENTION, PROMOTION }

    private ForestChart() {
    }

    static Charts.Chart of(List<Group> groups, Measure measure, ReportTheme theme) {
        Map<String, List<Group>> rows = new LinkedHashMap<>();
        for (String kind : List.of("program_type", "department")) {
            groups.stream().filter(g -> g.kind().equals(kind))
                    .sorted(Comparator.comparingDouble((Group g) -> sortKey(groups, g, measure)).thenComparing(Group::scope))
                    .forEach(g -> rows.computeIfAbsent(kind + "|" + g.scope(), k -> new ArrayList<>()).add(g));
        }
        List<String> labels = new ArrayList<>();
        XYIntervalSeries mentees = new XYIntervalSeries("Mentees");
        XYIntervalSeries mentors = new XYIntervalSeries("Mentors");
        List<List<?>> data = new ArrayList<>();
        int row = rows.size() - 1;
        for (List<Group> each : rows.values()) {
            Group first = each.get(0);
            boolean any = false;
            for (Group g : each) {
                Double estimate = estimate(g, measure);
                Double lower = measure == Measure.RETENTION ? g.retentionLower() : g.promotionLower();
                Double upper = measure == Measure.RETENTION ? g.retentionUpper() : g.promotionUpper();
                boolean shown = estimate != null && lower != null && upper != null;
                if (shown) {
                    any = true;
                    double y = row + (g.role().equals("mentee") ? 0.15 : -0.15);
                    (g.role().equals("mentee") ? mentees : mentors).add(estimate * 100, lower * 100, upper * 100, y, y, y);
                }
                data.add(List.of(first.kind().equals("program_type") ? "program type" : "department", g.label(),
                        g.role().equals("mentee") ? "Mentees" : "Mentors",
                        shown ? Cells.pointsInterval(estimate, lower, upper) : status(g),
                        Cells.text(verdict(g, measure))));
            }
            labels.add(0, first.label() + (any ? "" : " (too early to tell)"));
            row--;
        }
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        dataset.addSeries(mentees);
        dataset.addSeries(mentors);
        NumberAxis x = new NumberAxis(measure == Measure.RETENTION
                ? "12-month retention, difference in points (right: more stay)"
                : "Promoted in 12 months, difference in points (right: more)");
        SymbolAxis y = new SymbolAxis(null, labels.toArray(String[]::new));
        y.setGridBandsVisible(false);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(true);
        renderer.setDrawYError(false);
        renderer.setDefaultLinesVisible(false);
        renderer.setDefaultShapesVisible(true);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        renderer.setSeriesShape(1, new Rectangle2D.Double(-3, -3, 6, 6));
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setCapLength(4);
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.addDomainMarker(new ValueMarker(0, ReportTheme.INK, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(measure == Measure.RETENTION
                ? "Who stays a year: participants against comparable colleagues"
                : "Who is promoted within a year: participants against comparable colleagues", plot);
        theme.apply(chart);
        renderer.setSeriesPaint(0, theme.series(0));
        renderer.setSeriesPaint(1, theme.series(2));
        renderer.setErrorPaint(null);
        x.setTickLabelFont(y.getTickLabelFont());
        x.setLabelFont(y.getTickLabelFont());
        String name = measure == Measure.RETENTION ? "where-retention" : "where-promotion";
        return new Charts.Chart(name, chart, new Table(name, measure == Measure.RETENTION
                ? "Matched 12-month retention difference by program type and department"
                : "Matched 12-month promotion difference by program type and department",
                List.of("scope kind", "group", "role", "difference (95% CI)", "verdict"), data));
    }

    /** Height in points that gives every row room. */
    static float height(List<Group> groups) {
        long rows = groups.stream().filter(g -> !g.kind().equals("all")).map(g -> g.kind() + g.scope()).distinct().count();
        return Math.max(160, 70 + 17 * rows);
    }

    private static Double estimate(Group g, Measure measure) {
        return measure == Measure.RETENTION ? g.retention() : g.promotion();
    }

    private static Cell status(Group g) {
        return g.verdict() == WhereItWorks.Verdict.TOO_EARLY && g.why() != null && g.why().startsWith("fewer than")
                ? Cells.SUPPRESSED : Cell.MISSING;
    }

    private static String verdict(Group g, Measure measure) {
        if (measure == Measure.PROMOTION) {
            return g.promotion() == null ? "too early to tell" : g.promotionClear() ? "clear difference" : "no clear difference";
        }
        return switch (g.verdict()) {
            case FEWER_EXITS -> "fewer exits";
            case MORE_EXITS -> "more exits";
            case NO_CLEAR_DIFFERENCE -> "no clear difference";
            case TOO_EARLY -> "too early to tell";
        };
    }

    /** Rows sorted by the mentees' estimate (largest first at the top), groups without one last. */
    private static double sortKey(List<Group> groups, Group g, Measure measure) {
        return groups.stream().filter(o -> o.kind().equals(g.kind()) && o.scope().equals(g.scope()) && o.role().equals("mentee"))
                .map(o -> estimate(o, measure)).filter(java.util.Objects::nonNull).findFirst().map(v -> -v)
                .orElse(Double.MAX_VALUE);
    }
}
