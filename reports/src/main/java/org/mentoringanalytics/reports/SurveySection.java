package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Survey outcomes: the quarter's construct means and NPS (mart_survey_quarterly), the answer
 * distributions to date (mart_survey_distribution) and the mentees' change from baseline to the
 * end of the program (mart_survey_change). Never reads comments: they are not in any mart.
 */
final class SurveySection {

    static final String ALL = "ALL";
    static final String NPS_CONSTRUCT = "recommend";
    /** The constructs of the per-program table. */
    static final List<String> PROGRAM_CONSTRUCTS = List.of("satisfaction", NPS_CONSTRUCT);

    /** One row of mart_survey_quarterly, by column name. */
    record SurveyQuarterRow(String programId, String quarter, String construct, String role, long respondents, Double mean,
                            Double meanLower, Double meanUpper, Double nps, Double npsLower, Double npsUpper, long people) {
    }

    /** One row of mart_survey_distribution, by column name. */
    record DistributionRow(String construct, String role, int score, long answers, long people) {
    }

    /** One row of mart_survey_change, by column name. */
    record ChangeRow(String programId, String construct, long pairs, Double meanChange, Double changeLower,
                     Double changeUpper, Double p, Double effectSize, long people) {
    }

    private final List<SurveyQuarterRow> quarterly;
    private final List<DistributionRow> distribution;
    private final List<ChangeRow> change;
    private final Map<String, String> programNames;
    private final Quarter quarter;
    private final Disclosure disclosure;

    SurveySection(ReportMarts marts, Quarter quarter, Disclosure disclosure) {
        this.quarterly = marts.surveyQuarterly();
        this.distribution = marts.surveyDistribution();
        this.change = marts.surveyChange();
        this.programNames = marts.programNames();
        this.quarter = quarter;
        this.disclosure = disclosure;
    }

    private SurveyQuarterRow find(String program, Quarter q, String construct, String role) {
        return quarterly.stream().filter(r -> r.programId().equals(program) && r.quarter().equals(q.toString())
                && r.construct().equals(construct) && r.role().equals(role)).findFirst().orElse(null);
    }

    private String name(String program) {
        return program.equals(ALL) ? "All programs" : programNames.getOrDefault(program, program);
    }

    Kpis.Tile tile() {
        SurveyQuarterRow now = find(ALL, quarter, NPS_CONSTRUCT, "mentee");
        SurveyQuarterRow before = find(ALL, quarter.previous(), NPS_CONSTRUCT, "mentee");
        if (now == null || now.nps() == null || disclosure.tooFew(now.people())) {
            return new Kpis.Tile("Mentee NPS", Kpis.Unit.SCORE, null, null, null, null, "",
                    now == null || now.nps() == null ? "no answers" : Formats.SUPPRESSED);
        }
        Double previous = before == null || disclosure.tooFew(before.people()) ? null : before.nps();
        Change.Interval change = previous == null || before.npsLower() == null || now.npsLower() == null ? null
                : Change.estimates(now.nps(), now.npsLower(), now.npsUpper(), previous,
                before.npsLower(), before.npsUpper());
        return new Kpis.Tile("Mentee NPS", Kpis.Unit.SCORE, now.nps(), now.npsLower(), now.npsUpper(),
                previous, Formats.count(now.respondents()) + " mentees answered", null, change);
    }

    /** The NPS sentence for the findings, or null when there is nothing to say. */
    String finding() {
        Kpis.Tile tile = tile();
        if (tile.value() == null) {
            return null;
        }
        String sentence = String.format(java.util.Locale.ROOT,
                "Mentees' Net Promoter Score in %s was %.1f (95%% CI %.1f to %.1f, %s)", quarter, tile.value(), tile.lower(),
                tile.upper(), tile.detail());
        if (tile.previous() != null) {
            sentence += String.format(java.util.Locale.ROOT, "; it was %.1f in %s", tile.previous(), quarter.previous());
        }
        return sentence + ".";
    }

