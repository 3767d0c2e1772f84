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
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Participation and matching from mart_participation_quarterly: per program and for all programs
 * together, enrolments, matching and the share of employees taking part.
 */
final class ParticipationSection {

    private static final String ALL = "ALL";

    private final List<Map<String, Object>> rows;
    private final Quarter quarter;
    private final int threshold;

    ParticipationSection(List<Map<String, Object>> rows, Quarter quarter, int threshold) {
        this.rows = rows;
        this.quarter = quarter;
        this.threshold = threshold;
    }

    private List<Map<String, Object>> quarterRows(Quarter q) {
        return rows.stream().filter(r -> str(r, "quarter").equals(q.toString()))
                .sorted(Comparator.comparing((Map<String, Object> r) -> str(r, "program_id").equals(ALL))
                        .thenComparing(r -> str(r, "program_name")))
                .toList();
    }

    private Map<String, Object> all(Quarter q) {
        return quarterRows(q).stream().filter(r -> str(r, "program_id").equals(ALL)).findFirst().orElse(null);
    }

    Kpis.Tile tile() {
        Map<String, Object> now = all(quarter);
        Map<String, Object> before = all(quarter.previous());
        if (now == null || lng(now, "people") < threshold) {
            return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, null, null, null, null, "",
                    now == null ? "no data" : Formats.SUPPRESSED);
        }
        Double previous = before == null || lng(before, "people") < threshold ? null : dbl(before, "participation_rate");
        Change.Interval change = previous == null ? null : Change.shares(lng(now, "participants"),
                dbl(now, "average_headcount"), lng(before, "participants"), dbl(before, "average_headcount"));
        return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, dbl(now, "participation_rate"), null, null, previous,
                Formats.count(lng(now, "participants")) + " people in live matches", null, change);
    }

    /** Count columns of the table, each a count of people, in display order. */
    private static final List<String> COUNTS = List.of("mentees_enrolled", "mentors_enrolled", "mentees_matched", "participants");

    /**
     * Each count is suppressed on its own people (a cell of 3 matched mentees is hidden even in a program
     * of 58), then, because the all-programs row is each column's total, a lone hidden cell in a column
     * takes the smallest other cell of that column with it. A rate or median is hidden with the count
     * it is computed from.
     */
    List<List<?>> cells(List<Map<String, Object>> current) {
        List<Map<String, Object>> programs = current.stream().filter(r -> !str(r, "program_id").equals(ALL)).toList();
        long[][] people = new long[programs.size()][COUNTS.size()];
        for (int p = 0; p < programs.size(); p++) {
            for (int c = 0; c < COUNTS.size(); c++) {
                people[p][c] = lng(programs.get(p), COUNTS.get(c));
            }
        }
        boolean[][] hidden = Suppression.grid(people, threshold, false, true);
        List<List<?>> cells = new ArrayList<>();
        for (Map<String, Object> r : current) {
            int p = programs.indexOf(r);
            boolean[] h = new boolean[COUNTS.size()];
            for (int c = 0; c < COUNTS.size(); c++) {
                long n = lng(r, COUNTS.get(c));
                h[c] = p >= 0 ? hidden[p][c] : n > 0 && n < threshold;
            }
            Cell enrolled = h[0] ? Cell.SUPPRESSED : Cells.count(lng(r, "mentees_enrolled"));
            Cell mentors = h[1] ? Cell.SUPPRESSED : Cells.count(lng(r, "mentors_enrolled"));
            Cell matched = h[2] ? Cell.SUPPRESSED : Cells.count(lng(r, "mentees_matched"));
            boolean rateHidden = h[0] || h[2];
            Cell rate = rateHidden ? Cell.SUPPRESSED : Cells.percent(dbl(r, "match_rate"));
            Cell days = h[2] ? Cell.SUPPRESSED : Cells.days(dbl(r, "median_days_to_match"));
            Cell participants = h[3] ? Cell.SUPPRESSED : Cells.count(lng(r, "participants"));
            Cell share = h[3] ? Cell.SUPPRESSED : Cells.percent(dbl(r, "participation_rate"));
            cells.add(List.of(str(r, "program_name"), enrolled, mentors, matched, rate, days, participants, share));
        }
        return cells;
    }

    Section build(ReportTheme theme) {
        // A program with nobody enrolled or taking part in the quarter has ended (or not begun): it leaves the table.
        List<Map<String, Object>> current = quarterRows(quarter).stream()
                .filter(r -> str(r, "program_id").equals(ALL) || lng(r, "people") > 0).toList();
        List<List<?>> cells = cells(current);
        Table table = new Table("participation", "Participation and matching by program, " + quarter,
                List.of("program", "mentees enrolled", "mentors enrolled", "enrolled mentees matched", "match rate",
                        "median days to match", "people taking part", "share of employees"), cells);

        Section section = new Section("Participation and matching");
        section.text("People taking part are the distinct mentors and mentees in matches live at any time in the quarter; "
                + "the share of employees divides them by the quarter's average headcount. Enrolments count people who "
                + "signed up in the quarter; the match rate is the share of those mentees matched by the data's as-of date.");
        section.chart(trend(theme), 210);
        section.table(table);
        return section;
    }

    /** People taking part in all programs together, per quarter, over the last eight quarters. */
    private Charts.Chart trend(ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> data = new ArrayList<>();
        Quarter q = quarter;
        List<Quarter> quarters = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            quarters.add(0, q);
            q = q.previous();
        }
        for (Quarter each : quarters) {
            Map<String, Object> row = all(each);
            if (row == null) {
                continue;
            }
            boolean suppressed = lng(row, "people") < threshold;
            if (!suppressed) {
                dataset.addValue(lng(row, "participants"), "People taking part", each.toString());
            }
            data.add(List.of(each.toString(), suppressed ? Cells.SUPPRESSED : Long.toString(lng(row, "participants")),
                    suppressed ? Cells.SUPPRESSED : Cells.percent(dbl(row, "participation_rate"))));
        }
        JFreeChart chart = ChartFactory.createBarChart("People taking part, all programs", null, "People", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        theme.apply(chart);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        return new Charts.Chart("participation-trend", chart, new Table("participation-trend",
                "People taking part per quarter, all programs", List.of("quarter", "people_taking_part", "share_of_employees"), data));
    }
}
