package org.mentoringanalytics.reports;


/** Sentences written from the figures for the retention chapter. */
final class Findings {

    private Findings() {
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
