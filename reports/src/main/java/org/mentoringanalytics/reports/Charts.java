package org.mentoringanalytics.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Month;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Builds each chart together with the table of exactly the values it draws. Suppressed values
 * are absent from both.
 */
final class Charts {

    /** A chart and its data. */
    record Chart(String name, JFreeChart chart, Table data) {
    }

    private Charts() {
    }

    static Chart activeMatchesTrend(QuarterlyFigures figures, ReportTheme theme) {
        TimeSeriesCollection dataset = new TimeSeriesCollection();
        List<List<?>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDate, Long>> program : figures.activeByProgramMonth().entrySet()) {
            TimeSeries series = new TimeSeries(program.getKey());
            for (Map.Entry<LocalDate, Long> month : program.getValue().entrySet()) {
                if (month.getValue() != null) {
                    series.add(new Month(month.getKey().getMonthValue(), month.getKey().getYear()), month.getValue());
                }
                rows.add(List.of(program.getKey(), Cells.date(month.getKey()),
                        month.getValue() == null ? Cells.SUPPRESSED : Cells.count(month.getValue())));
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Active matches per month", null, "Active matches",
                dataset, true, false, false);
        theme.apply(chart);
        // Months read as the rest of the report writes them: 2026-07.
        ((org.jfree.chart.axis.DateAxis) chart.getXYPlot().getDomainAxis())
                .setDateFormatOverride(new java.text.SimpleDateFormat("yyyy-MM", java.util.Locale.ROOT));
        return new Chart("active-matches-trend", chart, new Table("active-matches-trend",
                "Active matches per program per month (24 months)", List.of("program", "month", "active_matches"), rows));
    }

