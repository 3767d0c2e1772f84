package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/** The report's tables, formatted from the quarter's figures. */
final class ReportTables {

    private ReportTables() {
    }

    static Table kpis(QuarterlyFigures f) {
        QuarterlyFigures.Totals now = f.totals();
        QuarterlyFigures.Totals before = f.previousTotals();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Programs with live matches", Integer.toString(now.programsRunning()),
                Integer.toString(before.programsRunning())));
        rows.add(List.of("Live matches at quarter end", Formats.count(now.liveAtEnd()), Formats.count(before.liveAtEnd())));
        rows.add(List.of("Active match rate at quarter end", Formats.percent(now.activeRate()),
                Formats.percent(before.activeRate())));
        rows.add(List.of("Sessions in the quarter", Formats.count(now.sessions()), Formats.count(before.sessions())));
        rows.add(List.of("Sessions per active match per month", Formats.decimal(now.sessionsPerActiveMatchMonth()),
                Formats.decimal(before.sessionsPerActiveMatchMonth())));
        rows.add(List.of("12-month retention, mentees", retention(f, "mentee"), "n/a"));
        rows.add(List.of("12-month retention, non-participants", retention(f, "comparison"), "n/a"));
        return new Table("kpis", "Key figures, " + f.quarter() + " against " + f.quarter().previous(),
                List.of("measure", f.quarter().toString(), f.quarter().previous().toString()), rows);
    }

    private static String retention(QuarterlyFigures f, String group) {
        return f.retention("ALL", group)
                .map(r -> r.suppressed() ? Formats.SUPPRESSED : Formats.percent(r.rate()))
                .orElse("n/a");
    }

    static Table programs(QuarterlyFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.ProgramQuarter p : f.programs()) {
            if (p.suppressed()) {
                rows.add(List.of(p.programName(), Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED,
                        Formats.SUPPRESSED, Formats.SUPPRESSED));
            } else {
                rows.add(List.of(p.programName(), Formats.count(p.liveAtEnd()), Formats.count(p.activeAtEnd()),
                        Formats.count(p.sessions()), Formats.count(p.minutes()),
                        Formats.decimal(p.sessionsPerActiveMatchMonth())));
            }
        }
        return new Table("programs", "Engagement by program, " + f.quarter(),
                List.of("program", "live matches", "active matches", "sessions", "minutes", "sessions per active match per month"),
                rows);
    }

    static Table outcomes(QuarterlyFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : f.outcomes()) {
            if (o.scopeKind().equals("department")) {
                continue;
            }
            String scope = o.scopeKind().equals("all") ? "All programs" : o.scope().replace('_', ' ');
            String role = o.role().equals("mentee") ? "Mentees" : "Mentors";
            if (o.suppressed()) {
                rows.add(List.of(scope, role, Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED,
                        Formats.SUPPRESSED, Formats.SUPPRESSED));
                continue;
            }
            rows.add(List.of(scope, role, Formats.count(o.participants()) + " / " + Formats.count(o.controls()),
                    Formats.ratio(o.hazardRatio(), o.hazardLower(), o.hazardUpper()),
                    Formats.percent(o.retentionParticipants()) + " vs " + Formats.percent(o.retentionControls()),
                    Formats.pointsInterval(o.difference(), o.differenceLower(), o.differenceUpper()),
                    o.minimumDetectable() == null ? "n/a" : Formats.points(o.minimumDetectable()).replace("+", "")));
        }
        return new Table("retention-matched", "Voluntary exits against comparable colleagues",
                List.of("scope", "role", "people / matched", "hazard ratio (95% CI)", "12-month retention",
                        "difference (95% CI)", "detectable"), rows);
    }

    static Table retention(QuarterlyFigures f) {
        List<List<String>> rows = new ArrayList<>();
        for (QuarterlyFigures.Retention r : f.retention()) {
            String group = r.group().equals("mentee") ? "Mentees" : "Non-participants";
            if (r.suppressed()) {
                rows.add(List.of(r.scopeName(), group, Formats.SUPPRESSED, Formats.SUPPRESSED, Formats.SUPPRESSED));
            } else {
                rows.add(List.of(r.scopeName(), group, Formats.count(r.people()), Formats.count(r.retained()),
                        Formats.percent(r.rate())));
            }
        }
        return new Table("retention", "12-month voluntary retention by program",
                List.of("scope", "group", "people", "retained", "retention"), rows);
    }
}
