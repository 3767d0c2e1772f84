package org.mentoringanalytics.reports;


import java.util.ArrayList;
import java.util.List;

/**
 * Retention and promotion: Kaplan-Meier curves of mentees and mentors against their matched
 * comparison colleagues with the numbers still followed, the comparison overall, by program type
 * and by department, promotion, and the plain comparison with all non-participants for reference.
 */
final class RetentionSection {

    /** Days at which the numbers still followed are printed under each curve. */
    static final List<Integer> AT_RISK_DAYS = List.of(0, 90, 180, 365, 540, 730, 1095);

    private final QuarterlyFigures figures;
    /** One row of mart_retention_at_risk, by column name. */
    record AtRiskRow(String role, String groupName, int timeDays, long people) {
    }

    private final List<AtRiskRow> atRisk;
    private final Disclosure disclosure;

    RetentionSection(QuarterlyFigures figures, List<AtRiskRow> atRisk, Disclosure disclosure) {
        this.figures = figures;
        this.atRisk = atRisk;
        this.disclosure = disclosure;
    }

    Kpis.Tile tile() {
        return figures.outcome("ALL", "mentee")
                .filter(o -> !o.suppressed() && o.difference() != null)
                .map(o -> new Kpis.Tile("Mentees still here after a year", Kpis.Unit.POINTS, o.difference(),
                        o.differenceLower(), o.differenceUpper(), null,
                        "against comparable colleagues; all cohorts to date", null))
                .orElse(new Kpis.Tile("Mentees still here after a year", Kpis.Unit.POINTS, null, null, null, null, "",
                        "too early to tell"));
    }

    Section build(ReportTheme theme) {
        Section section = new Section("Retention and promotion");
        section.text("Each mentee and mentor is compared with up to three colleagues of the same department, job level "
                + "and tenure band who were employed, and not yet taking part, on the participant's first match date. "
                + "The hazard ratio says how often participants left compared with their colleagues at any moment: "
                + "0.80 means 20% fewer voluntary exits, 1 no difference. Differences are in percentage points with "
                + "95% intervals, the range that holds the true value with 95% confidence.");
        double floor = Charts.survivalFloor(figures);
        for (String role : List.of("mentee", "mentor")) {
            section.chartWithNext(Charts.survival(figures, role, floor, theme), 220);
            section.table(atRiskTable(role));
        }
        section.table(uplift("all", "program_type", "retention-by-program-type", "Voluntary exits overall and by program type"));
        section.table(uplift(null, "department", "retention-by-department", "Voluntary exits by department of the participant"));
        section.table(promotion());
        section.heading("Plain comparison with all non-participants");
        String plain = Findings.plainComparison(figures);
        section.note("Shown for reference only: volunteers differ from non-participants, so this view mixes the effect "
                + "of mentoring with who volunteers." + (plain == null ? "" : " " + plain));
        section.table(ReportTables.retention(figures));
        return section;
    }

    /** People still followed at fixed days under a role's curves; fewer than k people are suppressed. */
    Table atRiskTable(String role) {
        String who = role.equals("mentee") ? "Mentees" : "Mentors";
        List<String> headers = new ArrayList<>(List.of("still followed"));
        AT_RISK_DAYS.forEach(d -> headers.add(Math.round(d / 30.4375) + " months"));
        List<List<?>> rows = new ArrayList<>();
        for (String[] group : new String[][]{{"participant", who}, {"comparison", "Comparable colleagues"}}) {
            List<Object> row = new ArrayList<>(List.of(group[1]));
            for (int day : AT_RISK_DAYS) {
                AtRiskRow r = atRisk.stream().filter(a -> a.role().equals(role) && a.groupName().equals(group[0])
                        && a.timeDays() == day).findFirst().orElse(null);
                long people = r == null ? 0 : r.people();
                row.add(r == null ? Cell.MISSING : disclosure.hides(people) ? Cell.SUPPRESSED : Cells.count(people));
            }
            rows.add(row);
        }
        return new Table("retention-at-risk-" + role + "s", who + ": people still followed, by months since the first match",
                headers, rows);
    }

    private static String scopeName(QuarterlyFigures.Outcome o) {
        return o.scopeKind().equals("all") ? "All programs" : o.scope().replace('_', ' ');
    }

    private static String role(QuarterlyFigures.Outcome o) {
        return o.role().equals("mentee") ? "Mentees" : "Mentors";
    }

    /**
     * One row per scope and role. The PDF shows people, the hazard ratio with its adjusted p-value
     * and the 12-month retention difference; the CSV also has the colleagues, both groups' retention,
     * the evidence class and the smallest difference the group sizes could detect.
     */
    Table uplift(String firstKind, String kind, String name, String title) {
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : figures.outcomes()) {
            if (!o.scopeKind().equals(kind) && !o.scopeKind().equals(firstKind)) {
                continue;
            }
            if (o.suppressed()) {
                rows.add(List.of(scopeName(o), role(o), Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED,
                        Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED, Cell.SUPPRESSED));
                continue;
            }
            rows.add(List.of(scopeName(o), role(o), Cells.count(o.participants()), hazard(o), Cells.pValue(o.adjustedP()),
                    Cells.pointsInterval(o.difference(), o.differenceLower(), o.differenceUpper()), Cells.count(o.controls()),
                    Cells.percent(o.retentionParticipants()), Cells.percent(o.retentionControls()),
                    Cells.text(o.evidence() == null ? "" : o.evidence()),
                    o.minimumDetectable() == null ? Cell.MISSING : Cells.points(o.minimumDetectable())));
        }
        return new Table(name, title + ", against comparable colleagues",
                List.of(kind.equals("department") ? "department" : "scope", "role", "people", "hazard ratio (95% CI)",
                        "p adjusted for groups compared", "still here after 12 months: difference (95% CI)", "colleagues",
                        "participants still here after 12 months", "colleagues still here after 12 months", "evidence",
                        "smallest detectable difference"), rows).pdfShows(6);
    }

    /** The hazard ratio, or why there is none, or a warning that the group is too small to tell. */
    static Cell hazard(QuarterlyFigures.Outcome o) {
        if ("not_estimable".equals(o.evidence()) || o.hazardRatio() == null) {
            return Cells.text("not estimable");
        }
        Cell ratio = Cells.ratio(o.hazardRatio(), o.hazardLower(), o.hazardUpper());
        return "too_small".equals(o.evidence()) ? Cells.withText(ratio, ratio.text() + "; too few exits to tell") : ratio;
    }

    Table promotion() {
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : figures.outcomes()) {
            if (o.scopeKind().equals("department")) {
                continue;
            }
            if (o.suppressed() || o.promotionParticipants() == null || o.promotionControls() == null) {
                Cell shown = o.suppressed() ? Cells.SUPPRESSED : Cell.MISSING;
                rows.add(List.of(scopeName(o), role(o), shown, shown, shown));
                continue;
            }
            double difference = o.promotionParticipants() - o.promotionControls();
            rows.add(List.of(scopeName(o), role(o), Cells.percent(o.promotionParticipants()),
                    Cells.percent(o.promotionControls()),
                    Cells.pointsInterval(difference, o.promotionLower(), o.promotionUpper())));
        }
        return new Table("promotion", "Promotion within 12 months against comparable colleagues",
                List.of("scope", "role", "promoted", "colleagues promoted", "difference (95% CI)"), rows);
    }
}
