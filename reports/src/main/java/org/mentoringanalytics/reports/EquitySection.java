package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Who takes part, from mart_participation_equity: for the report quarter, each group of gender,
 * job level and (where stated) ethnicity, its share of the employees against its share of the
 * mentees and mentors, how many of its people are mentees, and how many who asked for a mentor
 * were matched. The figures ({@link #groups}, {@link #findings}) are worked out apart from drawing.
 */
final class EquitySection {

    /** One row of mart_participation_equity, by column name. */
    record EquityRow(String quarter, String dimension, String value, String role, long workforce, Double workforceShare,
                     long participants, Double participantShare, Double participationRate, Double participationRateLower,
                     Double participationRateUpper, Double representation, Long menteesEnrolled, Long menteesMatched,
                     Double matchRate, Double representationP, long people) {
    }

    /**
     * One group as the report shows it, every cell already suppressed.
     *
     * @param partlyHidden some but not all of its cells are suppressed
     */
    record Group(String dimension, String value, Cell workforceShare, Cell menteeShare, Cell menteeRate, Cell mentorShare,
                 Cell matchRate, boolean hidden, boolean partlyHidden) {
    }

    private static final Map<String, String> LABELS = Map.of("gender", "Gender", "job_level", "Job level",
            "ethnicity", "Ethnicity");
    private static final String NOT_STATED = "not stated";

    /** The attributes in the report's order. */
    static final List<String> DIMENSIONS = List.of("gender", "job_level", "ethnicity");

    private final List<EquityRow> rows;
    private final Quarter quarter;
    private final Disclosure disclosure;

    EquitySection(List<EquityRow> rows, Quarter quarter, Disclosure disclosure) {
        this.rows = rows.stream().filter(r -> r.quarter().equals(quarter.toString())).toList();
        this.quarter = quarter;
        this.disclosure = disclosure;
    }

    /** The attributes with data this quarter, in the report's order. */
    List<String> dimensions() {
        return DIMENSIONS.stream().filter(d -> rows.stream().anyMatch(r -> r.dimension().equals(d))).toList();
    }

    /** One attribute's groups in display order, each with its mentee row and its mentor row (or null). */
    static Map<String, EquityRow[]> byValue(List<EquityRow> rows, String dimension) {
        Map<String, EquityRow[]> groups = new LinkedHashMap<>();
        rows.stream().filter(r -> r.dimension().equals(dimension))
                .sorted(order(dimension))
                .forEach(r -> groups.computeIfAbsent(r.value(), v -> new EquityRow[2])[r.role().equals("mentee") ? 0 : 1] = r);
        return groups;
    }

    /** Job levels in their own order; other groups largest first; not stated last. */
    private static Comparator<EquityRow> order(String dimension) {
        Comparator<EquityRow> last = Comparator.comparing(r -> r.value().equals(NOT_STATED));
        return dimension.equals("job_level") ? last.thenComparing(EquityRow::value)
                : last.thenComparing(EquityRow::workforce, Comparator.reverseOrder()).thenComparing(EquityRow::value);
    }

    /**
     * The groups of one attribute, each count (employees, mentees, mentors, mentees who asked,
     * matched) as {@link Disclosure} decided. A share, rate or match rate is hidden with any count
     * it is computed from.
     */
    List<Group> groups(String dimension) {
        Map<String, EquityRow[]> groups = byValue(rows, dimension);
        List<Group> result = new ArrayList<>();
        for (Map.Entry<String, EquityRow[]> e : groups.entrySet()) {
            EquityRow mentee = e.getValue()[0];
            EquityRow mentor = e.getValue()[1];
            boolean[] h = disclosure.equity(dimension, e.getKey());
            Cell workforce = h[0] ? Cell.SUPPRESSED : Cells.percent(mentee.workforceShare());
            Cell menteeShare = h[1] ? Cell.SUPPRESSED : Cells.percent(mentee.participantShare());
            Cell rate = h[0] || h[1] ? Cell.SUPPRESSED : perHundred(mentee);
            Cell mentorShare = mentor == null ? Cell.MISSING : h[2] ? Cell.SUPPRESSED : Cells.percent(mentor.participantShare());
            Cell match = h[3] || h[4] ? Cell.SUPPRESSED : Cells.percent(mentee.matchRate());
            int count = 0;
            for (boolean b : h) {
                count += b ? 1 : 0;
            }
            result.add(new Group(dimension, e.getKey(), workforce, menteeShare, rate, mentorShare, match,
                    h[0] && h[1] && h[2], count > 0 && !(h[0] && h[1] && h[2])));
        }
        return result;
    }

    /** The rate as mentees per 100 employees in the PDF, as a fraction with its interval in the CSV. */
    private static Cell perHundred(EquityRow mentee) {
        Double rate = mentee.participationRate();
        return rate == null ? Cell.MISSING : new Cell(Cell.Kind.SHARE, Formats.interval(rate * 100,
                mentee.participationRateLower() * 100, mentee.participationRateUpper() * 100, 1), rate,
                mentee.participationRateLower(), mentee.participationRateUpper());
    }

    /** The chi-square p of taking part against the attribute, for mentees or mentors; empty when not tested. */
    Optional<Double> independenceP(String dimension, String role) {
        return rows.stream().filter(r -> r.dimension().equals(dimension) && r.role().equals(role))
                .map(EquityRow::representationP).filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * One plain sentence per attribute: whether mentees (and mentors) are spread over its groups
     * as the employees are, naming the groups furthest over and under their share when they are not.
     */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        for (String dimension : dimensions()) {
            String label = LABELS.get(dimension).toLowerCase(java.util.Locale.ROOT);
            List<Group> shown = groups(dimension).stream()
                    .filter(g -> !g.value().equals(NOT_STATED) && g.workforceShare().value() != null
                            && g.menteeShare().value() != null && g.workforceShare().value() > 0)
                    .toList();
            Optional<Double> p = independenceP(dimension, "mentee");
            StringBuilder text = new StringBuilder();
            if (p.isEmpty()) {
                text.append("By ").append(label).append(", too few people to tell whether mentees mirror the employees.");
            } else if (p.get() >= 0.05) {
                text.append("By ").append(label).append(", mentees mirror the employees: no group's share differs more "
                        + "than chance would explain (p = ").append(Formats.pValue(p.get())).append(").");
            } else if (shown.size() < 2) {
                text.append("By ").append(label).append(", mentees do not mirror the employees (p ").append(pText(p.get()))
                        .append("), but too few groups can be shown to say which.");
            } else {
                Comparator<Group> byRatio = Comparator.comparing(g -> g.menteeShare().value() / g.workforceShare().value());
                Group over = shown.stream().max(byRatio).orElseThrow();
                Group under = shown.stream().min(byRatio).orElseThrow();
                text.append("By ").append(label).append(", mentees do not mirror the employees (p ")
                        .append(pText(p.get())).append("): ").append(describe(over)).append("; ")
                        .append(describe(under)).append('.');
            }
            independenceP(dimension, "mentor").ifPresent(mp -> text.append(mp < 0.05
                    ? " Mentors are not spread like the employees either (p " + pText(mp) + ")."
                    : " Mentors are spread like the employees."));
            findings.add(text.toString());
        }
        return findings;
    }

    private static String describe(Group g) {
        return g.value() + ", " + g.workforceShare().text() + " of employees, are " + g.menteeShare().text() + " of mentees";
    }

    private static String pText(double p) {
        String formatted = Formats.pValue(p);
        return formatted.startsWith("<") ? "< " + formatted.substring(1) : "= " + formatted;
    }

    Table table() {
        List<List<?>> cells = new ArrayList<>();
        for (String dimension : dimensions()) {
            for (Group g : groups(dimension)) {
                cells.add(List.of(LABELS.get(dimension), g.value(), g.workforceShare(), g.menteeShare(), g.menteeRate(),
                        g.mentorShare(), g.matchRate()));
            }
        }
        return new Table("who-takes-part", "Who takes part, " + quarter + ": shares of each group", List.of("attribute", "group",
                "employees (share)", "mentees (share)", "mentees per 100 employees (95% CI)", "mentors (share)",
                "asked and matched (share)"), cells);
    }

    /**
     * Employees', mentees' and mentors' shares side by side for every group; a group with a
     * suppressed share is drawn as a labelled row without those bars, never dropped.
     */
    Charts.Chart chart(ReportTheme theme) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> data = new ArrayList<>();
        for (String dimension : dimensions()) {
            for (Group g : groups(dimension)) {
                boolean anyHidden = g.workforceShare().suppressed() || g.menteeShare().suppressed()
                        || g.mentorShare().suppressed();
                String name = LABELS.get(dimension) + ": " + g.value() + (anyHidden ? " (suppressed)" : "");
                dataset.addValue(percent(g.workforceShare()), "Employees", name);
                dataset.addValue(percent(g.menteeShare()), "Mentees", name);
                dataset.addValue(percent(g.mentorShare()), "Mentors", name);
                data.add(List.of(LABELS.get(dimension), g.value(), g.workforceShare(), g.menteeShare(), g.mentorShare()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Share of employees, mentees and mentors by group", null, "% of each",
                dataset, PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setItemMargin(0.0);
        renderer.setSeriesPaint(0, ReportTheme.MUTED);
        renderer.setSeriesPaint(1, theme.series(0));
        renderer.setSeriesPaint(2, theme.series(1));
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        return new Charts.Chart("who-takes-part", chart, new Table("who-takes-part-chart",
                "Share of employees, mentees and mentors by group (chart data)",
                List.of("attribute", "group", "share of employees", "share of mentees", "share of mentors"), data));
    }

    /** Chart height in points: room for three bars per group. */
    float chartHeight() {
        int groups = dimensions().stream().mapToInt(d -> groups(d).size()).sum();
        return Math.max(160, 60 + 19 * groups);
    }

    private static Double percent(Cell share) {
        return share.suppressed() || share.value() == null ? null : share.value() * 100;
    }

    /** Adds the part to the participation chapter; nothing when the mart has no rows for the quarter. */
    void appendTo(Section section, ReportTheme theme) {
        if (dimensions().isEmpty()) {
            return;
        }
        section.heading("Who takes part");
        section.text("Each group's share of the employees of the quarter beside its share of the mentees and of the mentors. "
                + "Mentees per 100 employees is how many of the group's employees were mentees in a live match; "
                + "matched is the share of the group's mentees who enrolled in the 12 months to the quarter's end and got a match.");
        for (String finding : findings()) {
            section.text("\u2022 " + finding);
        }
        section.chartWithNext(chart(theme), chartHeight());
        section.table(table());
    }
}
