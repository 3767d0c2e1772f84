package org.mentoringanalytics.reports;

import static org.mentoringanalytics.reports.WhereItWorks.between;
import static org.mentoringanalytics.reports.WhereItWorks.exits;
import static org.mentoringanalytics.reports.WhereItWorks.exitsRange;
import static org.mentoringanalytics.reports.WhereItWorks.inHundred;
import static org.mentoringanalytics.reports.WhereItWorks.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mentoringanalytics.reports.WhereItWorks.Group;
import org.mentoringanalytics.reports.WhereItWorks.Verdict;

/**
 * The executive summary's words: one headline, three to five findings that say where mentoring
 * works, where it shows no clear difference and where it is too early to tell, and the value of
 * the exits avoided when a cost per exit is configured. Pure: from {@link WhereItWorks} groups.
 */
final class Summary {

    private final List<Group> groups;
    private final Double costPerExit;
    private final String currency;

    Summary(List<Group> groups, Double costPerExit, String currency) {
        this.groups = groups;
        this.costPerExit = costPerExit;
        this.currency = currency;
    }

    private Optional<Group> overall(String role) {
        return groups.stream().filter(g -> g.kind().equals("all") && g.role().equals(role)).findFirst();
    }

    private List<Group> where(Verdict verdict) {
        return groups.stream().filter(g -> !g.kind().equals("all") && g.verdict() == verdict)
                .sorted(java.util.Comparator.comparingDouble((Group g) -> g.hazardRatio() == null ? 1 : g.hazardRatio())
                        .thenComparing(g -> -g.participants()))
                .toList();
    }

    private List<Group> promotedMore() {
        return groups.stream().filter(g -> !g.kind().equals("all") && g.promotionClear() && g.promotion() > 0).toList();
    }

    /** The one sentence a leader reads first. */
    String headline() {
        Optional<Group> mentees = overall("mentee");
        List<Group> works = where(Verdict.FEWER_EXITS);
        String most = works.isEmpty() ? "" : ", most clearly among " + names(works, 2);
        if (mentees.isEmpty() || mentees.get().verdict() == Verdict.TOO_EARLY) {
            return "It is too early to tell whether mentoring keeps people: too few mentees have been followed long "
                    + "enough" + (works.isEmpty() ? "." : ", though " + names(works, 2) + " already leave less often.");
        }
        return switch (mentees.get().verdict()) {
            case FEWER_EXITS -> "Mentoring is working: mentees leave less often than comparable colleagues" + most + ".";
            case MORE_EXITS -> "Mentees leave more often than comparable colleagues" + most
                    + "; the programs need a closer look.";
            default -> works.isEmpty()
                    ? "So far mentees leave about as often as comparable colleagues; no program type or department stands out yet."
                    : "Overall, mentees leave about as often as comparable colleagues, but mentoring works among "
                    + names(works, 2) + ".";
        };
    }

    /** Three to five findings, most important first. */
    List<String> findings() {
        List<String> findings = new ArrayList<>();
        overall("mentee").ifPresent(g -> findings.add(overallFinding(g)));
        overall("mentor").ifPresent(g -> findings.add(overallFinding(g)));
        findings.add(worksFinding());
        List<Group> unclear = where(Verdict.NO_CLEAR_DIFFERENCE).stream().filter(g -> !g.equals(strongest().orElse(null))
                        || !where(Verdict.FEWER_EXITS).isEmpty() || !promotedMore().isEmpty())
                .sorted(java.util.Comparator.comparingLong((Group g) -> -g.participants())).toList();
        if (!unclear.isEmpty()) {
            findings.add("No clear difference yet in who stays among " + names(unclear, 4)
                    + ": their intervals include no effect once we allow for comparing many groups at once.");
        }
        List<Group> early = where(Verdict.TOO_EARLY);
        if (!early.isEmpty()) {
            findings.add("Too early to tell for " + names(early, 4) + ": too few people have left, or the group is too "
                    + "small to show.");
        }
        return findings.subList(0, Math.min(5, findings.size()));
    }

