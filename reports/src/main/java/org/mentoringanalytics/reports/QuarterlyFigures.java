package org.mentoringanalytics.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The quarter's engagement, retention and outcome figures, computed from the report's marts.
 * Pure: no I/O, so each figure can be checked by hand. A figure {@link Disclosure} hides is
 * marked suppressed and carries no value.
 */
public final class QuarterlyFigures {

    /**
     * One program's engagement in the quarter.
     *
     * @param liveAtEnd        live matches in the quarter's last month
     * @param activeAtEnd      active matches in the quarter's last month
     * @param sessions         sessions in the quarter
     * @param minutes          session minutes in the quarter
     * @param activeMatchMonths sum over the quarter's months of active matches
     * @param people           largest monthly count of people in live matches (a lower bound of the quarter's people)
     */
    public record ProgramQuarter(String programId, String programName, long liveAtEnd, long activeAtEnd,
                                 long sessions, long minutes, long activeMatchMonths, long people,
                                 boolean suppressed) {
        public Double sessionsPerActiveMatchMonth() {
            return activeMatchMonths == 0 ? null : sessions / (double) activeMatchMonths;
        }
    }

    /** One row of the retention mart, with its suppression decision. */
    public record Retention(String scope, String scopeName, String group, long people, long retained, Double rate,
                            LocalDate indexDate, boolean suppressed) {
    }

    /** One row of mart_program_engagement_monthly, by column name. */
    record EngagementRow(String programId, String programName, LocalDate month, long liveMatches, long activeMatches,
                         long sessions, long minutes, long people) {
    }

    /** One row of mart_retention_12m, by column name. */
    record RetentionRow(String scope, String scopeName, String groupName, long people, long retained, Double retentionRate,
                        LocalDate indexDate) {
    }

    /** One row of mart_retention_survival, by column name. */
    record SurvivalRow(String role, String groupName, int timeDays, double survival, double lower, double upper,
                       long atRisk, long people) {
    }

    /** The columns of mart_retention_outcome the report shows, by column name. */
    record OutcomeRow(String scopeKind, String scope, String role, long participants, long controls, Double hazardRatio,
                      Double hazardRatioLower, Double hazardRatioUpper, Double logrankP, Double retention12mParticipants,
                      Double retention12mControls, Double retention12mDifference, Double retention12mDifferenceLower,
                      Double retention12mDifferenceUpper, Double minimumDetectableDifference, long followed12mParticipants,
                      Double promotion12mParticipants, Double promotion12mControls, Double promotion12mDifferenceLower,
                      Double promotion12mDifferenceUpper, String evidence, String hazardRatioNote,
                      Double hazardRatioPAdjusted, Double eValue, Double eValueLimit) {
    }

    /**
     * Participants against matched comparable colleagues (mart_retention_outcome), with suppression:
     * a suppressed row keeps its scope and counts and shows no value.
     *
     * @param suppressed true when participants or controls are fewer than the threshold, or hidden as a complement
     */
    public record Outcome(OutcomeRow row, boolean suppressed) {

        /** The same row with every value hidden: complementary suppression. */
        Outcome hidden() {
            return new Outcome(row, true);
        }

        private <T> T shown(T value) {
            return suppressed ? null : value;
        }

        public String scopeKind() {
            return row.scopeKind();
        }

        public String scope() {
            return row.scope();
        }

        public String role() {
            return row.role();
        }

        public long participants() {
            return row.participants();
        }

        public long controls() {
            return row.controls();
        }

        public long followedParticipants() {
            return row.followed12mParticipants();
        }

        public Double hazardRatio() {
            return shown(row.hazardRatio());
        }

        public Double hazardLower() {
            return shown(row.hazardRatioLower());
        }

        public Double hazardUpper() {
            return shown(row.hazardRatioUpper());
        }

        public Double logrankP() {
            return shown(row.logrankP());
        }

        public Double retentionParticipants() {
            return shown(row.retention12mParticipants());
        }

        public Double retentionControls() {
            return shown(row.retention12mControls());
        }

        public Double difference() {
            return shown(row.retention12mDifference());
        }

        public Double differenceLower() {
            return shown(row.retention12mDifferenceLower());
        }

        public Double differenceUpper() {
            return shown(row.retention12mDifferenceUpper());
        }

        public Double minimumDetectable() {
            return shown(row.minimumDetectableDifference());
        }

        public Double promotionParticipants() {
            return shown(row.promotion12mParticipants());
        }