    Section build(ReportTheme theme) {
        Section section = new Section("Survey outcomes");
        section.text("A respondent's construct score is the mean of the construct's items they answered. Means carry a "
                + "95% Student t interval. The Net Promoter Score is the share of 9-10 answers minus the share of 0-6 "
                + "answers to the 0-10 recommendation question, in points from -100 to 100. Free-text comments are never "
                + "part of this report.");
        section.table(quarterTable());
        section.table(programTable());
        section.chart(distributionChart(theme), 220);
        section.heading("Change from the baseline survey to the end of the program");
        section.note("Mentees who answered both surveys; the latest answer of each kind counts. Paired t test; d_z is "
                + "the mean change over the standard deviation of the changes.");
        section.table(changeTable());
        return section;
    }

    Table quarterTable() {
        List<List<?>> rows = new ArrayList<>();
        quarterly.stream().filter(r -> r.programId().equals(ALL) && r.quarter().equals(quarter.toString()))
                .sorted(Comparator.comparing((SurveyQuarterRow r) -> r.role()).thenComparing(r -> r.construct()))
                .forEach(r -> {
                    boolean suppressed = disclosure.tooFew(r.people());
                    rows.add(List.of(Formats.construct(r.construct()), r.role(),
                            suppressed ? Cells.SUPPRESSED : Cells.count(r.respondents()),
                            suppressed || r.construct().equals(NPS_CONSTRUCT) ? (suppressed ? Cells.SUPPRESSED : "")
                                    : Cells.interval(r.mean(), r.meanLower(), r.meanUpper(), 2),
                            suppressed ? Cells.SUPPRESSED : r.nps() == null ? ""
                                    : Cells.interval(r.nps(), r.npsLower(), r.npsUpper(), 1)));
                });
        return new Table("survey-quarter", "Survey answers in " + quarter + ", all programs",
                List.of("construct", "role", "respondents", "mean score (95% CI)", "NPS (95% CI)"), rows);
    }

    /** Mentees' satisfaction and NPS per program this quarter; the all-programs row is the shown total. */
    Table programTable() {
        List<String> programs = quarterly.stream().filter(r -> r.quarter().equals(quarter.toString())
                        && !r.programId().equals(ALL) && r.role().equals("mentee"))
                .map(r -> r.programId()).distinct().sorted(Comparator.comparing(this::name)).toList();
        Map<String, Long> people = new LinkedHashMap<>();
        for (String p : programs) {
            long n = 0;
            for (String construct : PROGRAM_CONSTRUCTS) {
                SurveyQuarterRow r = find(p, quarter, construct, "mentee");
                n = Math.max(n, r == null ? 0 : r.people());
            }
            people.put(p, n);
        }
        List<List<?>> rows = new ArrayList<>();
        List<String> order = new ArrayList<>(programs);
        order.add(ALL);
        for (String p : order) {
            SurveyQuarterRow satisfaction = find(p, quarter, "satisfaction", "mentee");
            SurveyQuarterRow nps = find(p, quarter, NPS_CONSTRUCT, "mentee");
            if (disclosure.surveyProgram(p)) {
                rows.add(List.of(name(p), Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED));
                continue;
            }
            rows.add(List.of(name(p), Cells.count(people.getOrDefault(p, satisfaction == null ? 0 : satisfaction.people())),
                    satisfaction == null ? "n/a" : Cells.interval(satisfaction.mean(), satisfaction.meanLower(),
                            satisfaction.meanUpper(), 2),
                    nps == null ? "n/a" : Cells.interval(nps.nps(), nps.npsLower(), nps.npsUpper(), 1)));
        }
        return new Table("survey-programs", "Mentees' satisfaction (1-5) and NPS by program, " + quarter,
                List.of("program", "respondents", "satisfaction (95% CI)", "NPS (95% CI)"), rows);
    }

