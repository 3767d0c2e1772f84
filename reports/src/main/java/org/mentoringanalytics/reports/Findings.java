package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.List;

/** The summary's findings: sentences written from the figures, each saying how sure it is. */
final class Findings {

    private Findings() {
    }

    /** One sentence on a role's retention against comparable colleagues, with its uncertainty. */
    static String retention(QuarterlyFigures.Outcome o, String role) {
        String who = role.equals("mentee") ? "Mentees" : "Mentors";
        if (o.suppressed() || o.difference() == null) {
            return who + ": too few people have been followed for 12 months to report retention.";
        }
        double lower = o.differenceLower() * 100;
        double upper = o.differenceUpper() * 100;
        String direction = o.difference() >= 0 ? "more" : "less";
        String sentence = String.format(java.util.Locale.ROOT,
                "%s were %.1f points %s likely than comparable colleagues to stay 12 months (95%% CI %.1f to %.1f; %s of %s followed)",
                who, Math.abs(o.difference() * 100), direction, lower, upper, Formats.count(o.followedParticipants()),
                Formats.count(o.participants()));
        if (lower <= 0 && upper >= 0) {
            sentence += String.format(java.util.Locale.ROOT,
                    ". The interval includes no difference: this cohort can only detect a gap of about %.1f points",
                    o.minimumDetectable() * 100);
        }
        if (o.hazardRatio() != null) {
            sentence += String.format(java.util.Locale.ROOT, ". Hazard ratio of a voluntary exit %.2f (95%% CI %.2f to %.2f)",
                    o.hazardRatio(), o.hazardLower(), o.hazardUpper());
            if (o.eValueLimit() != null && o.eValueLimit() > 1 && o.eValue() != null) {
                sentence += String.format(java.util.Locale.ROOT, "; an unrecorded difference between %s and their "
                                + "colleagues would have to raise both the chance of taking part and of leaving %.1f-fold "
                                + "to explain it away (%.1f-fold to reach the interval's edge)",
                        who.toLowerCase(java.util.Locale.ROOT), o.eValue(), o.eValueLimit());
            }
            sentence += ".";
        } else if (o.hazardNote() != null) {
            sentence += ". The hazard ratio is not estimable: " + o.hazardNote() + ".";
        } else {
            sentence += ".";
        }
        return sentence;
    }

    /**
     * Three to five findings, most important first: retention of mentees and mentors against
     * comparable colleagues, the mentees' NPS, the change from baseline to end of program, and
     * engagement; each says how sure it is or that the group is too small.
     */
    static List<String> of(QuarterlyFigures f, String nps, String surveyChange) {
        List<String> findings = new ArrayList<>();
        for (String role : List.of("mentee", "mentor")) {
            f.outcome("ALL", role).ifPresent(o -> findings.add(retention(o, role)));
        }
        if (nps != null) {
            findings.add(nps);
        }
        if (surveyChange != null) {
            findings.add(surveyChange);
        }
        QuarterlyFigures.Totals now = f.totals();
        QuarterlyFigures.Totals before = f.previousTotals();
        if (now.liveAtEnd() > 0) {
            String change = before.activeRate() == null ? ""
                    : ", against " + Formats.percent(before.activeRate()) + " at the end of " + f.quarter().previous();
            findings.add("At the end of " + f.quarter() + ", " + Formats.count(now.activeAtEnd()) + " of "
                    + Formats.count(now.liveAtEnd()) + " live matches (" + Formats.percent(now.activeRate())
                    + ") had a session in the quarter's last month" + change + "; these are counts of every match, not a sample.");
        } else {
            findings.add("No match was live at the end of " + f.quarter() + ".");
        }
        if (findings.size() < 3 && now.sessionsPerActiveMatchMonth() != null) {
            findings.add("Active matches met " + Formats.decimal(now.sessionsPerActiveMatchMonth())
                    + " times a month on average in " + f.quarter() + " ("
                    + Formats.decimal(before.sessionsPerActiveMatchMonth()) + " in " + f.quarter().previous() + ").");
        }
        return findings.subList(0, Math.min(5, findings.size()));
    }

    /** The plain comparison in one sentence, for the retention chapter; null when suppressed. */
    static String plainComparison(QuarterlyFigures f) {
        var mentees = f.retention("ALL", "mentee");
        var comparison = f.retention("ALL", "comparison");
        if (mentees.isPresent() && comparison.isPresent() && !mentees.get().suppressed()
                && !comparison.get().suppressed() && mentees.get().rate() != null && comparison.get().rate() != null) {
            return "Compared with all non-participants instead of comparable colleagues, the mentees' 12-month "
                    + "retention gap would read " + Formats.points(mentees.get().rate() - comparison.get().rate())
                    + "; that plain view also counts who volunteers, so this report relies on the matched comparison.";
        }
        return null;
    }
}