        public Double promotionControls() {
            return shown(row.promotion12mControls());
        }

        public Double promotionLower() {
            return shown(row.promotion12mDifferenceLower());
        }

        public Double promotionUpper() {
            return shown(row.promotion12mDifferenceUpper());
        }

        public String evidence() {
            return shown(row.evidence());
        }

        public String hazardNote() {
            return shown(row.hazardRatioNote());
        }

        public Double adjustedP() {
            return shown(row.hazardRatioPAdjusted());
        }

        public Double eValue() {
            return shown(row.eValue());
        }

        public Double eValueLimit() {
            return shown(row.eValueLimit());
        }
    }

    /** One point of a Kaplan-Meier curve (mart_retention_survival). */
    public record SurvivalPoint(String role, String group, int days, double survival, double lower, double upper, long atRisk) {
    }

    /** The quarter-level totals shown as KPI tiles, with the previous quarter for change. */
    public record Totals(int programsRunning, long liveAtEnd, long activeAtEnd, long sessions, long activeMatchMonths) {
        public Double activeRate() {
            return liveAtEnd == 0 ? null : activeAtEnd / (double) liveAtEnd;
        }

        public Double sessionsPerActiveMatchMonth() {
            return activeMatchMonths == 0 ? null : sessions / (double) activeMatchMonths;
        }
    }

    private final Quarter quarter;
    private final int threshold;
    private final List<ProgramQuarter> programs;
    private final Totals totals;
    private final Totals previousTotals;
    private final List<Retention> retention;
    private final Map<String, Map<LocalDate, Long>> activeByProgramMonth;
    private List<Outcome> outcomes = List.of();
    private List<SurvivalPoint> survival = List.of();

    private QuarterlyFigures(Quarter quarter, int threshold, List<ProgramQuarter> programs, Totals totals,
                             Totals previousTotals, List<Retention> retention,
                             Map<String, Map<LocalDate, Long>> activeByProgramMonth) {
        this.quarter = quarter;
        this.threshold = threshold;
        this.programs = programs;
        this.totals = totals;
        this.previousTotals = previousTotals;
        this.retention = retention;
        this.activeByProgramMonth = activeByProgramMonth;
    }

    /**
     * The quarter's figures, each marked as {@link Disclosure} decided.
     *
     * @param marts      the report's marts
     * @param quarter    the quarter reported
     * @param disclosure the report's suppression decisions
     */
    static QuarterlyFigures compute(ReportMarts marts, Quarter quarter, Disclosure disclosure) {
        List<EngagementRow> engagement = marts.engagement();
        List<ProgramQuarter> programs = programQuarters(engagement, quarter).stream()
                .map(p -> disclosure.program(p.programId())
                        ? new ProgramQuarter(p.programId(), p.programName(), p.liveAtEnd(), p.activeAtEnd(), p.sessions(),
                        p.minutes(), p.activeMatchMonths(), p.people(), true)
                        : p)
                .toList();
        Totals totals = totals(programs);
        Totals previous = totals(programQuarters(engagement, quarter.previous()));
        List<Retention> retentionRows = marts.retention12m().stream()
                .map(r -> {
                    boolean suppressed = disclosure.retention(r.scope(), r.groupName());
                    return new Retention(r.scope(), r.scopeName(), r.groupName(), r.people(), r.retained(),
                            suppressed ? null : r.retentionRate(), r.indexDate(), suppressed);
                })
                .sorted(Comparator.comparing((Retention r) -> !r.scope().equals("ALL")).thenComparing(Retention::scope)
                        .thenComparing(Retention::group, Comparator.reverseOrder()))
                .toList();
        Map<String, Map<LocalDate, Long>> series = new LinkedHashMap<>();
        LocalDate from = quarter.end().withDayOfMonth(1).minusMonths(23);
        for (EngagementRow row : sorted(engagement)) {
            LocalDate month = row.month();
            if (month.isBefore(from) || month.isAfter(quarter.end())) {
                continue;
            }
            Long value = disclosure.month(row.programId(), row.people()) ? null : row.activeMatches();
            series.computeIfAbsent(row.programName(), k -> new LinkedHashMap<>()).put(month, value);
        }
        QuarterlyFigures figures = new QuarterlyFigures(quarter, disclosure.threshold(), programs, totals, previous,
                retentionRows, series);
        List<Outcome> outcomes = new ArrayList<>();
        for (OutcomeRow r : marts.outcomes()) {
            outcomes.add(new Outcome(r, disclosure.outcome(r.scopeKind(), r.scope(), r.role())));
        }
        outcomes.sort(Comparator.comparing((Outcome o) -> !o.scopeKind().equals("all")).thenComparing(Outcome::scopeKind)
                .thenComparing(Outcome::scope).thenComparing(Outcome::role));
        // A curve from fewer than k people is left out entirely.
        List<SurvivalPoint> points = new ArrayList<>();
        for (SurvivalRow r : marts.survival()) {
            if (!disclosure.tooFew(r.people())) {
                points.add(new SurvivalPoint(r.role(), r.groupName(), r.timeDays(), r.survival(), r.lower(), r.upper(),
                        r.atRisk()));
            }
        }
        points.sort(Comparator.comparing(SurvivalPoint::role).thenComparing(SurvivalPoint::group)
                .thenComparingInt(SurvivalPoint::days));
        figures.outcomes = outcomes;
        figures.survival = points;
        return figures;
    }

