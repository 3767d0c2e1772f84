package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Every suppression decision of one quarter's report, made in one pass over its marts before any
 * section is built; sections only ask. The rule is the same everywhere: a value from fewer than
 * k people is hidden, and wherever the parts of a shown total are shown, a lone hidden part takes
 * the smallest other part with it ({@link Suppression}) so it cannot be recovered by subtraction.
 * Because every rendering (PDF, CSV, chart) reads these decisions, none can show what another hides.
 *
 * <p>Input: the report's marts and quarter, and k. Output: a decision per program, group and cell.
 */
final class Disclosure {

    static final String ALL = "ALL";
    private static final List<String> HEALTH = List.of("on_track", "at_risk", "dormant");
    private static final List<ToLongFunction<ParticipationSection.ParticipationRow>> PARTICIPATION_COUNTS = List.of(
            ParticipationSection.ParticipationRow::menteesEnrolled, ParticipationSection.ParticipationRow::mentorsEnrolled,
            ParticipationSection.ParticipationRow::menteesMatched, ParticipationSection.ParticipationRow::participants);

    private final int k;
    private final Set<String> programs = new HashSet<>();
    private final Set<List<String>> retention = new HashSet<>();
    private final Set<List<String>> outcomes = new HashSet<>();
    private final Map<String, boolean[]> participation = new HashMap<>();
    private final Map<List<String>, boolean[]> equity = new HashMap<>();
    private final Map<String, boolean[]> health = new HashMap<>();
    private final Set<String> goals = new HashSet<>();
    private final Set<String> surveyPrograms = new HashSet<>();
    private final Set<List<String>> surveyChange = new HashSet<>();

    private Disclosure(int k) {
        this.k = k;
    }

    /** Decides every cell of the quarter's report. */
    static Disclosure decide(ReportMarts marts, Quarter quarter, int k) {
        Disclosure d = new Disclosure(k);
        d.programs(QuarterlyFigures.programQuarters(marts.engagement(), quarter));
        d.retention(marts.retention12m());
        d.outcomes(marts.outcomes());
        d.participation(ParticipationSection.current(marts.participation(), quarter));
        d.equity(marts.equity(), quarter);
        d.health(marts.health());
        d.goals(GoalsSection.rows(marts.goalsQuarterly(), quarter));
        Map<String, String> names = marts.programNames();
        d.surveyPrograms(marts.surveyQuarterly(), quarter, names);
        d.surveyChange(marts.surveyChange(), names);
        return d;
    }

    int threshold() {
        return k;
    }

    /** A count of people shown on its own: hidden when above none and under k. */
    boolean hides(long people) {
        return people > 0 && people < k;
    }

    /** An estimate (a rate, a mean, a curve) needs at least k people behind it. */
    boolean tooFew(long people) {
        return people < k;
    }

    /** A program's engagement in the quarter; its totals are shown, so the programs are siblings. */
    boolean program(String programId) {
        return programs.contains(programId);
    }

    /** A program's month (trend, heat map): hidden on its own people, and every month of a hidden program. */
    boolean month(String programId, long people) {
        return tooFew(people) || program(programId);
    }

    /** A row of mart_retention_12m. */
    boolean retention(String scope, String group) {
        return retention.contains(List.of(scope, group));
    }

    /** A row of mart_retention_outcome. */
    boolean outcome(String scopeKind, String scope, String role) {
        return outcomes.contains(List.of(scopeKind, scope, role));
    }

    /**
     * The quarter's count columns of one program in mart_participation_quarterly (mentees enrolled,
     * mentors enrolled, mentees matched, people taking part); true = hidden.
     */
    boolean[] participation(String programId) {
        return participation.getOrDefault(programId, new boolean[PARTICIPATION_COUNTS.size()]);
    }

    /** The quarter's counts of one group (employees, mentees, mentors, enrolled, matched); true = hidden. */
    boolean[] equity(String dimension, String value) {
        return equity.getOrDefault(List.of(dimension, value), new boolean[5]);
    }

    /** One program's live matches by health (on track, at risk, dormant); true = hidden. */
    boolean[] health(String programId) {
        return health.getOrDefault(programId, new boolean[HEALTH.size()]);
    }

    boolean goals(String programId) {
        return goals.contains(programId);
    }

    /** Mentees' satisfaction and NPS of one program in the quarter. */
    boolean surveyProgram(String programId) {
        return surveyPrograms.contains(programId);
    }

