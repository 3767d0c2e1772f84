package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.mentoringanalytics.contracts.Tables;

/**
 * Participation and matching from mart_participation_quarterly: per program and for all programs
 * together, enrolments, matching and the share of employees taking part.
 */
final class ParticipationSection {

    private static final String ALL = "ALL";

    /** One row of mart_participation_quarterly, by column name. */
    record ParticipationRow(String programId, String programName, String quarter, long menteesEnrolled,
                            long mentorsEnrolled, long menteesMatched, Double matchRate, Double medianDaysToMatch,
                            long participants, double averageHeadcount, Double participationRate, long people) {
    }

    private final List<ParticipationRow> rows;
    private final Quarter quarter;
    private final int threshold;

    ParticipationSection(List<Map<String, Object>> martRows, Quarter quarter, int threshold) {
        this.rows = MartRecords.of(martRows, Tables.MART_PARTICIPATION_QUARTERLY, ParticipationRow.class);
        this.quarter = quarter;
        this.threshold = threshold;
    }

    private List<ParticipationRow> quarterRows(Quarter q) {
        return rows.stream().filter(r -> r.quarter().equals(q.toString()))
                .sorted(Comparator.comparing((ParticipationRow r) -> r.programId().equals(ALL))
                        .thenComparing(r -> r.programName()))
                .toList();
    }

    private ParticipationRow all(Quarter q) {
        return quarterRows(q).stream().filter(r -> r.programId().equals(ALL)).findFirst().orElse(null);
    }

    Kpis.Tile tile() {
        ParticipationRow now = all(quarter);
        ParticipationRow before = all(quarter.previous());
        if (now == null || now.people() < threshold) {
            return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, null, null, null, null, "",
                    now == null ? "no data" : Formats.SUPPRESSED);
        }
        Double previous = before == null || before.people() < threshold ? null : before.participationRate();
        Change.Interval change = previous == null ? null : Change.shares(now.participants(),
                now.averageHeadcount(), before.participants(), before.averageHeadcount());
        return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, now.participationRate(), null, null, previous,
                Formats.count(now.participants()) + " people in live matches", null, change);
    }

    /** Count columns of the table, each a count of people, in display order. */
    private static final List<java.util.function.ToLongFunction<ParticipationRow>> COUNTS = List.of(
            ParticipationRow::menteesEnrolled, ParticipationRow::mentorsEnrolled, ParticipationRow::menteesMatched,
            ParticipationRow::participants);

    /**
     * Each count is suppressed on its own people (a cell of 3 matched mentees is hidden even in a program
     * of 58), then, because the all-programs row is each column's total, a lone hidden cell in a column
     * takes the smallest other cell of that column with it. A rate or median is hidden with the count
     * it is computed from.
     */
    List<List<?>> cells(List<ParticipationRow> current) {
        List<ParticipationRow> programs = current.stream().filter(r -> !r.programId().equals(ALL)).toList();
        long[][] people = new long[programs.size()][COUNTS.size()];
        for (int p = 0; p < programs.size(); p++) {
            for (int c = 0; c < COUNTS.size(); c++) {
                people[p][c] = COUNTS.get(c).applyAsLong(programs.get(p));
            }
        }
        boolean[][] hidden = Suppression.grid(people, threshold, false, true);
        List<List<?>> cells = new ArrayList<>();
        for (ParticipationRow r : current) {
            int p = programs.indexOf(r);
            boolean[] h = new boolean[COUNTS.size()];
            for (int c = 0; c < COUNTS.size(); c++) {
                long n = COUNTS.get(c).applyAsLong(r);
                h[c] = p >= 0 ? hidden[p][c] : n > 0 && n < threshold;
            }
            Cell enrolled = h[0] ? Cell.SUPPRESSED : Cells.count(r.menteesEnrolled());
            Cell mentors = h[1] ? Cell.SUPPRESSED : Cells.count(r.mentorsEnrolled());
            Cell matched = h[2] ? Cell.SUPPRESSED : Cells.count(r.menteesMatched());
            boolean rateHidden = h[0] || h[2];
            Cell rate = rateHidden ? Cell.SUPPRESSED : Cells.percent(r.matchRate());
            Cell days = h[2] ? Cell.SUPPRESSED : Cells.days(r.medianDaysToMatch());
            Cell participants = h[3] ? Cell.SUPPRESSED : Cells.count(r.participants());
            Cell share = h[3] ? Cell.SUPPRESSED : Cells.percent(r.participationRate());
            cells.add(List.of(r.programName(), enrolled, mentors, matched, rate, days, participants, share));
        }
        return cells;
    }

    Section build(ReportTheme theme) {
        // A program with nobody enrolled or taking part in the quarter has ended (or not begun): it leaves the table.
        List<ParticipationRow> current = quarterRows(quarter).stream()
                .filter(r -> r.programId().equals(ALL) || r.people() > 0).toList();
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
            ParticipationRow row = all(each);
            if (row == null) {
                continue;
            }
            boolean suppressed = row.people() < threshold;
            if (!suppressed) {
                dataset.addValue(row.participants(), "People taking part", each.toString());
            }
            data.add(List.of(each.toString(), suppressed ? Cells.SUPPRESSED : Long.toString(row.participants()),
                    suppressed ? Cells.SUPPRESSED : Cells.percent(row.participationRate())));
        }
        JFreeChart chart = ChartFactory.createBarChart("People taking part, all programs", null, "People", dataset,
                PlotOrientation.VERTICAL, false, false, false);
        theme.apply(chart);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(1.5f);
        return new Charts.Chart("participation-trend", chart, new Table("participation-trend",
                "People taking part per quarter, all programs", List.of("quarter", "people_taking_part", "share_of_employees"), data));
    }
}