    /** Quarters in which any program had a live match or a session, in order. */
    static List<Quarter> quartersWithData(List<EngagementRow> engagement) {
        java.util.TreeSet<Quarter> quarters = new java.util.TreeSet<>();
        for (EngagementRow row : engagement) {
            if (row.liveMatches() > 0 || row.sessions() > 0) {
                quarters.add(Quarter.containing(row.month()));
            }
        }
        return new ArrayList<>(quarters);
    }

    private static List<EngagementRow> sorted(List<EngagementRow> rows) {
        List<EngagementRow> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(EngagementRow::programId).thenComparing(EngagementRow::month));
        return copy;
    }

    /** The programs with a live match or a session in the quarter, by program id, none marked suppressed. */
    static List<ProgramQuarter> programQuarters(List<EngagementRow> engagement, Quarter quarter) {
        Map<String, List<EngagementRow>> byProgram = new LinkedHashMap<>();
        for (EngagementRow row : sorted(engagement)) {
            if (quarter.contains(row.month())) {
                byProgram.computeIfAbsent(row.programId(), k -> new ArrayList<>()).add(row);
            }
        }
        List<ProgramQuarter> result = new ArrayList<>();
        for (Map.Entry<String, List<EngagementRow>> e : byProgram.entrySet()) {
            List<EngagementRow> months = e.getValue();
            EngagementRow last = months.get(months.size() - 1);
            long sessions = 0;
            long minutes = 0;
            long activeMonths = 0;
            long people = 0;
            for (EngagementRow m : months) {
                sessions += m.sessions();
                minutes += m.minutes();
                activeMonths += m.activeMatches();
                people = Math.max(people, m.people());
            }
            if (last.liveMatches() == 0 && sessions == 0) {
                continue;
            }
            result.add(new ProgramQuarter(e.getKey(), last.programName(), last.liveMatches(), last.activeMatches(),
                    sessions, minutes, activeMonths, people, false));
        }
        return result;
    }

    private static Totals totals(List<ProgramQuarter> programs) {
        return new Totals(programs.size(),
                programs.stream().mapToLong(ProgramQuarter::liveAtEnd).sum(),
                programs.stream().mapToLong(ProgramQuarter::activeAtEnd).sum(),
                programs.stream().mapToLong(ProgramQuarter::sessions).sum(),
                programs.stream().mapToLong(ProgramQuarter::activeMatchMonths).sum());
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public Optional<Outcome> outcome(String scope, String role) {
        return outcomes.stream().filter(o -> o.scope().equals(scope) && o.role().equals(role)).findFirst();
    }

    public List<SurvivalPoint> survival() {
        return survival;
    }

    public Quarter quarter() {
        return quarter;
    }

    public int threshold() {
        return threshold;
    }

    public List<ProgramQuarter> programs() {
        return programs;
    }

    public Totals totals() {
        return totals;
    }

    public Totals previousTotals() {
        return previousTotals;
    }

    public List<Retention> retention() {
        return retention;
    }

    public Optional<Retention> retention(String scope, String group) {
        return retention.stream().filter(r -> r.scope().equals(scope) && r.group().equals(group)).findFirst();
    }

    /** Active matches per program per month over the 24 months ending with the quarter; null = suppressed. */
    public Map<String, Map<LocalDate, Long>> activeByProgramMonth() {
        return activeByProgramMonth;
    }

    public List<LocalDate> chartMonths() {
        TreeSet<LocalDate> months = new TreeSet<>();
        activeByProgramMonth.values().forEach(m -> months.addAll(m.keySet()));
        return new ArrayList<>(months);
    }
}