    private static String overallFinding(Group g) {
        String who = g.role().equals("mentee") ? "mentees" : "mentors";
        String Who = g.role().equals("mentee") ? "Mentees" : "Mentors";
        if (g.verdict() == Verdict.TOO_EARLY || g.retention() == null) {
            return Who + ": too early to tell; " + (g.why() == null ? "too few have been followed for a year" : g.why()) + ".";
        }
        StringBuilder s = new StringBuilder("Across all programs, ").append(inHundred(g.retention())).append(' ')
                .append(who).append(" were still with the company a year after their first match than comparable colleagues");
        if (g.retentionLower() != null) {
            s.append(" (we are 95% sure the true figure is ").append(between(g.retentionLower(), g.retentionUpper()))
                    .append(')');
        }
        s.append('.');
        if (g.hazardRatio() != null) {
            String over = " Over the whole time followed, " + who;
            switch (g.verdict()) {
                case FEWER_EXITS -> s.append(over).append(" had ").append(exits(g.hazardRatio()))
                        .append(" (95% sure: ").append(exitsRange(g.hazardLower(), g.hazardUpper())).append(").");
                case MORE_EXITS -> s.append(over).append(" had ").append(exits(g.hazardRatio()))
                        .append(" (95% sure: ").append(exitsRange(g.hazardLower(), g.hazardUpper())).append(").");
                default -> s.append(over).append(" left about as often as their colleagues (95% sure: ")
                        .append(exitsRange(g.hazardLower(), g.hazardUpper())).append(" exits).");
            }
        }
        if (g.promotionClear()) {
            s.append(" They were also promoted more often: ").append(inHundred(g.promotion())).append(" (")
                    .append(between(g.promotionLower(), g.promotionUpper())).append(").");
        }
        return s.toString();
    }

    /** The group with the highest lower bound of its retention difference: the strongest sign short of proof. */
    private Optional<Group> strongest() {
        return groups.stream().filter(g -> !g.kind().equals("all") && g.retention() != null
                        && g.retentionLower() != null && g.verdict() != Verdict.TOO_EARLY)
                .max(java.util.Comparator.comparingDouble(Group::retentionLower));
    }

    private String worksFinding() {
        List<Group> works = where(Verdict.FEWER_EXITS);
        List<Group> promoted = promotedMore();
        List<String> parts = new ArrayList<>();
        for (Group g : works.stream().limit(3).toList()) {
            parts.add(g.who() + " (" + (g.retention() == null ? exits(g.hazardRatio())
                    : inHundred(g.retention()) + " stayed a year; 95% sure " + between(g.retentionLower(), g.retentionUpper()))
                    + ")");
        }
        for (Group g : promoted.stream().limit(2).toList()) {
            parts.add(g.who() + " were promoted more often (" + inHundred(g.promotion()) + " within a year; 95% sure "
                    + between(g.promotionLower(), g.promotionUpper()) + ")");
        }
        if (!parts.isEmpty()) {
            return "Where it works: " + String.join("; ", parts) + ".";
        }
        Optional<Group> strongest = strongest();
        return "No single program type or department stands out once we allow for comparing many groups at once"
                + strongest.map(g -> "; the strongest sign is among " + g.who() + " (" + inHundred(g.retention())
                + " stayed a year; 95% sure " + between(g.retentionLower(), g.retentionUpper()) + ")").orElse("") + ".";
    }

    /**
     * Exits avoided within a year among the participants compared, with their interval, and their
     * value at the configured cost per exit; empty when no cost is configured or nothing is estimable.
     */
    Optional<String> value() {
        if (costPerExit == null) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String role : List.of("mentee", "mentor")) {
            overall(role).filter(g -> g.retention() != null && g.retentionLower() != null).ifPresent(g -> {
                double n = g.participants();
                parts.add("about " + exitCount(n * g.retention()) + " within a year among the " + Formats.count(g.participants())
                        + (role.equals("mentee") ? " mentees" : " mentors") + " compared (95% sure: "
                        + exitRange(n * g.retentionLower(), n * g.retentionUpper()) + "), worth about "
                        + Formats.money(thousands(n * g.retention() * costPerExit), currency) + " (between "
                        + Formats.money(thousands(n * g.retentionLower() * costPerExit), currency) + " and "
                        + Formats.money(thousands(n * g.retentionUpper() * costPerExit), currency) + ")");
            });
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Value: " + String.join("; ", parts) + ". Assumes each voluntary exit costs "
                + Formats.money(costPerExit, currency) + " (the configured cost per exit: hiring, onboarding and lost "
                + "output) and that the difference against comparable colleagues is caused by mentoring; a negative "
                + "amount is a cost.");
    }

    /** "14 fewer voluntary exits", "6 more voluntary exits", "no fewer exits". */
    static String exitCount(double avoided) {
        long n = Math.round(Math.abs(avoided));
        return n == 0 ? "no change in exits" : n + (avoided > 0 ? " fewer" : " more") + " voluntary exit" + (n == 1 ? "" : "s");
    }

    /** "between 1 and 15 fewer", "between 5 more and 7 fewer". */
    static String exitRange(double lower, double upper) {
        long a = Math.round(Math.abs(lower));
        long b = Math.round(Math.abs(upper));
        if (Math.round(lower) > 0 && Math.round(upper) > 0) {
            return "between " + a + " and " + b + " fewer";
        }
        if (Math.round(lower) < 0 && Math.round(upper) < 0) {
            return "between " + b + " and " + a + " more";
        }
        return "between " + (a == 0 ? "none" : a + " more") + " and " + (b == 0 ? "none" : b + " fewer");
    }

    private static double thousands(double amount) {
        return Math.abs(amount) >= 10_000 ? Math.round(amount / 1000.0) * 1000.0 : amount;
    }
}
