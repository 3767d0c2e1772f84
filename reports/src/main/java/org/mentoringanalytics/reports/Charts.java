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
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<LocalDate, Long>> program : figures.activeByProgramMonth().entrySet()) {
            TimeSeries series = new TimeSeries(program.getKey());
            for (Map.Entry<LocalDate, Long> month : program.getValue().entrySet()) {
                if (month.getValue() != null) {
                    series.add(new Month(month.getKey().getMonthValue(), month.getKey().getYear()), month.getValue());
                }
                rows.add(List.of(program.getKey(), month.getKey().toString(),
                        month.getValue() == null ? Formats.SUPPRESSED : Long.toString(month.getValue())));
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Active matches per month", null, "Active matches",
                dataset, true, false, false);
        theme.apply(chart);
        return new Chart("active-matches-trend", chart, new Table("active-matches-trend",
                "Active matches per program per month (24 months)", List.of("program", "month", "active_matches"), rows));
    }

    static Chart sessionsPerActiveMatch(QuarterlyFigures figures, ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.ProgramQuarter p : figures.programs()) {
            Double value = p.suppressed() ? null : p.sessionsPerActiveMatchMonth();
            if (value != null) {
                dataset.addValue(value, "Sessions per active match per month", p.programName());
            }
            rows.add(List.of(p.programName(), p.suppressed() ? Formats.SUPPRESSED : Formats.decimal(value)));
        }
        JFreeChart chart = ChartFactory.createBarChart("Sessions per active match per month, " + figures.quarter(),
                null, "Sessions", dataset, PlotOrientation.HORIZONTAL, false, false, false);
        theme.apply(chart);
        return new Chart("sessions-per-active-match", chart, new Table("sessions-per-active-match",
                "Sessions per active match per month in " + figures.quarter(),
                List.of("program", "sessions_per_active_match_month"), rows));
    }

    static Chart retention(QuarterlyFigures figures, ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.Retention r : figures.retention()) {
            String group = r.group().equals("mentee") ? "Mentees" : "Non-participants";
            if (!r.suppressed() && r.rate() != null) {
                dataset.addValue(r.rate() * 100, group, r.scopeName());
            }
            rows.add(List.of(r.scopeName(), group, r.suppressed() ? Formats.SUPPRESSED : Formats.percent(r.rate())));
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
