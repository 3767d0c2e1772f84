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
 * Every number the quarterly report shows, computed from mart rows for one quarter. Pure: no
 * I/O, so each figure can be checked by hand. Values computed from fewer than the suppression
 * threshold of people are marked suppressed and carry no value.
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

    /**
     * Participants against matched comparable colleagues (mart_retention_outcome), with suppression.
     *
     * @param suppressed true when participants or controls are fewer than the threshold; then no value is shown
     */
    public record Outcome(String scopeKind, String scope, String role, long participants, long controls,
                          Double hazardRatio, Double hazardLower, Double hazardUpper, Double logrankP,
                          Double retentionParticipants, Double retentionControls, Double difference,
                          Double differenceLower, Double differenceUpper, Double minimumDetectable,
                          long followedParticipants, Double promotionParticipants, Double promotionControls,
                          Double promotionLower, Double promotionUpper, boolean suppressed, String evidence,
                          String hazardNote, Double adjustedP, Double eValue, Double eValueLimit) {

        /** The same row with every value hidden: complementary suppression. */
        Outcome hidden() {
            return new Outcome(scopeKind, scope, role, participants, controls, null, null, null, null, null, null, null,
                    null, null, null, followedParticipants, null, null, null, null, true, null, null, null, null, null);
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
     * @param engagement rows of mart_program_engagement_monthly
     * @param retention  rows of mart_retention_12m
     * @param quarter    the quarter reported
     * @param threshold  smallest number of people a shown value may come from
     */
    public static QuarterlyFigures compute(List<Map<String, Object>> engagement, List<Map<String, Object>> retention,
                                           Quarter quarter, int threshold) {
        List<ProgramQuarter> programs = programQuarters(engagement, quarter, threshold);
        Totals totals = totals(programs);
        Totals previous = totals(programQuarters(engagement, quarter.previous(), threshold));
        List<Retention> retentionRows = retention.stream()
                .map(r -> {
                    long people = (Long) r.get("people");
                    boolean suppressed = people < threshold;
                    return new Retention((String) r.get("scope"), (String) r.get("scope_name"),
                            (String) r.get("group_name"), people, (Long) r.get("retained"),
                            suppressed ? null : (Double) r.get("retention_rate"), (LocalDate) r.get("index_date"),
                            suppressed);
                })
                .sorted(Comparator.comparing((Retention r) -> !r.scope().equals("ALL")).thenComparing(Retention::scope)
                        .thenComparing(Retention::group, Comparator.reverseOrder()))
                .toList();
        List<Retention> programMentees = retentionRows.stream().filter(r -> !r.scope().equals("ALL") && r.group().equals("mentee")).toList();
        java.util.Set<Retention> complements = Suppression.siblings(Suppression.people(programMentees, Retention::people), threshold);
        retentionRows = retentionRows.stream().map(r -> complements.contains(r) && !r.suppressed()
                ? new Retention(r.scope(), r.scopeName(), r.group(), r.people(), r.retained(), null, r.indexDate(), true) : r).toList();
        java.util.Set<String> suppressedPrograms = new java.util.HashSet<>();
        programs.stream().filter(ProgramQuarter::suppressed).forEach(p -> suppressedPrograms.add(p.programId()));
        Map<String, Map<LocalDate, Long>> series = new LinkedHashMap<>();
        LocalDate from = quarter.end().withDayOfMonth(1).minusMonths(23);
        for (Map<String, Object> row : sorted(engagement)) {
            LocalDate month = (LocalDate) row.get("month");
            if (month.isBefore(from) || month.isAfter(quarter.end())) {
                continue;
            }
            // A month from fewer people than the threshold is left out, and so is every month of a program
            // suppressed this quarter: its monthly values would otherwise give back what the table hides.
            boolean hidden = (Long) row.get("people") < threshold || suppressedPrograms.contains((String) row.get("program_id"));
            Long value = hidden ? null : (Long) row.get("active_matches");
            series.computeIfAbsent((String) row.get("program_name"), k -> new LinkedHashMap<>()).put(month, value);
        }
        return new QuarterlyFigures(quarter, threshold, programs, totals, previous, retentionRows, series);
    }

    /** Quarters in which any program had a live match or a session, in order. */
    public static List<Quarter> quartersWithData(List<Map<String, Object>> engagement) {
        java.util.TreeSet<Quarter> quarters = new java.util.TreeSet<>();
        for (Map<String, Object> row : engagement) {
            if ((Long) row.get("live_matches") > 0 || (Long) row.get("sessions") > 0) {
                quarters.add(Quarter.containing((LocalDate) row.get("month")));
            }
        }
        return new ArrayList<>(quarters);
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        List<Map<String, Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("program_id"))
                .thenComparing(r -> (LocalDate) r.get("month")));
        return copy;
    }

    private static List<ProgramQuarter> programQuarters(List<Map<String, Object>> engagement, Quarter quarter,
                                                        int threshold) {
        Map<String, List<Map<String, Object>>> byProgram = new LinkedHashMap<>();
        for (Map<String, Object> row : sorted(engagement)) {
            if (quarter.contains((LocalDate) row.get("month"))) {
                byProgram.computeIfAbsent((String) row.get("program_id"), k -> new ArrayList<>()).add(row);
            }
        }
        List<ProgramQuarter> result = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : byProgram.entrySet()) {
            List<Map<String, Object>> months = e.getValue();
            Map<String, Object> last = months.get(months.size() - 1);
            long sessions = 0;
            long minutes = 0;
            long activeMonths = 0;
            long people = 0;
            for (Map<String, Object> m : months) {
                sessions += (Long) m.get("sessions");
                minutes += (Long) m.get("minutes");
                activeMonths += (Long) m.get("active_matches");
                people = Math.max(people, (Long) m.get("people"));
            }
            if ((Long) last.get("live_matches") == 0 && sessions == 0) {
                continue;
            }
            result.add(new ProgramQuarter(e.getKey(), (String) last.get("program_name"), (Long) last.get("live_matches"),
                    (Long) last.get("active_matches"), sessions, minutes, activeMonths, people, people < threshold));
        }
        return withComplementarySuppression(result, threshold);
    }

    /**
     * The totals are shown, so a single suppressed program could be recovered by subtracting the
     * others from them: the smallest shown program is then suppressed as well.
     */
    private static List<ProgramQuarter> withComplementarySuppression(List<ProgramQuarter> programs, int threshold) {
        java.util.Set<ProgramQuarter> hidden = Suppression.siblings(
                Suppression.people(programs, ProgramQuarter::people), threshold);
        return programs.stream()
                .map(p -> hidden.contains(p) || p.suppressed()
                        ? new ProgramQuarter(p.programId(), p.programName(), p.liveAtEnd(), p.activeAtEnd(), p.sessions(),
                        p.minutes(), p.activeMatchMonths(), p.people(), true)
                        : p)
                .toList();
    }

    private static Totals totals(List<ProgramQuarter> programs) {
        return new Totals(programs.size(),
                programs.stream().mapToLong(ProgramQuarter::liveAtEnd).sum(),
                programs.stream().mapToLong(ProgramQuarter::activeAtEnd).sum(),
                programs.stream().mapToLong(ProgramQuarter::sessions).sum(),
                programs.stream().mapToLong(ProgramQuarter::activeMatchMonths).sum());
    }

    /**
     * Adds the matched outcome analysis. A scope whose participants or controls number fewer than the
     * threshold is suppressed, and its survival curve is left out entirely.
     */
    public QuarterlyFigures withOutcomes(List<Map<String, Object>> outcomeRows, List<Map<String, Object>> survivalRows) {
        List<Outcome> result = new ArrayList<>();
        for (Map<String, Object> r : outcomeRows) {
            long participants = (Long) r.get("participants");
            long controls = (Long) r.get("controls");
            boolean hidden = participants < threshold || controls < threshold;
            result.add(new Outcome((String) r.get("scope_kind"), (String) r.get("scope"), (String) r.get("role"),
                    participants, controls, hidden ? null : (Double) r.get("hazard_ratio"),
                    hidden ? null : (Double) r.get("hazard_ratio_lower"), hidden ? null : (Double) r.get("hazard_ratio_upper"),
                    hidden ? null : (Double) r.get("logrank_p"), hidden ? null : (Double) r.get("retention_12m_participants"),
                    hidden ? null : (Double) r.get("retention_12m_controls"), hidden ? null : (Double) r.get("retention_12m_difference"),
                    hidden ? null : (Double) r.get("retention_12m_difference_lower"),
                    hidden ? null : (Double) r.get("retention_12m_difference_upper"),
                    hidden ? null : (Double) r.get("minimum_detectable_difference"),
                    (Long) r.get("followed_12m_participants"),
                    hidden ? null : (Double) r.get("promotion_12m_participants"),
                    hidden ? null : (Double) r.get("promotion_12m_controls"),
                    hidden ? null : (Double) r.get("promotion_12m_difference_lower"),
                    hidden ? null : (Double) r.get("promotion_12m_difference_upper"), hidden,
                    hidden ? null : (String) r.get("evidence"), hidden ? null : (String) r.get("hazard_ratio_note"),
                    hidden ? null : (Double) r.get("hazard_ratio_p_adjusted"), hidden ? null : (Double) r.get("e_value"),
                    hidden ? null : (Double) r.get("e_value_limit")));
        }
        result.sort(Comparator.comparing((Outcome o) -> !o.scopeKind().equals("all")).thenComparing(Outcome::scopeKind)
                .thenComparing(Outcome::scope).thenComparing(Outcome::role));
        List<SurvivalPoint> points = new ArrayList<>();
        for (Map<String, Object> r : survivalRows) {
            if ((Long) r.get("people") >= threshold) {
                points.add(new SurvivalPoint((String) r.get("role"), (String) r.get("group_name"), (Integer) r.get("time_days"),
                        (Double) r.get("survival"), (Double) r.get("lower"), (Double) r.get("upper"), (Long) r.get("at_risk")));
            }
        }
        points.sort(Comparator.comparing(SurvivalPoint::role).thenComparing(SurvivalPoint::group)
                .thenComparingInt(SurvivalPoint::days));
        this.outcomes = withComplements(result, threshold);
        this.survival = points;
        return this;
    }

    /**
     * The all-programs row is shown, so within each scope kind (program types, departments) and role
     * a lone suppressed scope takes the smallest sibling with it.
     */
    private static List<Outcome> withComplements(List<Outcome> outcomes, int threshold) {
        List<Outcome> result = new ArrayList<>(outcomes);
        for (String kind : List.of("program_type", "department")) {
            for (String role : List.of("mentee", "mentor")) {
                List<Outcome> siblings = result.stream().filter(o -> o.scopeKind().equals(kind) && o.role().equals(role)).toList();
                java.util.Set<Outcome> hidden = Suppression.siblings(
                        Suppression.people(siblings, o -> Math.min(o.participants(), o.controls())), threshold);
                result.replaceAll(o -> hidden.contains(o) && !o.suppressed() ? o.hidden() : o);
            }
        }
        return result;
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
