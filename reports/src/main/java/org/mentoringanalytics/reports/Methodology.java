package org.mentoringanalytics.reports;

import java.util.List;

/** The methodology chapter: every definition the report relies on, in plain words. */
final class Methodology {

    private Methodology() {
    }

    static List<String[]> entries(int threshold) {
        return List.of(
                new String[]{"Live and active matches",
                        "A match is live in a month when it was made on or before the month's last day and had not "
                                + "ended before its first day. A live match is active in a month when it logged at "
                                + "least one session (video, phone, chat, email or in person) in that month. Months are "
                                + "UTC calendar months. Active match rate = active matches / live matches."},
                new String[]{"Sessions per active match per month",
                        "Sessions in the quarter divided by the sum over the quarter's months of active matches. "
                                + "Asynchronous touches (chat, email) count as sessions."},
                new String[]{"12-month voluntary retention",
                        "A mentee's index date is the date of their first match (in the program, or in any program "
                                + "for All programs). Mentees are counted when they were employed on the index date "
                                + "and the index date is at least 12 months before the data's as-of date. Retained "
                                + "means no voluntary exit within 12 months after the index date. People who left "
                                + "involuntarily within those 12 months are left out, because whether they would have "
                                + "stayed is unknown."},
                new String[]{"Comparison group",
                        "Non-participants are employees who never enrolled in or were matched by any program. They "
                                + "are followed in the same way from one shared index date: the median index date of "
                                + "the mentees they are compared with. This is a plain comparison of proportions. It "
                                + "does not adjust for who volunteers (department, level, tenure) and carries no "
                                + "confidence interval, so a difference is descriptive, not evidence of an effect."},
                new String[]{"Suppression of small groups",
                        "Any value computed from fewer than " + threshold + " people is shown as \u201csuppressed\u201d "
                                + "in the PDF, the charts and the CSV files. For engagement, the people behind a "
                                + "program's quarter are the largest monthly count of distinct mentors and mentees in "
                                + "its live matches. Survey comments never appear in this report."},
                new String[]{"Privacy",
                        "People are identified only by keyed pseudonyms from ingest onwards; no name, email or "
                                + "employee number reaches the warehouse or this report."});
    }
}
