package org.mentoringanalytics.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Where mentoring works: every scope of the matched comparison (all programs, each program type,
 * each department) and role, with a verdict a leader can act on. Pure: from the figures' outcome
 * rows, already suppressed.
 *
 * <p>The verdict follows the comparison's own tests: for all programs together, the hazard ratio's
 * 95% interval; for program types and departments, the Benjamini-Hochberg adjusted p-value across
 * the scopes of that kind, so a group is named as working only when it survives comparing many
 * groups at once. Promotion differences get the same adjustment here, from their intervals.
 */
final class WhereItWorks {

    /** What the comparison says about exits in a group. */
    enum Verdict { FEWER_EXITS, MORE_EXITS, NO_CLEAR_DIFFERENCE, TOO_EARLY }

    /**
     * One scope and role.
     *
     * @param retention       12-month retention, participants minus colleagues, as a fraction; null when not shown
     * @param promotion       12-month promotion, participants minus colleagues; null when not shown
     * @param promotionClear  whether the promotion difference survives the adjustment for many groups
     * @param why             why the verdict is TOO_EARLY, in words; null otherwise
     */
    record Group(String kind, String scope, String role, Verdict verdict, Double hazardRatio, Double hazardLower,
                 Double hazardUpper, Double retention, Double retentionLower, Double retentionUpper, Double promotion,
                 Double promotionLower, Double promotionUpper, boolean promotionClear, long participants, String why) {

        /** "career programs", "Engineering", "all programs". */
        String place() {
            return switch (kind) {
                case "all" -> "all programs";
                case "program_type" -> scope.replace('_', ' ') + " programs";
                default -> scope;
            };
        }

        /** "Career programs" for a chart row. */
        String label() {
            String place = place();
            return Character.toUpperCase(place.charAt(0)) + place.substring(1);
        }

        /** "career-program mentees", "Engineering mentors". */
        String who() {
            String people = role.equals("mentee") ? "mentees" : "mentors";
            return switch (kind) {
                case "all" -> people;
                case "program_type" -> people + " in " + scope.replace('_', ' ') + " programs";
                default -> scope + " " + people;
            };
        }
    }

    private static final double ALPHA = 0.05;
    private static final double Z = 1.959963984540054;

    private WhereItWorks() {
    }

    static List<Group> of(QuarterlyFigures figures) {
        List<Group> groups = new ArrayList<>();
        for (QuarterlyFigures.Outcome o : figures.outcomes()) {
            groups.add(group(o, figures.threshold()));
        }
        return adjustPromotion(groups);
    }

    private static Group group(QuarterlyFigures.Outcome o, int k) {
        Double promotion = o.suppressed() || o.promotionParticipants() == null || o.promotionControls() == null ? null
                : o.promotionParticipants() - o.promotionControls();
        Verdict verdict;
        String why = null;
        if (o.suppressed()) {
            verdict = Verdict.TOO_EARLY;
            why = "fewer than " + k + " people, or hidden so a small group cannot be worked out";
        } else if (!"estimate".equals(o.evidence()) || o.hazardRatio() == null) {
            verdict = Verdict.TOO_EARLY;
            why = "too few people have left either group so far to tell";
        } else if (o.scopeKind().equals("all")) {
            verdict = o.hazardUpper() < 1 ? Verdict.FEWER_EXITS : o.hazardLower() > 1 ? Verdict.MORE_EXITS
                    : Verdict.NO_CLEAR_DIFFERENCE;
        } else {
            boolean clear = o.adjustedP() != null && o.adjustedP() < ALPHA;
            verdict = !clear ? Verdict.NO_CLEAR_DIFFERENCE : o.hazardRatio() < 1 ? Verdict.FEWER_EXITS : Verdict.MORE_EXITS;
        }
        return new Group(o.scopeKind(), o.scope(), o.role(), verdict, o.hazardRatio(), o.hazardLower(), o.hazardUpper(),
                o.difference(), o.differenceLower(), o.differenceUpper(), promotion,
                promotion == null ? null : o.promotionLower(), promotion == null ? null : o.promotionUpper(), false,
                o.participants(), why);
    }

