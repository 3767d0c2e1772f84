package org.mentoringanalytics.reports;

import java.util.List;

/** The methodology chapter: every definition the report relies on, in plain words. */
final class Methodology {

    private Methodology() {
    }

    static List<String[]> entries(int threshold) {
        return List.of(
                new String[]{"Participation and matching",
                        "People taking part in a quarter are the distinct mentors and mentees of matches live at any "
                                + "time in it; for all programs together a person in two programs counts once. The share "
                                + "of employees divides them by the average of the headcount on the quarter's first and "
                                + "last day. The match rate is the share of mentees enrolled in the quarter who were "
                                + "matched in that program by the as-of date; days to match run from enrolment to the "
                                + "first match (median)."},
                new String[]{"Live and active matches",
                        "A match is live in a month when it was made on or before the month's last day and had not "
                                + "ended before its first day. A live match is active in a month when it logged at "
                                + "least one session (video, phone, chat, email or in person) in that month. Months are "
                                + "UTC calendar months. Active match rate = active matches / live matches."},
                new String[]{"Sessions per active match per month",
                        "Sessions in the quarter divided by the sum over the quarter's months of active matches. "
                                + "Asynchronous touches (chat, email) count as sessions."},
                new String[]{"Channels, health and the heat map",
                        "The channel mix is each channel's share of the quarter's sessions. A live match is on track "
                                + "when its last session was at most 30 days before the as-of date, at risk at 31 to 60 "
                                + "days and dormant after 60 days (a match without sessions counts from its match date). "
                                + "The heat map shades each program's active match rate per month on one light-to-dark "
                                + "blue scale; blank cells are months without live matches or suppressed."},
                new String[]{"Goals",
                        "Goal completion is the share of goals set by a quarter's end that were completed by then "
                                + "(completion date on or before it). It is cumulative over all cohorts, so it changes "
                                + "slowly from quarter to quarter."},
                new String[]{"Surveys",
                        "A respondent's construct score is the mean of the construct's items they answered; skipped "
                                + "items are left out. Means carry a Student t 95% interval, which assumes the scores of "
                                + "different respondents are independent. The Net Promoter Score is the percentage of "
                                + "9-10 answers minus the percentage of 0-6 answers; its interval uses the variance of "
                                + "the promoter-minus-detractor score (+1, 0, -1) with a normal approximation. The change "
                                + "from baseline to end of program pairs each mentee's latest answer of each kind and "
                                + "uses a paired t test; d_z is the mean change over the standard deviation of the "
                                + "changes. Survey results describe those who answered: non-response can bias them. "
                                + "Quarterly results use the quarter in which an answer was submitted."},
                new String[]{"Comparison group",
                        "Each participant's index date is their first match date (mentees and mentors are analysed "
                                + "separately). Comparable colleagues are employees who were employed on that date, had "
                                + "not yet enrolled in or been matched by any program, and share the participant's "
                                + "department, job level and tenure band (<1, 1-3, 3-5, 5-10, 10+ years) on that date: "
                                + "coarsened exact matching, up to three colleagues per participant in a fixed "
                                + "pseudo-random order, a colleague may serve several participants. A colleague who "
                                + "later joins a program stops being followed that day. Participants without any "
                                + "comparable colleague are left out and counted. The balance table "
                                + "(mart_matching_balance) gives standardized mean differences before and after "
                                + "matching. Matching cannot balance what is not recorded, such as ambition."},
                new String[]{"Survival, hazard ratio and tests",
                        "Time to a voluntary exit runs from the index date; follow-up is censored at the as-of "
                                + "date, at an involuntary exit and when a colleague starts taking part. Kaplan-Meier "
                                + "curves carry Greenwood 95% bands on the log scale. The log-rank test compares the "
                                + "curves. The hazard ratio comes from a Cox proportional-hazards model with Efron's "
                                + "handling of tied exit days and a Wald 95% interval; it assumes hazards stay "
                                + "proportional over time and censoring is independent of exits. The estimators are "
                                + "checked against published outputs of R's survival package."},
                new String[]{"12-month retention and promotion",
                        "Retained means no voluntary exit within 12 months of the index date, among people whose "
                                + "12-month outcome is known (followed 12 months, or left voluntarily sooner). "
                                + "Differences carry Newcombe's hybrid score 95% interval (Wilson intervals combined). "
                                + "The detectable difference is the smallest gap a two-sided 5% test finds with 80% "
                                + "power at these group sizes and the pooled retention. Promotion within 12 months uses the same groups."},
                new String[]{"Plain comparison",
                        "For reference, mentees are also compared with all non-participants employed on the "
                                + "mentees' median index date (plain proportions, no interval). Volunteers differ from "
                                + "non-participants, so this view is descriptive only."},
                new String[]{"Key figures and their change",
                        "Each tile compares the quarter with the previous one computed the same way from today's data. "
                                + "The retention uplift is measured over every cohort followed to date, not per quarter, "
                                + "so it carries no quarter-on-quarter change."},
                new String[]{"Suppression of small groups",
                        "Any value computed from fewer than " + threshold + " people is shown as \u201csuppressed\u201d "
                                + "in the PDF, the charts and the CSV files. Complementary suppression: where a total "
                                + "is shown (all programs, all departments) and only one group beside it is suppressed, "
                                + "the smallest other group is suppressed too, so the hidden value cannot be recovered "
                                + "by subtraction; two-way tables apply this to rows and columns until no line has a "
                                + "lone suppressed cell. For engagement, the people behind a program's quarter are the "
                                + "largest monthly count of distinct mentors and mentees in its live matches. Survey "
                                + "comments never appear in this report."},
                new String[]{"Data quality",
                        "Rows read, loaded and rejected come from ingest's own records over all landing files "
                                + "loaded to date. An unmatched identifier is a row naming a person who is not in the HR "
                                + "data. A source's freshness is the date of its latest record (session, answer, match, "
                                + "enrolment, goal, hire or exit) and how many days it lies before the as-of date. Sessions read "
                                + "from Zoom, Teams and Slack exports replace hand-logged sessions of the same match that "
                                + "start within 30 minutes (video) or on the same day (chat); the merges are counted."},
                new String[]{"Privacy",
                        "People are identified only by keyed pseudonyms from ingest onwards; no name, email or "
                                + "employee number reaches the warehouse or this report."});
    }
}
