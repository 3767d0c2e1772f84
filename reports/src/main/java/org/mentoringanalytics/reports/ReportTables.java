package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/** The report's tables, formatted from the quarter's figures. */
final class ReportTables {

    private ReportTables() {
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