    /**
     * A promotion difference is clear for all programs when its interval excludes zero; for program
     * types and departments when its Benjamini-Hochberg adjusted p-value (from a normal approximation
     * to the interval) is below 5% among the scopes of the same kind and role.
     */
    private static List<Group> adjustPromotion(List<Group> groups) {
        List<Group> result = new ArrayList<>(groups);
        NormalDistribution normal = new NormalDistribution();
        for (int i = 0; i < result.size(); i++) {
            Group g = result.get(i);
            if (g.kind().equals("all") && g.promotion() != null && g.promotionLower() != null) {
                result.set(i, withPromotionClear(g, g.promotionLower() > 0 || g.promotionUpper() < 0));
            }
        }
        for (String kind : List.of("program_type", "department")) {
            for (String role : List.of("mentee", "mentor")) {
                List<Integer> members = new ArrayList<>();
                List<Double> p = new ArrayList<>();
                for (int i = 0; i < result.size(); i++) {
                    Group g = result.get(i);
                    if (g.kind().equals(kind) && g.role().equals(role) && g.promotion() != null
                            && g.promotionLower() != null && g.promotionUpper() > g.promotionLower()) {
                        double se = (g.promotionUpper() - g.promotionLower()) / (2 * Z);
                        members.add(i);
                        p.add(2 * normal.cumulativeProbability(-Math.abs(g.promotion()) / se));
                    }
                }
                double[] adjusted = benjaminiHochberg(p.stream().mapToDouble(Double::doubleValue).toArray());
                for (int m = 0; m < members.size(); m++) {
                    Group g = result.get(members.get(m));
                    boolean excludesZero = g.promotionLower() > 0 || g.promotionUpper() < 0;
                    result.set(members.get(m), withPromotionClear(g, excludesZero && adjusted[m] < ALPHA));
                }
            }
        }
        return result;
    }

    /** Benjamini-Hochberg step-up adjusted p-values, in the input's order. */
    static double[] benjaminiHochberg(double[] p) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[n];
        double running = 1;
        for (int r = n - 1; r >= 0; r--) {
            running = Math.min(running, p[order[r]] * n / (r + 1));
            adjusted[order[r]] = Math.min(1, running);
        }
        return adjusted;
    }

    private static Group withPromotionClear(Group g, boolean clear) {
        return new Group(g.kind(), g.scope(), g.role(), g.verdict(), g.hazardRatio(), g.hazardLower(), g.hazardUpper(),
                g.retention(), g.retentionLower(), g.retentionUpper(), g.promotion(), g.promotionLower(),
                g.promotionUpper(), clear, g.participants(), g.why());
    }

    // ------------------------------------------------------------------ plain words

    /** "about 4 more in every 100" for a difference of shares of 0.04. */
    static String inHundred(double difference) {
        long n = Math.round(Math.abs(difference) * 100);
        if (n == 0) {
            return "about the same number";
        }
        return "about " + n + (difference > 0 ? " more" : " fewer") + " in every 100";
    }

    /** "between 2 fewer and 9 more in 100", for an interval of shares. */
    static String between(double lower, double upper) {
        return "between " + end(lower) + " and " + end(upper) + " in 100";
    }

    private static String end(double value) {
        long n = Math.round(Math.abs(value) * 100);
        return n == 0 ? "none" : n + (value > 0 ? " more" : " fewer");
    }

    /** "22% fewer exits" for a hazard ratio of 0.78. */
    static String exits(double hazardRatio) {
        long percent = Math.round(Math.abs(1 - hazardRatio) * 100);
        return percent == 0 ? "about as many exits" : percent + "% " + (hazardRatio < 1 ? "fewer" : "more") + " exits";
    }

    static String exitsRange(double lower, double upper) {
        return "between " + exits(upper).replace(" exits", "") + " and " + exits(lower).replace(" exits", "");
    }

    static String names(List<Group> groups, int most) {
        List<String> shown = groups.stream().limit(most).map(Group::who).toList();
        String text = shown.size() == 1 ? shown.get(0)
                : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
        return groups.size() > most ? text + " (and " + (groups.size() - most) + " more)" : text;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
