package org.mentoringanalytics.reports;

import static org.mentoringanalytics.reports.Rows.dbl;
import static org.mentoringanalytics.reports.Rows.lng;
import static org.mentoringanalytics.reports.Rows.str;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Goals set and completed by the quarter's end (mart_goals_quarterly) and overdue goals (mart_goals). */
final class GoalsSection {

    private static final String ALL = "ALL";

    private final List<Map<String, Object>> quarterly;
    private final List<Map<String, Object>> asOf;
    private final Quarter quarter;
    private final int threshold;

    GoalsSection(List<Map<String, Object>> quarterly, List<Map<String, Object>> asOf, Quarter quarter, int threshold) {
        this.quarterly = quarterly;
        this.asOf = asOf;
        this.quarter = quarter;
        this.threshold = threshold;
    }

    private List<Map<String, Object>> rows(Quarter q) {
        return quarterly.stream().filter(r -> str(r, "quarter").equals(q.toString()))
                .sorted(Comparator.comparing((Map<String, Object> r) -> str(r, "program_id").equals(ALL))
                        .thenComparing(r -> str(r, "program_name")))
                .toList();
    }

    private Map<String, Object> all(Quarter q) {
        return rows(q).stream().filter(r -> str(r, "program_id").equals(ALL)).findFirst().orElse(null);
    }

    private boolean small(Map<String, Object> row) {
        return row == null || lng(row, "people") < threshold;
    }

    Kpis.Tile tile() {
        Map<String, Object> now = all(quarter);
        Map<String, Object> before = all(quarter.previous());
        if (small(now) || dbl(now, "completion_rate") == null) {
            return new Kpis.Tile("Goal completion", Kpis.Unit.PERCENT, null, null, null, null, "",
                    now == null || dbl(now, "completion_rate") == null ? "no goals yet" : Formats.SUPPRESSED);
        }
        Double previous = small(before) ? null : dbl(before, "completion_rate");
        Change.Interval change = previous == null ? null : Change.shares(lng(now, "goals_completed"), lng(now, "goals_set"),
                lng(before, "goals_completed"), lng(before, "goals_set"));
        return new Kpis.Tile("Goal completion", Kpis.Unit.PERCENT, dbl(now, "completion_rate"), null, null, previous,
                Formats.count(lng(now, "goals_completed")) + " of " + Formats.count(lng(now, "goals_set")) + " goals set to date",
                null, change);
    }

    Section build(ReportTheme theme) {
        List<Map<String, Object>> current = rows(quarter);
        List<Map<String, Object>> programs = current.stream().filter(r -> !str(r, "program_id").equals(ALL)).toList();
        Set<String> hidden = new java.util.HashSet<>();
        Suppression.siblings(Suppression.people(programs, r -> lng(r, "people")), threshold)
                .forEach(r -> hidden.add(str(r, "program_id")));
        List<List<?>> cells = new ArrayList<>();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> chartData = new ArrayList<>();
        for (Map<String, Object> r : current) {
            String id = str(r, "program_id");
            Map<String, Object> overall = asOf.stream().filter(g -> str(g, "program_id").equals(id)).findFirst().orElse(null);
            boolean suppressed = hidden.contains(id) || lng(r, "people") > 0 && lng(r, "people") < threshold;
            if (suppressed) {
                cells.add(List.of(str(r, "program_name"), Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED,
                        Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED));
                chartData.add(List.of(str(r, "program_name"), Cells.SUPPRESSED, Cells.SUPPRESSED));
                continue;
            }
            cells.add(List.of(str(r, "program_name"), Cells.count(lng(r, "goals_set")), Cells.count(lng(r, "goals_completed")),
                    Cells.percent(dbl(r, "completion_rate")), Cells.count(lng(r, "set_in_quarter")),
                    Cells.count(lng(r, "completed_in_quarter")),
                    overall == null ? "" : Cells.days(dbl(overall, "median_days_to_complete"))));
            Map<String, Object> before = rows(quarter.previous()).stream().filter(p -> str(p, "program_id").equals(id))
                    .findFirst().orElse(null);
            Double previous = small(before) ? null : dbl(before, "completion_rate");
            if (dbl(r, "completion_rate") != null) {
                dataset.addValue(dbl(r, "completion_rate") * 100, quarter.toString(), str(r, "program_name"));
            }
            if (previous != null) {
                dataset.addValue(previous * 100, quarter.previous().toString(), str(r, "program_name"));
            }
            chartData.add(List.of(str(r, "program_name"), Cells.percent(dbl(r, "completion_rate")), Cells.percent(previous)));
        }
        Table table = new Table("goals", "Goals by program, set and completed by the end of " + quarter,
                List.of("program", "goals set", "completed", "completion rate", "set in quarter", "completed in quarter",
                        "median days to complete"), cells);
        JFreeChart chart = ChartFactory.createBarChart("Goals completed, share of goals set to date", null,
                "Completed (%)", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        Section section = new Section("Goals");
        section.text("A goal counts from the day it is set; it is completed on its completion date. The completion rate "
                + "is goals completed by the quarter's end over goals set by then, so it moves slowly and reflects every "
                + "cohort so far. Median days to complete cover all goals completed by the as-of date.");
        section.chart(new Charts.Chart("goal-completion", chart, new Table("goal-completion",
                "Goal completion rate by program", List.of("program", quarter.toString(), quarter.previous().toString()),
                chartData)), 210);
        section.table(table);
        return section;
    }
}
