package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Goals set and completed by the quarter's end (mart_goals_quarterly) and overdue goals (mart_goals). */
final class GoalsSection {

    private static final String ALL = "ALL";

    /** One row of mart_goals_quarterly, by column name. */
    record GoalsQuarterRow(String programId, String programName, String quarter, long goalsSet, long goalsCompleted,
                           Double completionRate, long setInQuarter, long completedInQuarter, long people) {
    }

    /** The columns of mart_goals the section shows, by name. */
    record GoalsRow(String programId, Double medianDaysToComplete) {
    }

    private final List<GoalsQuarterRow> quarterly;
    private final List<GoalsRow> asOf;
    private final Quarter quarter;
    private final Disclosure disclosure;

    GoalsSection(List<GoalsQuarterRow> quarterly, List<GoalsRow> asOf, Quarter quarter, Disclosure disclosure) {
        this.quarterly = quarterly;
        this.asOf = asOf;
        this.quarter = quarter;
        this.disclosure = disclosure;
    }

    private List<GoalsQuarterRow> rows(Quarter q) {
        return rows(quarterly, q);
    }

    /** A quarter's rows: programs by name, then all programs. */
    static List<GoalsQuarterRow> rows(List<GoalsQuarterRow> quarterly, Quarter q) {
        return quarterly.stream().filter(r -> r.quarter().equals(q.toString()))
                .sorted(Comparator.comparing((GoalsQuarterRow r) -> r.programId().equals(ALL))
                        .thenComparing(r -> r.programName()))
                .toList();
    }

    private GoalsQuarterRow all(Quarter q) {
        return rows(q).stream().filter(r -> r.programId().equals(ALL)).findFirst().orElse(null);
    }

    private boolean small(GoalsQuarterRow row) {
        return row == null || disclosure.tooFew(row.people());
    }

    Kpis.Tile tile() {
        GoalsQuarterRow now = all(quarter);
        GoalsQuarterRow before = all(quarter.previous());
        if (small(now) || now.completionRate() == null) {
            return new Kpis.Tile("Goal completion", Kpis.Unit.PERCENT, null, null, null, null, "",
                    now == null || now.completionRate() == null ? "no goals yet" : Formats.SUPPRESSED);
        }
        Double previous = small(before) ? null : before.completionRate();
        Change.Interval change = previous == null ? null : Change.shares(now.goalsCompleted(), now.goalsSet(),
                before.goalsCompleted(), before.goalsSet());
        return new Kpis.Tile("Goal completion", Kpis.Unit.PERCENT, now.completionRate(), null, null, previous,
                Formats.count(now.goalsCompleted()) + " of " + Formats.count(now.goalsSet()) + " goals set to date",
                null, change);
    }

    Section build(ReportTheme theme) {
        List<GoalsQuarterRow> current = rows(quarter);
        List<List<?>> cells = new ArrayList<>();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> chartData = new ArrayList<>();
        for (GoalsQuarterRow r : current) {
            String id = r.programId();
            GoalsRow overall = asOf.stream().filter(g -> g.programId().equals(id)).findFirst().orElse(null);
            boolean suppressed = disclosure.goals(id);
            if (suppressed) {
                cells.add(List.of(r.programName(), Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED,
                        Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED));
                chartData.add(List.of(r.programName(), Cells.SUPPRESSED, Cells.SUPPRESSED));
                continue;
            }
            cells.add(List.of(r.programName(), Cells.count(r.goalsSet()), Cells.count(r.goalsCompleted()),
                    Cells.percent(r.completionRate()), Cells.count(r.setInQuarter()),
                    Cells.count(r.completedInQuarter()),
                    overall == null ? "" : Cells.days(overall.medianDaysToComplete())));
            GoalsQuarterRow before = rows(quarter.previous()).stream().filter(p -> p.programId().equals(id))
                    .findFirst().orElse(null);
            Double previous = small(before) ? null : before.completionRate();
            if (r.completionRate() != null) {
                dataset.addValue(r.completionRate() * 100, quarter.toString(), r.programName());
            }
            if (previous != null) {
                dataset.addValue(previous * 100, quarter.previous().toString(), r.programName());
            }
            chartData.add(List.of(r.programName(), Cells.percent(r.completionRate()), Cells.percent(previous)));
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