    boolean surveyChange(String construct, String programId) {
        return surveyChange.contains(List.of(construct, programId));
    }

    private void programs(List<QuarterlyFigures.ProgramQuarter> quarter) {
        quarter.stream().filter(p -> tooFew(p.people())).forEach(p -> programs.add(p.programId()));
        Suppression.siblings(Suppression.people(quarter, QuarterlyFigures.ProgramQuarter::people), k)
                .forEach(p -> programs.add(p.programId()));
    }

    private void retention(List<QuarterlyFigures.RetentionRow> rows) {
        rows.stream().filter(r -> tooFew(r.people())).forEach(r -> retention.add(List.of(r.scope(), r.groupName())));
        List<QuarterlyFigures.RetentionRow> programMentees = rows.stream()
                .filter(r -> !r.scope().equals(ALL) && r.groupName().equals("mentee"))
                .sorted(Comparator.comparing(QuarterlyFigures.RetentionRow::scope))
                .toList();
        Suppression.siblings(Suppression.people(programMentees, QuarterlyFigures.RetentionRow::people), k)
                .forEach(r -> retention.add(List.of(r.scope(), r.groupName())));
    }

    /** Within each scope kind and role the all-programs row is the shown total of its scopes. */
    private void outcomes(List<QuarterlyFigures.OutcomeRow> rows) {
        rows.stream().filter(r -> tooFew(r.participants()) || tooFew(r.controls()))
                .forEach(r -> outcomes.add(List.of(r.scopeKind(), r.scope(), r.role())));
        for (String kind : List.of("program_type", "department")) {
            for (String role : List.of("mentee", "mentor")) {
                List<QuarterlyFigures.OutcomeRow> siblings = rows.stream()
                        .filter(r -> r.scopeKind().equals(kind) && r.role().equals(role))
                        .sorted(Comparator.comparing(QuarterlyFigures.OutcomeRow::scope)).toList();
                Suppression.siblings(Suppression.people(siblings, r -> Math.min(r.participants(), r.controls())), k)
                        .forEach(r -> outcomes.add(List.of(r.scopeKind(), r.scope(), r.role())));
            }
        }
    }

    /**
     * Each count on its own people (3 matched mentees are hidden even in a program of 58); the
     * all-programs row is each column's total, so a lone hidden cell of a column takes the smallest
     * other cell of the column with it.
     */
    private void participation(List<ParticipationSection.ParticipationRow> current) {
        List<ParticipationSection.ParticipationRow> programRows = current.stream()
                .filter(r -> !r.programId().equals(ALL)).toList();
        long[][] people = new long[programRows.size()][PARTICIPATION_COUNTS.size()];
        for (int p = 0; p < programRows.size(); p++) {
            for (int c = 0; c < PARTICIPATION_COUNTS.size(); c++) {
                people[p][c] = PARTICIPATION_COUNTS.get(c).applyAsLong(programRows.get(p));
            }
        }
        boolean[][] hidden = Suppression.grid(people, k, false, true);
        for (int p = 0; p < programRows.size(); p++) {
            participation.put(programRows.get(p).programId(), hidden[p]);
        }
        current.stream().filter(r -> r.programId().equals(ALL)).forEach(all -> {
            boolean[] h = new boolean[PARTICIPATION_COUNTS.size()];
            for (int c = 0; c < h.length; c++) {
                h[c] = hides(PARTICIPATION_COUNTS.get(c).applyAsLong(all));
            }
            participation.put(ALL, h);
        });
    }

