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
        return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, dbl(now, "participation_rate"), null, null, previous,
                Formats.count(lng(now, "participants")) + " people in live matches", null);
    }

    Section build(ReportTheme theme) {
        List<Map<String, Object>> current = quarterRows(quarter);
        List<Map<String, Object>> programs = current.stream().filter(r -> !str(r, "program_id").equals(ALL)).toList();
        Set<Map<String, Object>> hidden = Suppression.siblings(Suppression.people(programs, r -> lng(r, "people")), threshold);
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> r : current) {
            boolean suppressed = hidden.contains(r) || lng(r, "people") < threshold && lng(r, "people") > 0;
            if (suppressed) {
                cells.add(List.of(str(r, "program_name"), Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED,
                        Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED));
                continue;
            }
            cells.add(List.of(str(r, "program_name"), Formats.count(lng(r, "mentees_enrolled")),
                    Formats.count(lng(r, "mentors_enrolled")), Formats.count(lng(r, "mentees_matched")),
                    Formats.percent(dbl(r, "match_rate")), Formats.days(dbl(r, "median_days_to_match")),
                    Formats.count(lng(r, "participants")), Formats.percent(dbl(r, "participation_rate"))));
        }
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
        List<List<String>> data = new ArrayList<>();
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
            data.add(List.of(each.toString(), suppressed ? Formats.SUPPRESSED : Long.toString(lng(row, "participants")),
                    suppressed ? Formats.SUPPRESSED : Formats.percent(dbl(row, "participation_rate"))));
        }
        JFreeChart chart = ChartFactory.createBarChart("People taking part, all programs", null, "People", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        theme.apply(chart);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        return new Charts.Chart("participation-trend", chart, new Table("participation-trend",
                "People taking part per quarter, all programs", List.of("quarter", "people_taking_part", "share_of_employees"), data));
    }
}
