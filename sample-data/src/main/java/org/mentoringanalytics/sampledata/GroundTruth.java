package org.mentoringanalytics.sampledata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The effects planted in generated data, so tests can check that the pipeline recovers them.
 * Written beside the landing files as {@code ground-truth.properties}.
 */
public final class GroundTruth {

    /**
     * Voluntary-exit hazard of a mentee after the first match, relative to the same person
     * unmatched, for program types without an effect of their own below.
     */
    public static final double MENTEE_EXIT_HAZARD_RATIO = 0.6;
    /** The program type that works best for mentees, and the one that does not work at all. */
    public static final Map<String, Double> MENTEE_EXIT_HAZARD_RATIO_BY_TYPE = Map.of("career", 0.45, "peer", 1.0);
    /** Voluntary-exit hazard of a mentor after the first match, relative to the same person unmatched. */
    public static final double MENTOR_EXIT_HAZARD_RATIO = 0.8;
    /** Monthly promotion probability multiplier of a mentee after the first match. */
    public static final double MENTEE_PROMOTION_RATIO = 1.5;
    /** Monthly involuntary-exit probability, the same for everyone. */
    public static final double INVOLUNTARY_MONTHLY_HAZARD = 0.0025;
    /** Monthly promotion probability before any mentoring effect. */
    public static final double PROMOTION_MONTHLY_HAZARD = 0.008;
    /** Share of enrolled mentees never matched. */
    public static final double UNMATCHED_SHARE = 0.08;
    /** Satisfaction items rise by this many scale points from engagement 0 to engagement 1. */
    public static final double SATISFACTION_PER_ENGAGEMENT = 1.6;
    /** Mean change of skill-confidence items from baseline to end of program. */
    public static final double SKILL_CONFIDENCE_GAIN = 0.5;

    private static final Map<String, Double> DEPARTMENT_HAZARD = Map.of(
            "Engineering", 0.008, "Sales", 0.017, "Customer Success", 0.015, "Marketing", 0.012,
            "Operations", 0.011, "Finance", 0.009, "People", 0.010);
    // Volunteers skew to low-turnover departments: a naive comparison overstates the effect.
    private static final Map<String, Double> DEPARTMENT_PROPENSITY = Map.of(
            "Engineering", 1.8, "Sales", 0.6, "Customer Success", 0.7, "Marketing", 1.0,
            "Operations", 0.8, "Finance", 1.3, "People", 1.4);
    private static final double[] LEVEL_HAZARD = {1.3, 1.15, 1.0, 0.85, 0.75, 0.6};
    private static final double[] MENTEE_LEVEL_PROPENSITY = {1.3, 1.6, 1.1, 0.6, 0.2, 0.05};
    private static final double[] MENTOR_LEVEL_PROPENSITY = {0.0, 0.15, 0.8, 1.5, 1.8, 1.5};

    private GroundTruth() {
    }

    /** The mentee effect of a first match in a program of this type. */
    public static double menteeExitHazardRatio(String programType) {
        return MENTEE_EXIT_HAZARD_RATIO_BY_TYPE.getOrDefault(programType, MENTEE_EXIT_HAZARD_RATIO);
    }

    static double voluntaryMonthlyHazard(String department, int level) {
        return DEPARTMENT_HAZARD.get(department) * LEVEL_HAZARD[level - 1];
    }

    static double propensity(String department, int level, String programType, String role) {
        double byLevel;
        if (programType.equals("reverse")) {
            // Reverse mentoring: juniors mentor seniors.
            byLevel = role.equals("mentor") ? MENTEE_LEVEL_PROPENSITY[level - 1] : MENTOR_LEVEL_PROPENSITY[level - 1];
        } else if (programType.equals("succession") && role.equals("mentee")) {
            byLevel = level >= 3 && level <= 4 ? 1.0 : 0.0;
        } else if (programType.equals("peer")) {
            byLevel = 1.0;
        } else {
            byLevel = role.equals("mentor") ? MENTOR_LEVEL_PROPENSITY[level - 1] : MENTEE_LEVEL_PROPENSITY[level - 1];
        }
        return DEPARTMENT_PROPENSITY.get(department) * byLevel;
    }

    /** Expected sessions in the match's n-th month: engagement drives cadence, which decays. */
    static double sessionsPerMonth(double engagement, int monthIndex) {
        return (0.3 + 3.2 * engagement) * Math.exp(-0.07 * monthIndex);
    }

    static double goalCompletionProbability(double engagement) {
        return 0.25 + 0.6 * engagement;
    }

    /** The planted effects as ordered key/value pairs for the ground-truth file. */
    static Map<String, String> asProperties(GeneratorConfig config, GeneratedOrganisation org) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("seed", Long.toString(config.seed()));
        p.put("as_of", config.asOf().toString());
        p.put("history_start", config.historyStart().toString());
        p.put("initial_headcount", Integer.toString(config.initialHeadcount()));
        // Across program types the mentee effect is the average log hazard ratio over mentees' first programs.
        Map<String, Integer> firstTypes = new java.util.TreeMap<>();
        for (Landing.Employee e : org.employees) {
            if (e.firstMenteeProgramType != null) {
                firstTypes.merge(e.firstMenteeProgramType, 1, Integer::sum);
            }
        }
        double logSum = 0;
        int mentees = 0;
        for (Map.Entry<String, Integer> t : firstTypes.entrySet()) {
            logSum += t.getValue() * Math.log(menteeExitHazardRatio(t.getKey()));
            mentees += t.getValue();
        }
        double pooled = mentees == 0 ? MENTEE_EXIT_HAZARD_RATIO : Math.exp(logSum / mentees);
        p.put("mentee_voluntary_exit_hazard_ratio", String.format(java.util.Locale.ROOT, "%.4f", pooled));
        for (String type : firstTypes.keySet()) {
            p.put("mentee_voluntary_exit_hazard_ratio." + type, Double.toString(menteeExitHazardRatio(type)));
        }
        p.put("mentor_voluntary_exit_hazard_ratio", Double.toString(MENTOR_EXIT_HAZARD_RATIO));
        p.put("mentee_promotion_ratio", Double.toString(MENTEE_PROMOTION_RATIO));
        p.put("involuntary_monthly_hazard", Double.toString(INVOLUNTARY_MONTHLY_HAZARD));
        p.put("unmatched_share", Double.toString(UNMATCHED_SHARE));
        p.put("satisfaction_points_per_engagement", Double.toString(SATISFACTION_PER_ENGAGEMENT));
        p.put("skill_confidence_gain", Double.toString(SKILL_CONFIDENCE_GAIN));
        p.put("mentee_effect_by_program_type", "career mentoring works best (0.45), peer circles do not work (1.0), "
                + "other types 0.6; the mentee ratio above is the geometric mean over mentees' first program types");
        p.put("other_role", "someone who took part in one role and later in the other carries both effects");
        p.put("volunteer_bias", "enrolment propensity is highest in Engineering, People and Finance, "
                + "which have the lowest voluntary-exit hazard; a naive comparison overstates the effect");
        p.put("session_cadence", "(0.3 + 3.2 * engagement) * exp(-0.07 * month_of_match) sessions per month");
        return p;
    }
}
