package org.mentoringanalytics.jobs.retention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.stats.CoxModel;
import org.mentoringanalytics.jobs.stats.Interval;
import org.mentoringanalytics.jobs.stats.KaplanMeier;
import org.mentoringanalytics.jobs.stats.Proportions;
import org.mentoringanalytics.jobs.ContractRow;

/**
 * The statistics of the outcome cohort, computed on the driver from its rows (one per person and
 * participant: small enough to collect even at 100k employees). Produces the rows of
 * mart_retention_outcome, mart_retention_survival and mart_matching_balance.
 */
public final class RetentionOutcome {

    /** One person of the cohort, as the statistics need them. */
    record Person(String role, boolean participant, String personKey, String participantKey, String programType,
                  String department, String jobLevel, double tenureYears, Double age, String gender, int timeDays,
                  boolean exit, Integer retained12, Integer promoted12, java.time.LocalDate indexDate, double weight,
                  String tenureBand) {

        Person(String role, boolean participant, String personKey, String participantKey, String programType,
               String department, String jobLevel, double tenureYears, Double age, String gender, int timeDays,
               boolean exit, Integer retained12, Integer promoted12) {
            this(role, participant, personKey, participantKey, programType, department, jobLevel, tenureYears, age,
                    gender, timeDays, exit, retained12, promoted12, null, 1.0, null);
        }

        static Person of(Row r) {
            Object index = r.getAs("index_date");
            return new Person(r.getAs("role"), "participant".equals(r.getAs("group_name")), r.getAs("person_key"),
                    r.getAs("participant_key"), r.getAs("program_type"), r.getAs("department"), r.getAs("job_level"),
                    r.<Double>getAs("tenure_years"), r.getAs("age"), r.getAs("gender"), r.<Integer>getAs("time_days"),
                    r.<Boolean>getAs("voluntary_exit"), r.getAs("retained_12m"), r.getAs("promoted_12m"),
                    index instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) index, 1.0,
                    r.getAs("tenure_band"));
        }

