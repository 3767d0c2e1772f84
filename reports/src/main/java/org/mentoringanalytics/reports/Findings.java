package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/** The summary's findings: sentences written from the figures, each saying how sure it is. */
final class Findings {

    private Findings() {
    }

    static List<String> of(QuarterlyFigures f) {
        List<String> findings = new ArrayList<>();
        QuarterlyFigures.Totals now = f.totals();
        QuarterlyFigures.Totals before = f.previousTotals();
        if (now.liveAtEnd() > 0) {
            String change = before.activeRate() == null ? ""
                    : ", against " + Formats.percent(before.activeRate()) + " at the end of " + f.quarter().previous();
            findings.add("At the end of " + f.quarter() + ", " + Formats.count(now.activeAtEnd()) + " of "
                    + Formats.count(now.liveAtEnd()) + " live matches (" + Formats.percent(now.activeRate())
                    + ") had a session in the quarter's last month" + change + ".");
        } else {
            findings.add("No match was live at the end of " + f.quarter() + ".");
        }
        if (now.sessionsPerActiveMatchMonth() != null) {
            findings.add("Active matches met " + Formats.decimal(now.sessionsPerActiveMatchMonth())
                    + " times a month on average in " + f.quarter() + " ("
                    + Formats.decimal(before.sessionsPerActiveMatchMonth()) + " in " + f.quarter().previous() + ").");
        }
        var mentees = f.retention("ALL", "mentee");
        var comparison = f.retention("ALL", "comparison");
        if (mentees.isPresent() && comparison.isPresent() && !mentees.get().suppressed()
                && !comparison.get().suppressed() && mentees.get().rate() != null && comparison.get().rate() != null) {
            double difference = mentees.get().rate() - comparison.get().rate();
            findings.add("Mentees stayed 12 months at a rate of " + Formats.percent(mentees.get().rate()) + " ("
                    + Formats.count(mentees.get().people()) + " people), against "
                    + Formats.percent(comparison.get().rate()) + " for non-participants ("
                    + Formats.count(comparison.get().people()) + " people): a difference of "
                    + Formats.points(difference) + ". These are plain proportions without a confidence interval; "
                    + "volunteers differ from non-participants, so the difference alone does not show that mentoring caused it.");
        } else {
            findings.add("Too few mentees have been followed for 12 months to report retention.");
        }
        long suppressed = f.programs().stream().filter(QuarterlyFigures.ProgramQuarter::suppressed).count();
        if (suppressed > 0) {
            findings.add(suppressed + " program(s) involved fewer than " + f.threshold()
                    + " people this quarter; their figures are suppressed.");
        }
        return findings;
    }
}
