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
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("Programs with live matches", Integer.toString(now.programsRunning()),
                Integer.toString(before.programsRunning())));
        rows.add(List.of("Live matches at quarter end", Cells.count(now.liveAtEnd()), Cells.count(before.liveAtEnd())));
        rows.add(List.of("Active match rate at quarter end", Cells.percent(now.activeRate()),
                Cells.percent(before.activeRate())));
        rows.add(List.of("Sessions in the quarter", Cells.count(now.sessions()), Cells.count(before.sessions())));
        rows.add(List.of("Sessions per active match per month", Cells.decimal(now.sessionsPerActiveMatchMonth()),
                Cells.decimal(before.sessionsPerActiveMatchMonth())));
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
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.ProgramQuarter p : f.programs()) {
            if (p.suppressed()) {
                rows.add(List.of(p.programName(), Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED,
                        Cells.SUPPRESSED, Cells.SUPPRESSED));
            } else {
                rows.add(List.of(p.programName(), Cells.count(p.liveAtEnd()), Cells.count(p.activeAtEnd()),
                        Cells.count(p.sessions()), Cells.count(p.minutes()),
                        Cells.decimal(p.sessionsPerActiveMatchMonth())));
            }
        }
        return new Table("programs", "Engagement by program, " + f.quarter(),
                List.of("program", "live matches", "active matches", "sessions", "minutes", "sessions per active match per month"),
                rows);
    }

    static Table retention(QuarterlyFigures f) {
        List<List<?>> rows = new ArrayList<>();
        for (QuarterlyFigures.Retention r : f.retention()) {
            String group = r.group().equals("mentee") ? "Mentees" : "Non-participants";
            if (r.suppressed()) {
                rows.add(List.of(r.scopeName(), group, Cells.SUPPRESSED, Cells.SUPPRESSED, Cells.SUPPRESSED));
            } else {
                rows.add(List.of(r.scopeName(), group, Cells.count(r.people()), Cells.count(r.retained()),
                        Cells.percent(r.rate())));
            }
        }
        return new Table("retention", "12-month voluntary retention by program",
                List.of("scope", "group", "people", "retained", "retention"), rows);
    }
}