    static Chart sessionsPerActiveMatch(QuarterlyFigures figures, ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.ProgramQuarter p : figures.programs()) {
            Double value = p.suppressed() ? null : p.sessionsPerActiveMatchMonth();
            if (value != null) {
                dataset.addValue(value, "Sessions per active match per month", p.programName());
            }
            rows.add(List.of(p.programName(), p.suppressed() ? Cells.SUPPRESSED : Cells.decimal(value)));
        }
        JFreeChart chart = ChartFactory.createBarChart("Sessions per active match per month, " + figures.quarter(),
                null, "Sessions", dataset, PlotOrientation.HORIZONTAL, false, false, false);
        theme.apply(chart);
        return new Chart("sessions-per-active-match", chart, new Table("sessions-per-active-match",
                "Sessions per active match per month in " + figures.quarter(),
                List.of("program", "sessions_per_active_match_month"), rows));
    }

    /**
     * Kaplan-Meier curves of one role's participants and their matched comparison, each with dashed
     * 95% bands, by months since the index date.
     */
    /** Fewest people still followed for a curve to go on: beyond it a curve moves by single exits. */
    static final int MIN_AT_RISK = 10;

    /** The points of one curve up to, not including, the first with fewer than {@link #MIN_AT_RISK} at risk. */
    static List<QuarterlyFigures.SurvivalPoint> curve(QuarterlyFigures figures, String role, String group) {
        List<QuarterlyFigures.SurvivalPoint> result = new ArrayList<>();
        for (QuarterlyFigures.SurvivalPoint p : figures.survival()) {
            if (p.role().equals(role) && p.group().equals(group)) {
                if (p.atRisk() < MIN_AT_RISK) {
                    break;
                }
                result.add(p);
            }
        }
        return result;
    }

    /** The lowest band value drawn on either role's chart, rounded down to 10%: one y range for both. */
    static double survivalFloor(QuarterlyFigures figures) {
        double lowest = 100;
        for (String role : List.of("mentee", "mentor")) {
            for (String group : List.of("participant", "comparison")) {
                for (QuarterlyFigures.SurvivalPoint p : curve(figures, role, group)) {
                    lowest = Math.min(lowest, p.lower() * 100);
                }
            }
        }
        return Math.max(0, Math.floor(lowest / 10) * 10 - (lowest % 10 < 2 ? 10 : 0));
    }

    static Chart survival(QuarterlyFigures figures, String role, double floor, ReportTheme theme) {
        org.jfree.data.xy.XYSeriesCollection dataset = new org.jfree.data.xy.XYSeriesCollection();
        List<List<?>> rows = new ArrayList<>();
        String who = role.equals("mentee") ? "Mentees" : "Mentors";
        String[][] curves = {{"participant", who}, {"comparison", "Comparable colleagues"}};
        for (String[] curve : curves) {
            org.jfree.data.xy.XYSeries line = new org.jfree.data.xy.XYSeries(curve[1], true, false);
            org.jfree.data.xy.XYSeries lower = new org.jfree.data.xy.XYSeries(curve[1] + " 95% band", true, true);
            org.jfree.data.xy.XYSeries upper = new org.jfree.data.xy.XYSeries(curve[1] + " 95% band (upper)", true, true);
            line.add(0.0, 100.0);
            for (QuarterlyFigures.SurvivalPoint p : curve(figures, role, curve[0])) {
                double months = p.days() / 30.4375;
                line.add(months, p.survival() * 100);
                lower.add(months, p.lower() * 100);
                upper.add(months, p.upper() * 100);
                rows.add(List.of(curve[1], Cells.count(p.days()), Cells.count(p.atRisk()),
                        new Cell(Cell.Kind.SHARE, Formats.percent(p.survival()), p.survival(), p.lower(), p.upper())));
            }
            dataset.addSeries(line);
            dataset.addSeries(lower);
            dataset.addSeries(upper);
        }
        JFreeChart chart = ChartFactory.createXYStepChart(who + ": share still employed (no voluntary exit)",
                "Months since first match", "Still employed (%)", dataset, PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart);
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        NumberAxis months = new NumberAxis("Months since first match");
        months.setTickLabelFont(plot.getRangeAxis().getTickLabelFont());
        months.setLabelFont(plot.getRangeAxis().getLabelFont());
        months.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(6));
        plot.setDomainAxis(months);
        java.awt.Stroke dashed = new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                1f, new float[]{4f, 3f}, 0f);
        int colour = role.equals("mentee") ? 0 : 2;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            String key = dataset.getSeriesKey(i).toString();
            if (key.contains("95% band")) {
                plot.getRenderer().setSeriesPaint(i, theme.series(colour));
                plot.getRenderer().setSeriesStroke(i, dashed);
                plot.getRenderer().setSeriesVisibleInLegend(i, key.endsWith("band"));
            } else {
                colour = i == 0 ? colour : 1;
                plot.getRenderer().setSeriesPaint(i, theme.series(colour));
            }
        }
        ((NumberAxis) plot.getRangeAxis()).setRange(floor, 100.5);
        String name = "retention-survival-" + role + "s";
        return new Chart(name, chart, new Table(name, who + " and comparable colleagues: Kaplan-Meier share without a "
                + "voluntary exit, drawn while at least " + MIN_AT_RISK + " people are followed",
                List.of("curve", "days", "at risk", "survival (95% CI)"), rows));
    }

    static Chart retention(QuarterlyFigures figures, ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.Retention r : figures.retention()) {
            String group = r.group().equals("mentee") ? "Mentees" : "Non-participants";
            if (!r.suppressed() && r.rate() != null) {
                dataset.addValue(r.rate() * 100, group, r.scopeName());
            }
            rows.add(List.of(r.scopeName(), group, r.suppressed() ? Cells.SUPPRESSED : Cells.percent(r.rate())));
        }
        JFreeChart chart = ChartFactory.createBarChart("12-month voluntary retention", null, "Retained (%)", dataset,
                PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        axis.setRange(0, 100);
        return new Chart("retention-12m", chart, new Table("retention-12m", "12-month voluntary retention",
                List.of("scope", "group", "retention"), rows));
    }
}
