package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * Retention and promotion: Kaplan-Meier curves of mentees and mentors against their matched
 * comparison colleagues, the uplift overall, by program type and by department, and the plain
 * comparison with all non-participants for reference.
 */
final class RetentionSection {

    private final QuarterlyFigures figures;

    RetentionSection(QuarterlyFigures figures) {
        this.figures = figures;
    }

    Kpis.Tile tile() {
        return figures.outcome("ALL", "mentee")
                .filter(o -> !o.suppressed() && o.difference() != null)
                .map(o -> new Kpis.Tile("12-month retention uplift, mentees", Kpis.Unit.POINTS, o.difference(),
                        o.differenceLower(), o.differenceUpper(), null,
                        "against comparable colleagues; all cohorts to date", null))
                .orElse(new Kpis.Tile("12-month retention uplift, mentees", Kpis.Unit.POINTS, null, null, null, null, "",
                        "too few followed"));
    }

    Section build(ReportTheme theme) {
        Section section = new Section("Retention and promotion");
        section.text("Each mentee and mentor is compared with up to three colleagues of the same department, job level "
                + "and tenure band who were employed, and not yet taking part, on the participant's first match date. "
                + "Hazard ratios below 1 mean fewer voluntary exits. Differences are in percentage points with 95% "
                + "intervals; 'detectable' is the smallest difference these group sizes can reliably show.");
        section.chart(Charts.survival(figures, "mentee", theme), 230);
        section.chart(Charts.survival(figures, "mentor", theme), 230);
        section.table(uplift("all", "program_type", "retention-by-program-type", "Uplift overall and by program type"));
        section.table(uplift(null, "department", "retention-by-department", "Uplift by department of the participant"));
        section.table(promotion());
        section.heading("Plain comparison with all non-participants");
        String plain = Findings.plainComparison(figures);
        section.note("Shown for reference only: volunteers differ from non-participants, so this view mixes the effect "
                + "of mentoring with who volunteers." + (plain == null ? "" : " " + plain));
        section.chart(Charts.retention(figures, theme), 230);
        section.table(ReportTables.retention(figures));
        return section;
    }

    private static String scopeName(QuarterlyFigures.Outcome o) {
        return o.scopeKind().equals("all") ? "All programs" : o.scope().replace('_', ' ');
    }

    private static String role(QuarterlyFigures.Outcome o) {
        return o.role().equals("mentee") ? "Mentees" : "Mentors";
    }

    Table uplift(String firstKind, String kind, String name, String title) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : figures.outcomes()) {
            if (!o.scopeKind().equals(kind) && !o.scopeKind().equals(firstKind)) {
                continue;
            }
            if (o.suppressed()) {
                rows.add(List.of(scopeName(o), role(o), Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED,
                        Formats.SUPPRESSED, Formats.SUPPRESSED));
                continue;
            }
            rows.add(List.of(scopeName(o), role(o), Formats.count(o.participants()) + " / " + Formats.count(o.controls()),
                    hazard(o),
                    Formats.percent(o.retentionParticipants()) + " vs " + Formats.percent(o.retentionControls()),
                    Formats.pointsInterval(o.difference(), o.differenceLower(), o.differenceUpper()),
                    o.minimumDetectable() == null ? "n/a" : Formats.points(o.minimumDetectable()).replace("+", "")));
        }
        return new Table(name, title + ": voluntary exits against comparable colleagues",
                List.of(kind.equals("department") ? "department" : "scope", "role", "people / matched",
                        kind.equals("program_type") || kind.equals("department")
                                ? "hazard ratio (95% CI); p adjusted for the groups compared" : "hazard ratio (95% CI)",
                        "12-month retention", "difference (95% CI)", "detectable"), rows);
    }

    /** The hazard ratio, or why there is none, or a warning that the group is too small to tell. */
    static String hazard(QuarterlyFigures.Outcome o) {
        if ("not_estimable".equals(o.evidence())) {
            return "not estimable";
        }
        String ratio = Formats.ratio(o.hazardRatio(), o.hazardLower(), o.hazardUpper());
        if (o.adjustedP() != null) {
            String p = Formats.pValue(o.adjustedP());
            ratio += p.startsWith("<") ? "; p " + p : "; p = " + p;
        }
        return "too_small".equals(o.evidence()) ? ratio + "; too few exits to tell" : ratio;
    }

    Table promotion() {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : figures.outcomes()) {
            if (o.scopeKind().equals("department")) {
                continue;
            }
            if (o.suppressed() || o.promotionParticipants() == null || o.promotionControls() == null) {
                String shown = o.suppressed() ? Formats.SUPPRESSED : "n/a";
                rows.add(List.of(scopeName(o), role(o), shown, shown));
                continue;
            }
            double difference = o.promotionParticipants() - o.promotionControls();
            rows.add(List.of(scopeName(o), role(o),
                    Formats.percent(o.promotionParticipants()) + " vs " + Formats.percent(o.promotionControls()),
                    Formats.pointsInterval(difference, o.promotionLower(), o.promotionUpper())));
        }
        return new Table("promotion", "Promotion within 12 months against comparable colleagues",
                List.of("scope", "role", "promoted", "difference (95% CI)"), rows);
    }
}
