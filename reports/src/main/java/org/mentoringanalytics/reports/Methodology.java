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
                new String[]{"Who takes part",
                        "Employees of a quarter are everyone employed on at least one of its days; job level is the "
                                + "level at the quarter's end (or on the last day employed), from the job changes. A group's "
                                + "share of employees is set beside its share of the quarter's mentees and mentors (people in "
                                + "a match live in the quarter). Mentees per 100 employees carries a Wilson score 95% "
                                + "interval. \"Mentees mirror the employees\" is Pearson's chi-square test of independence "
                                + "between the group and taking part (p of 0.05 or more); it assumes people take part "
                                + "independently of each other; groups with an expected count under 5 are pooled into one for the test, "
                                + "and it is not run when fewer than two groups remain. "
                                + "The match rate is the share of the group's employees who enrolled as a mentee in the 12 "
                                + "months to the quarter's end and were matched after enrolling by the as-of date. An "
                                + "empty attribute is the group \"not stated\"; an attribute nobody states is left out."},
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
                                + "9-10 answers minus the percentage of 0-6 answers; its interval is the adjusted Wald "
                                + "interval of Rocks (2016): three quarters of a person added to the promoters and to the "
                                + "detractors before the normal approximation, kept within -100 to 100. The change "
                                + "from baseline to end of program pairs each mentee's latest answer of each kind and "
                                + "uses a paired t test; d_z is the mean change over the standard deviation of the "
                                + "changes. When everyone changed by exactly the same amount there is no spread to "
                                + "test against, and the test is not estimable. Survey results describe those who answered: non-response can bias them. "
                                + "Quarterly results use the quarter in which an answer was submitted."},
                new String[]{"Comparison group and what is estimated",
                        "Each participant's index date is their first match date (mentees and mentors are analysed "
                                + "separately). Comparable colleagues are employees who were employed on that date, had "
                                + "not yet enrolled in or been matched by any program, and share the participant's "
                                + "department, job level and tenure band (<1, 1-3, 3-5, 5-10, 10+ years) on that date: "
                                + "up to three colleagues per participant, drawn in a fixed pseudo-random order; a "
                                + "colleague may serve several participants. Each participant's colleagues together "
                                + "weigh as much as the participant (1/3 each when there are three), so the comparison "
                                + "group has the same mix of departments, levels and tenure as the participants: the "
                                + "figures estimate the effect of mentoring on those who took part (the average effect "
                                + "on the treated). Someone who took part in the other role first (a mentor who was "
                                + "a mentee before) is left out and counted, and a participant who later takes up the "
                                + "other role stops being followed then, so each figure measures one role alone. "
                                + "Participants without any comparable colleague are left out and counted. The balance "
                                + "table (mart_matching_balance) gives weighted standardized mean differences before "
                                + "and after matching. Matching cannot balance what is not recorded, such as ambition: "
                                + "see the E-value below."},
                new String[]{"Survival, hazard ratio and tests",
                        "Time to a voluntary exit runs from the index date; follow-up is censored at the as-of "
                                + "date, at an involuntary exit and when a colleague starts taking part. Kaplan-Meier "
                                + "curves use the weights above; their 95% bands are on the log scale. The hazard ratio "
                                + "comes from a weighted Cox proportional-hazards model with Efron's handling of tied exit "
                                + "days, stratified by the matching strata (department, job level and tenure band): each "
                                + "stratum keeps its own baseline rate of leaving, so participants are compared only with "
                                + "colleagues of their own stratum at every point of follow-up. It assumes the ratio is "
                                + "the same in every stratum and over time, and censoring is independent of exits. Because one colleague can appear for several participants, every variance "
                                + "counts people, not rows: the robust (sandwich) variance clustered on the person (Lin "
                                + "and Wei 1989) for the hazard ratio, the log-rank (score) test and the curves' bands, "
                                + "so entering the same people twice narrows nothing. A hazard ratio is \u201cnot "
                                + "estimable\u201d, with the reason, when one group has no exit, when the likelihood has no "
                                + "maximum (every exit of one group after the other group's follow-up ended), or when "
                                + "the fit does not converge; a scope with fewer than 10 exits in all is marked too small "
                                + "to tell. Median time to a voluntary exit carries the Brookmeyer-Crowley 95% interval; "
                                + "the numbers still followed at 0, 90, 180, 365, 540, 730 and 1,095 days are in "
                                + "mart_retention_at_risk. The estimators are checked against R's survival package."},
                new String[]{"Where mentoring works: many groups at once",
                        "Comparing many departments or program types at once finds some differences by chance. "
                                + "The p-values of the hazard ratios by department and by program type are adjusted for "
                                + "the number of groups compared (Benjamini-Hochberg, which keeps the expected share of "
                                + "false findings among the reported ones at 5%), and Cochran's Q tests whether the "
                                + "effect differs between the groups at all (heterogeneity_p in mart_retention_outcome). "
                                + "Read a group's result as real only when its adjusted p-value is small. The summary "
                                + "calls a program type or department working (fewer exits) only when its adjusted "
                                + "p-value is below 5% and its hazard ratio below 1, and all programs together when the "
                                + "hazard ratio's 95% interval lies below 1; a group with fewer than 10 exits, no "
                                + "estimate or a suppressed value is too early to tell. Promotion differences by group "
                                + "get the same adjustment, from a normal approximation to their Newcombe interval. "
                                + "The forest plots show every group's 12-month difference with its 95% interval; "
                                + "those intervals are not adjusted, so a single interval clear of zero is not proof."},
                new String[]{"How strong a hidden difference would have to be (E-value)",
                        "The E-value (VanderWeele and Ding 2017) says how strongly an unrecorded difference between "
                                + "participants and their colleagues, such as ambition, would have to be tied both to "
                                + "taking part and to leaving (as a risk ratio, each) to explain the hazard ratio away; "
                                + "the second figure does the same for the interval's limit nearer no effect. Exits are "
                                + "common, so the hazard ratio is first converted to a risk ratio. An E-value near 1 "
                                + "means a weak hidden difference would be enough; 2 or more means it would have to be "
                                + "strong."},
                new String[]{"12-month retention and promotion",
                        "Retained means no voluntary exit within 12 months of the index date, among people whose "
                                + "12-month outcome is known (followed 12 months, or left voluntarily sooner). Shares "
                                + "use the weights above. Differences carry Newcombe's hybrid score 95% interval "
                                + "(Wilson intervals combined), each Wilson interval on the effective number of people: "
                                + "p(1-p) over the variance of the weighted share clustered on the person (Korn and "
                                + "Graubard 1998). The detectable difference is the smallest gap a two-sided 5% test "
                                + "finds with 80% power at these effective group sizes and the pooled retention. "
                                + "Promotion within 12 months uses the same groups."},
                new String[]{"Plain comparison",
                        "For reference, mentees are also compared with all non-participants employed on the "
                                + "mentees' median index date (plain proportions, no interval). Volunteers differ from "
                                + "non-participants, so this view is descriptive only."},
                new String[]{"Key figures and their change",
                        "Each tile compares the quarter with the previous one computed the same way from today's data, "
                                + "and calls it a change (with an arrow) only when the change's 95% interval excludes "
                                + "none; otherwise it reads \u201cno clear change\u201d. The two quarters are treated as "
                                + "independent: shares (participation over the average headcount, active over live "
                                + "matches, goals completed over goals set) use Newcombe's hybrid score interval, "
                                + "sessions per active match-month the normal approximation for a difference of Poisson "
                                + "rates, the NPS the square root of the summed squared half-widths of its two "
                                + "intervals. The same people appear in both quarters, so these intervals are, if "
                                + "anything, wide. The retention figure is measured over every cohort followed to "
                                + "date, not per quarter, so it carries no quarter-on-quarter change."},
                new String[]{"Value of exits avoided",
                        "When a cost per exit is configured (--cost-per-exit or cost-per-exit in the properties "
                                + "file), exits avoided are the participants compared times the 12-month retention "
                                + "difference, with the difference's 95% interval, and their value is that times the "
                                + "cost. It assumes the difference is caused by mentoring and that every voluntary exit "
                                + "costs the same."},
                new String[]{"Curves and numbers still followed",
                        "Kaplan-Meier curves stop where fewer than 10 people are still followed, because beyond "
                                + "that single exits move the curve; both roles share one vertical scale. Under each "
                                + "chart, the people still followed at 0, 3, 6, 12, 18, 24 and 36 months, suppressed "
                                + "below " + threshold + "."},
                new String[]{"Suppression of small groups",
                        "Any value computed from fewer than " + threshold + " people is shown as \u201csuppressed\u201d "
                                + "in the PDF, the charts and the CSV files. Complementary suppression: where a total "
                                + "is shown (all programs, all departments) and only one group beside it is suppressed, "
                                + "the smallest other group is suppressed too, so the hidden value cannot be recovered "
                                + "by subtraction; two-way tables apply this to rows and columns until no line has a "
                                + "lone suppressed cell. For engagement, the people behind a program's quarter are the "
                                + "largest monthly count of distinct mentors and mentees in its live matches. Survey "
                                + "comments never appear in this report. Each count is suppressed on its own people: a "
                                + "cell of 3 matched mentees is hidden even in a large program, with the rate computed "
                                + "from it. The CSV files beside this report carry plain numbers (shares as fractions of "
                                + "1, intervals as value, lower and upper columns) and dictionary.csv names every column "
                                + "and its unit."},
                new String[]{"Data quality",
                        "Rows read, loaded and rejected come from ingest's own records over all landing files "
                                + "loaded to date. An unmatched identifier is a row naming a person who is not in the HR "
                                + "data. A source's freshness is the date of its latest record (session, answer, match, "
                                + "enrolment, goal, hire or exit) and how many days it lies before the as-of date. Sessions read "
                                + "from Zoom, Teams and Slack exports replace hand-logged sessions of the same match that "
                                + "start within 30 minutes (video) or on the same day (chat); the merges are counted. "
                                + "HR, program, enrolment, match, goal and question files are snapshots: a new version "
                                + "replaces the staging table, and rows it no longer holds are retired and counted. "
                                + "Session, survey answer and job change files are logs: rows stay when a file is removed, "
                                + "and removed files are counted. Rows that load with a warning (a session before its "
                                + "match, a match before its program) are counted in every figure."},
                new String[]{"Privacy",
                        "People are identified only by keyed pseudonyms from ingest onwards; no name, email or "
                                + "employee number reaches the warehouse or this report."});
    }
}
