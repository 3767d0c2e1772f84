package org.mentoringanalytics.jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mentoringanalytics.jobs.stats.CoxModel;
import org.mentoringanalytics.jobs.stats.Interval;
import org.mentoringanalytics.jobs.stats.KaplanMeier;
import org.mentoringanalytics.jobs.stats.LogRank;
import org.mentoringanalytics.jobs.stats.Proportions;

/**
 * The statistics of the outcome cohort, computed on the driver from its rows (one per person and
 * participant: small enough to collect even at 100k employees). Produces the rows of
 * mart_retention_outcome, mart_retention_survival and mart_matching_balance.
 */
public final class RetentionOutcome {

    /** One person of the cohort, as the statistics need them. */
    record Person(String role, boolean participant, String personKey, String participantKey, String programType,
                  String department, String jobLevel, double tenureYears, Double age, String gender, int timeDays,
                  boolean exit, Integer retained12, Integer promoted12, java.time.LocalDate indexDate) {

        Person(String role, boolean participant, String personKey, String participantKey, String programType,
               String department, String jobLevel, double tenureYears, Double age, String gender, int timeDays,
               boolean exit, Integer retained12, Integer promoted12) {
            this(role, participant, personKey, participantKey, programType, department, jobLevel, tenureYears, age,
                    gender, timeDays, exit, retained12, promoted12, null);
        }

        static Person of(Row r) {
            Object index = r.getAs("index_date");
            return new Person(r.getAs("role"), "participant".equals(r.getAs("group_name")), r.getAs("person_key"),
                    r.getAs("participant_key"), r.getAs("program_type"), r.getAs("department"), r.getAs("job_level"),
                    r.<Double>getAs("tenure_years"), r.getAs("age"), r.getAs("gender"), r.<Integer>getAs("time_days"),
                    r.<Boolean>getAs("voluntary_exit"), r.getAs("retained_12m"), r.getAs("promoted_12m"),
                    index instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) index);
        }
    }

    private RetentionOutcome() {
    }

    /** Rows of mart_retention_outcome: all, by program type and by department, for one role. */
    static List<Row> outcomes(String role, List<Person> cohort, long unmatched) {
        List<Row> rows = new ArrayList<>();
        rows.add(outcome("all", "ALL", role, cohort, unmatched));
        Map<String, Predicate<Person>> scopes = new LinkedHashMap<>();
        new TreeSet<>(cohort.stream().map(Person::programType).toList())
                .forEach(t -> scopes.put("program_type\t" + t, p -> p.programType().equals(t)));
        new TreeSet<>(cohort.stream().map(Person::department).toList())
                .forEach(d -> scopes.put("department\t" + d, p -> p.department().equals(d)));
        for (Map.Entry<String, Predicate<Person>> scope : scopes.entrySet()) {
            String[] kind = scope.getKey().split("\t");
            // A participant's comparison rows carry the participant's program type; departments match exactly.
            Set<String> inScope = new HashSet<>();
            cohort.stream().filter(p -> p.participant() && scope.getValue().test(p)).forEach(p -> inScope.add(p.participantKey()));
            List<Person> subset = cohort.stream().filter(p -> inScope.contains(p.participantKey())).toList();
            rows.add(outcome(kind[0], kind[1], role, subset, 0));
        }
        return rows;
    }

    private static Row outcome(String kind, String scope, String role, List<Person> people, long unmatched) {
        int n = people.size();
        double[] times = new double[n];
        boolean[] events = new boolean[n];
        boolean[] participant = new boolean[n];
        double[][] x = new double[n][1];
        long participants = 0;
        long controls = 0;
        long participantExits = 0;
        long controlExits = 0;
        long[] retained = new long[2];
        long[] followed = new long[2];
        long[] promoted = new long[2];
        long[] promotionFollowed = new long[2];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Person p = people.get(i);
            times[i] = p.timeDays();
            events[i] = p.exit();
            participant[i] = p.participant();
            x[i][0] = p.participant() ? 1 : 0;
            distinct.add(p.personKey());
            int g = p.participant() ? 0 : 1;
            if (p.participant()) {
                participants++;
                participantExits += p.exit() ? 1 : 0;
            } else {
                controls++;
                controlExits += p.exit() ? 1 : 0;
            }
            if (p.retained12() != null) {
                followed[g]++;
                retained[g] += p.retained12();
            }
            if (p.promoted12() != null) {
                promotionFollowed[g]++;
                promoted[g] += p.promoted12();
            }
        }
        Double hr = null;
        Double hrLower = null;
        Double hrUpper = null;
        Double hrP = null;
        Double chi = null;
        Double chiP = null;
        if (participantExits + controlExits > 0 && participants > 0 && controls > 0) {
            // With no exit in one group the partial likelihood has no maximum: no hazard ratio, only the log-rank test.
            if (participantExits > 0 && controlExits > 0) {
                try {
                    CoxModel cox = CoxModel.fit(times, events, x);
                    hr = finite(cox.hazardRatio(0));
                    hrLower = finite(cox.lowerHazardRatio(0));
                    hrUpper = finite(cox.upperHazardRatio(0));
                    hrP = finite(cox.pValue(0));
                } catch (org.apache.commons.math3.linear.SingularMatrixException e) {
                    hr = null;
                }
            }
            LogRank logRank = LogRank.test(times, events, participant);
            chi = logRank.chiSquare();
            chiP = logRank.p();
        }
        Double r0 = share(retained[0], followed[0]);
        Double r1 = share(retained[1], followed[1]);
        Double difference = null;
        Double lower = null;
        Double upper = null;
        Double mdd = null;
        if (followed[0] > 0 && followed[1] > 0) {
            Interval d = Proportions.newcombeDifference(retained[0], followed[0], retained[1], followed[1]);
            difference = d.estimate();
            lower = d.lower();
            upper = d.upper();
            double pooled = (double) (retained[0] + retained[1]) / (followed[0] + followed[1]);
            mdd = pooled > 0 && pooled < 1 ? Proportions.minimumDetectableDifference(pooled, followed[0], followed[1]) : null;
        }
        Double promotionLower = null;
        Double promotionUpper = null;
        if (promotionFollowed[0] > 0 && promotionFollowed[1] > 0) {
            Interval d = Proportions.newcombeDifference(promoted[0], promotionFollowed[0], promoted[1], promotionFollowed[1]);
            promotionLower = d.lower();
            promotionUpper = d.upper();
        }
        return RowFactory.create(kind, scope, role, participants, unmatched, controls, (long) distinct.size(),
                participantExits, controlExits, hr, hrLower, hrUpper, hrP, chi, chiP, followed[0], followed[1], r0, r1,
                difference, lower, upper, mdd, share(promoted[0], promotionFollowed[0]),
                share(promoted[1], promotionFollowed[1]), promotionLower, promotionUpper);
    }

    /** Rows of mart_retention_survival: the Kaplan-Meier curve of participants and of their comparison. */
    static List<Row> survival(String role, List<Person> cohort) {
        List<Row> rows = new ArrayList<>();
        for (boolean isParticipant : new boolean[]{true, false}) {
            List<Person> group = cohort.stream().filter(p -> p.participant() == isParticipant).toList();
            double[] times = group.stream().mapToDouble(Person::timeDays).toArray();
            boolean[] events = new boolean[group.size()];
            for (int i = 0; i < events.length; i++) {
                events[i] = group.get(i).exit();
            }
            for (KaplanMeier.Step s : KaplanMeier.fit(times, events).steps()) {
                rows.add(RowFactory.create(role, isParticipant ? "participant" : "comparison", (int) s.time(),
                        (long) s.atRisk(), (long) s.events(), s.survival(), s.lower(), s.upper(), (long) group.size()));
            }
        }
        return rows;
    }

    /**
     * Rows of mart_matching_balance: standardized mean differences of each covariate, participants
     * against the naive comparison population (before) and against their matched colleagues (after).
     */
    static List<Row> balance(String role, List<Person> cohort, List<Person> population) {
        List<Person> participants = cohort.stream().filter(Person::participant).toList();
        List<Person> matched = cohort.stream().filter(p -> !p.participant()).toList();
        Map<String, java.util.function.Function<Person, Double>> covariates = new LinkedHashMap<>();
        covariates.put("tenure_years", Person::tenureYears);
        covariates.put("age", Person::age);
        covariates.put("job_level", p -> levelNumber(p.jobLevel()));
        Set<String> departments = new TreeSet<>();
        Set<String> genders = new TreeSet<>();
        for (Person p : participants) {
            departments.add(p.department());
            if (p.gender() != null && !p.gender().isBlank()) {
                genders.add(p.gender());
            }
        }
        departments.forEach(d -> covariates.put("department=" + d, p -> d.equals(p.department()) ? 1.0 : 0.0));
        genders.forEach(g -> covariates.put("gender=" + g, p -> g.equals(p.gender()) ? 1.0 : 0.0));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, java.util.function.Function<Person, Double>> c : covariates.entrySet()) {
            rows.add(RowFactory.create(role, c.getKey(), smd(participants, population, c.getValue()),
                    smd(participants, matched, c.getValue()), (long) participants.size()));
        }
        return rows;
    }

    /** (mean1 - mean0) / sqrt((var1 + var0) / 2); null when undefined. */
    static Double smd(List<Person> treated, List<Person> comparison, java.util.function.Function<Person, Double> value) {
        SummaryStatistics a = stats(treated, value);
        SummaryStatistics b = stats(comparison, value);
        if (a.getN() < 2 || b.getN() < 2) {
            return null;
        }
        double pooled = Math.sqrt((a.getVariance() + b.getVariance()) / 2);
        if (pooled == 0) {
            return a.getMean() == b.getMean() ? 0.0 : null;
        }
        return (a.getMean() - b.getMean()) / pooled;
    }

    private static SummaryStatistics stats(List<Person> people, java.util.function.Function<Person, Double> value) {
        SummaryStatistics s = new SummaryStatistics();
        for (Person p : people) {
            Double v = value.apply(p);
            if (v != null) {
                s.addValue(v);
            }
        }
        return s;
    }

    private static Double levelNumber(String level) {
        String digits = level == null ? "" : level.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : Double.valueOf(digits);
    }

    private static Double share(long x, long n) {
        return n == 0 ? null : (double) x / n;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