    /** The groups of an attribute are a column's parts: their shares add up to 100%. */
    private void equity(List<EquitySection.EquityRow> rows, Quarter quarter) {
        List<EquitySection.EquityRow> current = rows.stream().filter(r -> r.quarter().equals(quarter.toString())).toList();
        for (String dimension : EquitySection.DIMENSIONS) {
            Map<String, EquitySection.EquityRow[]> groups = EquitySection.byValue(current, dimension);
            List<String> values = new ArrayList<>(groups.keySet());
            long[][] people = new long[values.size()][];
            for (int g = 0; g < values.size(); g++) {
                EquitySection.EquityRow mentee = groups.get(values.get(g))[0];
                EquitySection.EquityRow mentor = groups.get(values.get(g))[1];
                people[g] = new long[]{mentee.workforce(), mentee.participants(), mentor == null ? 0 : mentor.participants(),
                        orZero(mentee.menteesEnrolled()), orZero(mentee.menteesMatched())};
            }
            boolean[][] hidden = Suppression.grid(people, k, false, true);
            for (int g = 0; g < values.size(); g++) {
                equity.put(List.of(dimension, values.get(g)), hidden[g]);
            }
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /**
     * Programs by health, totals shown both ways. A program hidden for the quarter enters as small
     * cells, so its column totals get complements too, and all its cells are hidden.
     */
    private void health(List<EngagementSection.HealthRow> rows) {
        List<String> ids = rows.stream().map(EngagementSection.HealthRow::programId).distinct().sorted().toList();
        long[][] people = new long[ids.size()][HEALTH.size()];
        for (int p = 0; p < ids.size(); p++) {
            for (int h = 0; h < HEALTH.size(); h++) {
                String id = ids.get(p);
                String state = HEALTH.get(h);
                long n = rows.stream().filter(r -> r.programId().equals(id) && r.health().equals(state))
                        .mapToLong(EngagementSection.HealthRow::people).sum();
                people[p][h] = program(id) ? Math.min(n, 1) : n;
            }
        }
        boolean[][] hidden = Suppression.grid(people, k, true, true);
        for (int p = 0; p < ids.size(); p++) {
            if (program(ids.get(p))) {
                java.util.Arrays.fill(hidden[p], true);
            }
            health.put(ids.get(p), hidden[p]);
        }
    }

    /** The programs' goals add up to the shown all-programs row. */
    private void goals(List<GoalsSection.GoalsQuarterRow> quarter) {
        List<GoalsSection.GoalsQuarterRow> programRows = quarter.stream().filter(r -> !r.programId().equals(ALL)).toList();
        Suppression.siblings(Suppression.people(programRows, GoalsSection.GoalsQuarterRow::people), k)
                .forEach(r -> goals.add(r.programId()));
        quarter.stream().filter(r -> hides(r.people())).forEach(r -> goals.add(r.programId()));
    }

    /**
     * A program's people are the larger of its satisfaction and NPS respondents; the programs are
     * siblings of the shown all-programs row, and either estimate from fewer than k hides the row.
     */
    private void surveyPrograms(List<SurveySection.SurveyQuarterRow> rows, Quarter quarter, Map<String, String> names) {
        Map<String, Long> people = new LinkedHashMap<>();
        rows.stream().filter(r -> r.quarter().equals(quarter.toString()) && !r.programId().equals(ALL)
                        && r.role().equals("mentee"))
                .map(SurveySection.SurveyQuarterRow::programId).distinct()
                .sorted(Comparator.comparing(id -> names.getOrDefault(id, id)))
                .forEach(p -> people.put(p, 0L));
        List<String> withAll = new ArrayList<>(people.keySet());
        withAll.add(ALL);
        for (SurveySection.SurveyQuarterRow r : rows) {
            boolean counted = r.quarter().equals(quarter.toString()) && r.role().equals("mentee")
                    && SurveySection.PROGRAM_CONSTRUCTS.contains(r.construct()) && withAll.contains(r.programId());
            if (!counted) {
                continue;
            }
            people.computeIfPresent(r.programId(), (p, n) -> Math.max(n, r.people()));
            if (tooFew(r.people())) {
                surveyPrograms.add(r.programId());
            }
        }
        surveyPrograms.addAll(Suppression.siblings(people, k));
    }

    /** Per construct, the programs' pairs add up to the shown all-programs row. */
    private void surveyChange(List<SurveySection.ChangeRow> rows, Map<String, String> names) {
        Map<String, List<SurveySection.ChangeRow>> byConstruct = new LinkedHashMap<>();
        rows.forEach(r -> byConstruct.computeIfAbsent(r.construct(), c -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<SurveySection.ChangeRow>> e : byConstruct.entrySet()) {
            List<SurveySection.ChangeRow> programRows = e.getValue().stream().filter(r -> !r.programId().equals(ALL))
                    .sorted(Comparator.comparing(r -> names.getOrDefault(r.programId(), r.programId()))).toList();
            Suppression.siblings(Suppression.people(programRows, SurveySection.ChangeRow::people), k)
                    .forEach(r -> surveyChange.add(List.of(e.getKey(), r.programId())));
            e.getValue().stream().filter(r -> tooFew(r.people()))
                    .forEach(r -> surveyChange.add(List.of(e.getKey(), r.programId())));
        }
    }

    /** Every program hidden for the quarter's engagement, for the sections that draw programs. */
    Set<String> hiddenPrograms() {
        return Set.copyOf(programs);
    }
}
