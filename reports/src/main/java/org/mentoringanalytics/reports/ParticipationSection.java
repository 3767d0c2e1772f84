package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** One row of mart_participation_quarterly, by column name. */
    record ParticipationRow(String programId, String programName, String quarter, long menteesEnrolled,
                            long mentorsEnrolled, long menteesMatched, Double matchRate, Double medianDaysToMatch,
                            long participants, double averageHeadcount, Double participationRate, long people) {
    }

    private final List<ParticipationRow> rows;
    private final Quarter quarter;
    private final Disclosure disclosure;

    ParticipationSection(List<ParticipationRow> rows, Quarter quarter, Disclosure disclosure) {
        this.rows = rows;
        this.quarter = quarter;
        this.disclosure = disclosure;
    }

    private static List<ParticipationRow> quarterRows(List<ParticipationRow> rows, Quarter q) {
        return rows.stream().filter(r -> r.quarter().equals(q.toString()))
                .sorted(Comparator.comparing((ParticipationRow r) -> r.programId().equals(ALL))
                        .thenComparing(r -> r.programName()))
                .toList();
    }

    /**
     * The rows of the quarter's table: programs by name, then all programs. A program with nobody
     * enrolled or taking part in the quarter has ended (or not begun): it leaves the table.
     */
    static List<ParticipationRow> current(List<ParticipationRow> rows, Quarter quarter) {
        return quarterRows(rows, quarter).stream().filter(r -> r.programId().equals(ALL) || r.people() > 0).toList();
    }

    private ParticipationRow all(Quarter q) {
        return quarterRows(rows, q).stream().filter(r -> r.programId().equals(ALL)).findFirst().orElse(null);
    }

    Kpis.Tile tile() {
        ParticipationRow now = all(quarter);
        ParticipationRow before = all(quarter.previous());
        if (now == null || disclosure.tooFew(now.people())) {
            return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, null, null, null, null, "",
                    now == null ? "no data" : Formats.SUPPRESSED);
        }
        Double previous = before == null || disclosure.tooFew(before.people()) ? null : before.participationRate();
        Change.Interval change = previous == null ? null : Change.shares(now.participants(),
                now.averageHeadcount(), before.participants(), before.averageHeadcount());
        return new Kpis.Tile("Participation", Kpis.Unit.PERCENT, now.participationRate(), null, null, previous,
                Formats.count(now.participants()) + " people in live matches", null, change);
    }

    /**
     * The table's cells: each count as {@link Disclosure} decided; a rate or median is hidden with
     * the count it is computed from.
     */
    List<List<?>> cells() {
        List<List<?>> cells = new ArrayList<>();
        for (ParticipationRow r : current(rows, quarter)) {
            boolean[] h = disclosure.participation(r.programId());
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
        List<List<?>> cells = cells();
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
            boolean suppressed = disclosure.tooFew(row.people());
            if (!suppressed) {
                dataset.addValue(row.participants(), "People taking part", each.toString());
            }
            data.add(List.of(each.toString(), suppressed ? Cells.SUPPRESSED : Cells.count(row.participants()),
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