        Person withWeight(double w) {
            return new Person(role, participant, personKey, participantKey, programType, department, jobLevel,
                    tenureYears, age, gender, timeDays, exit, retained12, promoted12, indexDate, w, tenureBand);
        }
    }

    private RetentionOutcome() {
    }

    /** Fewer voluntary exits than this in a scope are too few to tell a difference (10 events per covariate). */
    static final int MIN_EXITS = 10;
    private static final int[] AT_RISK_DAYS = {0, 90, 180, 365, 540, 730, 1095};

    /**
     * Rows of mart_retention_outcome: all, by program type and by department, for one role. Within
     * each family of scopes (program types, departments) the hazard ratios' p-values are adjusted
     * for the number of groups (Benjamini-Hochberg) and tested for heterogeneity (Cochran's Q).
     *
     * @param leftOut participants without a comparable colleague, and those who took part in the
     *                other role first
     */
    static List<Row> outcomes(String role, List<Person> rows, long[] leftOut) {
        return outcomeRows(role, attWeights(rows), leftOut);
    }

    /**
     * The cohort with ATT weights: 1 for a participant, 1/k for each of a participant's k
     * comparison rows, so every matched set counts as much as its participant and strata with
     * many colleagues do not dominate. The same colleague may sit in several sets (or twice in
     * one); the variances cluster on the person, so repeated rows add no information.
     */
    static List<Person> attWeights(List<Person> cohort) {
        Map<String, Integer> controls = new java.util.HashMap<>();
        cohort.stream().filter(p -> !p.participant()).forEach(p -> controls.merge(p.participantKey(), 1, Integer::sum));
        return cohort.stream().map(p -> p.withWeight(p.participant() ? 1.0 : 1.0 / controls.get(p.participantKey())))
                .toList();
    }

    private static List<Row> outcomeRows(String role, List<Person> cohort, long[] leftOut) {
        List<ContractRow> rows = new ArrayList<>();
        rows.add(outcome("all", "ALL", role, cohort, leftOut));
        for (String kind : List.of("program_type", "department")) {
            java.util.function.Function<Person, String> scopeOf = kind.equals("program_type")
                    ? Person::programType : Person::department;
            List<ContractRow> family = new ArrayList<>();
            for (String value : new TreeSet<>(cohort.stream().map(scopeOf).toList())) {
                // A participant's comparison rows go with the participant's scope, so matched sets stay whole.
                Set<String> inScope = new HashSet<>();
                cohort.stream().filter(p -> p.participant() && value.equals(scopeOf.apply(p)))
                        .forEach(p -> inScope.add(p.participantKey()));
                List<Person> subset = cohort.stream().filter(p -> inScope.contains(p.participantKey())).toList();
                family.add(outcome(kind, value, role, subset, new long[]{0, 0}));
            }
            adjust(family);
            rows.addAll(family);
        }
        return rows.stream().map(ContractRow::toRow).toList();
    }

    /** Benjamini-Hochberg adjusted p-values and Cochran's Q across a family of scopes, set by column name. */
    private static void adjust(List<ContractRow> family) {
        double[] p = new double[family.size()];
        double[] estimates = new double[family.size()];
        double[] errors = new double[family.size()];
        for (int i = 0; i < family.size(); i++) {
            ContractRow r = family.get(i);
            p[i] = orNaN(r.get("hazard_ratio_p"));
            estimates[i] = orNaN(r.get("log_hazard_ratio"));
            errors[i] = orNaN(r.get("log_hazard_ratio_se"));
        }
        double[] adjusted = org.mentoringanalytics.jobs.stats.Evidence.benjaminiHochberg(p);
        Double heterogeneity = finite(org.mentoringanalytics.jobs.stats.Evidence.heterogeneityP(estimates, errors));
        for (int i = 0; i < family.size(); i++) {
            family.get(i).set("hazard_ratio_p_adjusted", finite(adjusted[i])).set("heterogeneity_p", heterogeneity);
        }
    }

    private static double orNaN(Object value) {
        return value == null ? Double.NaN : (Double) value;
    }

    private static ContractRow outcome(String kind, String scope, String role, List<Person> people, long[] leftOut) {
        int n = people.size();
        double[] times = new double[n];
        boolean[] events = new boolean[n];
        double[] weights = new double[n];
        String[] clusters = new String[n];
        // The matching strata: each has its own baseline hazard, so the ratio compares like with like over time.
        String[] strata = new String[n];
        double[][] x = new double[n][1];
        long participants = 0;
        long controls = 0;
        long participantExits = 0;
        long controlExits = 0;
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Person p = people.get(i);
            times[i] = p.timeDays();
            events[i] = p.exit();
            weights[i] = p.weight();
            clusters[i] = p.personKey();
            strata[i] = p.department() + "|" + p.jobLevel() + "|" + p.tenureBand();
            x[i][0] = p.participant() ? 1 : 0;
            distinct.add(p.personKey());
            if (p.participant()) {
                participants++;
                participantExits += p.exit() ? 1 : 0;
            } else {
                controls++;
                controlExits += p.exit() ? 1 : 0;
            }
        }
        Double hr = null;
        Double hrLower = null;
        Double hrUpper = null;
        Double hrP = null;
        Double logHr = null;
        Double logHrSe = null;
        Double chi = null;
        Double chiP = null;
        String note = null;
        Double eValue = null;
        Double eValueLimit = null;
        if (participants == 0 || controls == 0) {
            note = "no one to compare";
        } else if (participantExits + controlExits == 0) {
            note = "no voluntary exit in either group";
        } else if (participantExits == 0 || controlExits == 0) {
            note = "no voluntary exit among " + (participantExits == 0 ? "participants" : "comparison colleagues")
                    + ": the hazard ratio has no finite estimate";
        }
        if (participants > 0 && controls > 0 && participantExits + controlExits > 0) {
            CoxModel cox = CoxModel.fit(times, events, x, weights, clusters, strata);
            chi = finite(cox.robustScoreChi2());
            chiP = finite(cox.robustScoreP());
            if (note == null && !cox.estimable()) {
                note = cox.problem();
            }
            if (note == null) {
                hr = finite(cox.hazardRatio(0));
                hrLower = finite(cox.lowerHazardRatio(0));
                hrUpper = finite(cox.upperHazardRatio(0));
                hrP = finite(cox.pValue(0));
                logHr = cox.coefficients()[0];
                logHrSe = finite(cox.standardError(0));
                if (hr != null && hrLower != null && hrUpper != null) {
                    eValue = finite(org.mentoringanalytics.jobs.stats.Evidence.eValueOfHazardRatio(hr));
                    eValueLimit = finite(org.mentoringanalytics.jobs.stats.Evidence.eValueOfLimit(hrLower, hrUpper));
                }
            }
        }
        String evidence = note != null ? "not_estimable"
                : participantExits + controlExits < MIN_EXITS ? "too_small" : "estimate";
        Twelve retention = twelve(people, Person::retained12);
        Twelve promotion = twelve(people, Person::promoted12);
        KaplanMeier.Median[] medians = new KaplanMeier.Median[2];
        for (int g = 0; g < 2; g++) {
            boolean isParticipant = g == 0;
            List<Person> group = people.stream().filter(p -> p.participant() == isParticipant).toList();
            medians[g] = curve(group).median();
        }
        return ContractRow.of(Tables.MART_RETENTION_OUTCOME)
                .set("scope_kind", kind).set("scope", scope).set("role", role)
                .set("participants", participants).set("unmatched", leftOut[0]).set("controls", controls)
                .set("people", (long) distinct.size())
                .set("participant_exits", participantExits).set("control_exits", controlExits)
                .set("hazard_ratio", hr).set("hazard_ratio_lower", hrLower).set("hazard_ratio_upper", hrUpper)
                .set("hazard_ratio_p", hrP).set("logrank_chi2", chi).set("logrank_p", chiP)
                .set("followed_12m_participants", retention.followed[0]).set("followed_12m_controls", retention.followed[1])
                .set("retention_12m_participants", retention.share(0)).set("retention_12m_controls", retention.share(1))
                .set("retention_12m_difference", retention.difference)
                .set("retention_12m_difference_lower", retention.lower)
                .set("retention_12m_difference_upper", retention.upper)
                .set("minimum_detectable_difference", retention.mdd)
                .set("promotion_12m_participants", promotion.share(0)).set("promotion_12m_controls", promotion.share(1))
                .set("promotion_12m_difference_lower", promotion.lower)
                .set("promotion_12m_difference_upper", promotion.upper)
                .set("log_hazard_ratio", logHr).set("log_hazard_ratio_se", logHrSe).set("hazard_ratio_note", note)
                .set("evidence", evidence).set("e_value", eValue).set("e_value_limit", eValueLimit)
                .set("excluded_other_role", leftOut[1])
                .set("median_days_participants", finite(medians[0].median()))
                .set("median_days_participants_lower", finite(medians[0].lower()))
                .set("median_days_participants_upper", finite(medians[0].upper()))
                .set("median_days_controls", finite(medians[1].median()))
                .set("median_days_controls_lower", finite(medians[1].lower()))
                .set("median_days_controls_upper", finite(medians[1].upper()))
                .set("effective_12m_participants", retention.effective[0])
                .set("effective_12m_controls", retention.effective[1]);
    }

    /** A 12-month outcome of both groups: weighted shares, their difference and its interval. */
    private static final class Twelve {
        final long[] followed = new long[2];
        final Double[] shares = new Double[2];
        final Double[] effective = new Double[2];
        Double difference;
        Double lower;
        Double upper;
        Double mdd;

        Double share(int g) {
            return shares[g];
        }
    }

    private static Twelve twelve(List<Person> people, java.util.function.Function<Person, Integer> outcome) {
        Twelve t = new Twelve();
        Proportions.Weighted[] w = new Proportions.Weighted[2];
        for (int g = 0; g < 2; g++) {
            boolean isParticipant = g == 0;
            List<Person> known = people.stream().filter(p -> p.participant() == isParticipant && outcome.apply(p) != null)
                    .toList();
            t.followed[g] = known.size();
            if (known.isEmpty()) {
                continue;
            }
            w[g] = Proportions.weighted(known.stream().mapToInt(outcome::apply).toArray(),
                    known.stream().mapToDouble(Person::weight).toArray(),
                    known.stream().map(Person::personKey).toArray(String[]::new));
            t.shares[g] = w[g].p();
            t.effective[g] = finite(w[g].effectiveSize());
        }
        if (w[0] != null && w[1] != null) {
            Interval d = Proportions.newcombeDifference(w[0], w[1]);
            t.difference = d.estimate();
            t.lower = d.lower();
            t.upper = d.upper();
            double n0 = w[0].effectiveSize();
            double n1 = w[1].effectiveSize();
            double pooled = (w[0].p() * n0 + w[1].p() * n1) / (n0 + n1);
            t.mdd = pooled > 0 && pooled < 1 ? finite(Proportions.minimumDetectableDifference(pooled, n0, n1)) : null;
        }
        return t;
    }

    /** The weighted Kaplan-Meier curve of a group, with its variance clustered on the person. */
    private static KaplanMeier curve(List<Person> group) {
        double[] times = group.stream().mapToDouble(Person::timeDays).toArray();
        boolean[] events = new boolean[group.size()];
        for (int i = 0; i < events.length; i++) {
            events[i] = group.get(i).exit();
        }
        return KaplanMeier.fit(times, events, group.stream().mapToDouble(Person::weight).toArray(),
                group.stream().map(Person::personKey).toArray(String[]::new));
    }

    /** Rows of mart_retention_survival: the weighted Kaplan-Meier curve of participants and of their comparison. */
    static List<Row> survival(String role, List<Person> rows) {
        List<Person> cohort = attWeights(rows);
        List<Row> out = new ArrayList<>();
        for (boolean isParticipant : new boolean[]{true, false}) {
            List<Person> group = cohort.stream().filter(p -> p.participant() == isParticipant).toList();
            for (KaplanMeier.Step s : curve(group).steps()) {
                out.add(ContractRow.of(Tables.MART_RETENTION_SURVIVAL).set("role", role)
                        .set("group_name", isParticipant ? "participant" : "comparison").set("time_days", (int) s.time())
                        .set("at_risk", (long) s.atRisk()).set("events", (long) s.events()).set("survival", s.survival())
                        .set("lower", s.lower()).set("upper", s.upper()).set("people", (long) group.size()).toRow());
            }
        }
        return out;
    }

    /** Rows of mart_retention_at_risk: people still followed and the curve's value at fixed days. */
    static List<Row> atRisk(String role, List<Person> rows) {
        List<Person> cohort = attWeights(rows);
        List<Row> out = new ArrayList<>();
        for (boolean isParticipant : new boolean[]{true, false}) {
            List<Person> group = cohort.stream().filter(p -> p.participant() == isParticipant).toList();
            KaplanMeier km = curve(group);
            Set<String> people = new HashSet<>();
            for (int day : AT_RISK_DAYS) {
                people.clear();
                group.stream().filter(p -> p.timeDays() >= day).forEach(p -> people.add(p.personKey()));
                out.add(ContractRow.of(Tables.MART_RETENTION_AT_RISK).set("role", role)
                        .set("group_name", isParticipant ? "participant" : "comparison").set("time_days", day)
                        .set("at_risk", (long) km.atRiskAt(day)).set("people", (long) people.size())
                        .set("survival", km.survivalAt(day)).toRow());
            }
        }
        return out;
    }

    /**
     * Rows of mart_matching_balance: standardized mean differences of each covariate, participants
     * against the naive comparison population (before) and against their matched colleagues (after).
     */
    static List<Row> balance(String role, List<Person> unweighted, List<Person> population) {
        List<Person> cohort = attWeights(unweighted);
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
            rows.add(ContractRow.of(Tables.MART_MATCHING_BALANCE).set("role", role).set("covariate", c.getKey())
                    .set("smd_before", smd(participants, population, c.getValue()))
                    .set("smd_after", smd(participants, matched, c.getValue()))
                    .set("people", (long) participants.size()).toRow());
        }
        return rows;
    }

    /**
     * (mean1 - mean0) / sqrt((var1 + var0) / 2) with each row's weight (the matched comparison's
     * ATT weights; 1 elsewhere), so balance is judged on the comparison the estimates use; null
     * when undefined.
     */
    static Double smd(List<Person> treated, List<Person> comparison, java.util.function.Function<Person, Double> value) {
        double[] a = weightedMoments(treated, value);
        double[] b = weightedMoments(comparison, value);
        if (a == null || b == null) {
            return null;
        }
        double pooled = Math.sqrt((a[1] + b[1]) / 2);
        if (pooled == 0) {
            return a[0] == b[0] ? 0.0 : null;
        }
        return (a[0] - b[0]) / pooled;
    }

    /** Weighted mean and (reliability-weighted, unbiased) variance; null below two values. */
    private static double[] weightedMoments(List<Person> people, java.util.function.Function<Person, Double> value) {
        double sw = 0;
        double sw2 = 0;
        double swx = 0;
        int count = 0;
        for (Person p : people) {
            Double v = value.apply(p);
            if (v != null) {
                sw += p.weight();
                sw2 += p.weight() * p.weight();
                swx += p.weight() * v;
                count++;
            }
        }
        if (count < 2 || sw == 0) {
            return null;
        }
        double mean = swx / sw;
        double ss = 0;
        for (Person p : people) {
            Double v = value.apply(p);
            if (v != null) {
                ss += p.weight() * (v - mean) * (v - mean);
            }
        }
        double denominator = sw - sw2 / sw;
        return new double[]{mean, denominator > 0 ? ss / denominator : 0};
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