    /** Mentees' answers to date on the 1-5 constructs, all programs and survey waves together. */
    Charts.Chart distributionChart(ReportTheme theme) {
        Map<String, TreeMap<Integer, Long>> answers = new TreeMap<>();
        Map<String, Long> people = new TreeMap<>();
        for (DistributionRow r : distribution) {
            if (!r.role().equals("mentee") || r.construct().equals(NPS_CONSTRUCT)) {
                continue;
            }
            answers.computeIfAbsent(r.construct(), k -> new TreeMap<>()).merge(r.score(), r.answers(), Long::sum);
            // The largest group is a lower bound of the distinct people behind the construct.
            people.merge(r.construct(), r.people(), Math::max);
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> data = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Long>> e : answers.entrySet()) {
            if (disclosure.tooFew(people.get(e.getKey()))) {
                data.add(List.of(Formats.construct(e.getKey()), Cells.SUPPRESSED, Cells.SUPPRESSED));
                continue;
            }
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            for (Map.Entry<Integer, Long> score : e.getValue().entrySet()) {
                double share = score.getValue() / (double) total;
                dataset.addValue(share * 100, "Score " + score.getKey(), Formats.construct(e.getKey()));
                data.add(List.of(Formats.construct(e.getKey()), Cells.score(score.getKey()), Cells.percent(share)));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Mentees' answers to date (1 = strongly disagree, 5 = strongly agree)",
                null, "Share of answers (%)", dataset, PlotOrientation.HORIZONTAL, true, false, false);
        theme.apply(chart);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        ((StackedBarRenderer) chart.getCategoryPlot().getRenderer()).setMaximumBarWidth(0.15);
        // A diverging order: low scores in the warm colour, high scores in the blue.
        java.awt.Color[] diverging = {theme.series(5), theme.series(1), new java.awt.Color(0xBBBBBB), theme.series(4), theme.series(0)};
        for (int i = 0; i < diverging.length; i++) {
            chart.getCategoryPlot().getRenderer().setSeriesPaint(i, diverging[i]);
        }
        return new Charts.Chart("survey-distribution", chart, new Table("survey-distribution",
                "Mentees' answers to date by construct and score", List.of("construct", "score", "share_of_answers"), data));
    }

    Table changeTable() {
        Map<String, List<ChangeRow>> byConstruct = new TreeMap<>();
        change.forEach(r -> byConstruct.computeIfAbsent(r.construct(), k -> new ArrayList<>()).add(r));
        List<List<?>> rows = new ArrayList<>();
        for (Map.Entry<String, List<ChangeRow>> e : byConstruct.entrySet()) {
            List<ChangeRow> programs = e.getValue().stream().filter(r -> !r.programId().equals(ALL))
                    .sorted(Comparator.comparing(r -> name(r.programId()))).toList();
            List<ChangeRow> ordered = new ArrayList<>(e.getValue().stream().filter(r -> r.programId().equals(ALL)).toList());
            ordered.addAll(programs);
            for (ChangeRow r : ordered) {
                if (disclosure.surveyChange(e.getKey(), r.programId())) {
                    rows.add(List.of(Formats.construct(e.getKey()), name(r.programId()), Cells.SUPPRESSED,
                            Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED));
                    continue;
                }
                rows.add(List.of(Formats.construct(e.getKey()), name(r.programId()), Cells.count(r.pairs()),
                        Cells.interval(r.meanChange(), r.changeLower(), r.changeUpper(), 2),
                        Cells.pValue(r.p()), Cells.decimal(r.effectSize())));
            }
        }
        return new Table("survey-change", "Mentees' change from baseline to end of program",
                List.of("construct", "program", "mentees", "mean change (95% CI)", "p", "effect size (d_z)"), rows);
    }

    /** The pre/post sentence on all programs for the construct with the most pairs, or null. */
    String changeFinding() {
        return change.stream().filter(r -> r.programId().equals(ALL) && !disclosure.tooFew(r.people())
                        && r.meanChange() != null && r.changeLower() != null)
                .filter(r -> !r.construct().equals(NPS_CONSTRUCT))
                .max(Comparator.comparingLong((ChangeRow r) -> r.pairs()).thenComparing(r -> r.construct()))
                .map(r -> String.format(java.util.Locale.ROOT,
                        "Between the baseline and the end-of-program survey, %s mentees' %s score changed by %+.2f points on a "
                                + "1-5 scale (95%% CI %.2f to %.2f)%s.",
                        Cells.count(r.pairs()), Formats.construct(r.construct()).toLowerCase(java.util.Locale.ROOT),
                        r.meanChange(), r.changeLower(), r.changeUpper(),
                        r.changeLower() <= 0 && r.changeUpper() >= 0 ? "; the interval includes no change" : ""))
                .orElse(null);
    }
}
