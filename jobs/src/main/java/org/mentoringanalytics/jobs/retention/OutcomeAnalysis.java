package org.mentoringanalytics.jobs.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.MetricsJob;
import org.mentoringanalytics.jobs.TableIO;

/**
 * The matched outcome analysis for both roles: staging datasets in (employees, job changes,
 * programs, enrolments, matches), the rows of int_outcome_cohort, mart_retention_outcome,
 * mart_retention_survival, mart_retention_at_risk and mart_matching_balance out. Publishing is the caller's.
 */
public final class OutcomeAnalysis {

    /**
     * @param cohort   int_outcome_cohort rows of both roles (cached)
     * @param outcomes rows of mart_retention_outcome
     * @param survival rows of mart_retention_survival
     * @param atRisk   rows of mart_retention_at_risk
     * @param balance  rows of mart_matching_balance
     */
    public record Result(List<Row> cohort, List<Row> outcomes, List<Row> survival, List<Row> atRisk,
                         List<Row> balance) {
    }

    private static final java.util.Comparator<RetentionOutcome.Person> ORDER = java.util.Comparator
            .comparing(RetentionOutcome.Person::participant).thenComparing(RetentionOutcome.Person::participantKey)
            .thenComparing(RetentionOutcome.Person::personKey);

    private OutcomeAnalysis() {
    }

    public static Result run(Dataset<Row> employees, Dataset<Row> jobChanges, Dataset<Row> programs,
                             Dataset<Row> enrollments, Dataset<Row> matches, LocalDate asOf) {
        List<Row> outcomes = new ArrayList<>();
        List<Row> survival = new ArrayList<>();
        List<Row> atRisk = new ArrayList<>();
        List<Row> balance = new ArrayList<>();
        List<Row> cohorts = new ArrayList<>();
        List<String> roles = List.of("mentee", "mentor");
        // Both roles in one plan, collected once (the analysis needs the cohort on the driver anyway) and written from there.
        List<Row> both = TableIO.conform(OutcomeCohorts.build(employees, jobChanges, programs, enrollments, matches,
                asOf, roles, MetricsJob.CONTROLS_PER_PARTICIPANT), Tables.INT_OUTCOME_COHORT).collectAsList();
        for (String role : roles) {
            List<Row> cohort = both.stream().filter(r -> role.equals(r.getAs("role"))).toList();
            // A fixed order, so sums come out bit for bit the same however Spark partitioned the rows.
            List<RetentionOutcome.Person> people = cohort.stream().map(RetentionOutcome.Person::of).sorted(ORDER).toList();
            long matchedParticipants = people.stream().filter(RetentionOutcome.Person::participant).count();
            long[] leftOut = OutcomeCohorts.leftOut(matchedParticipants, enrollments, matches, employees, role);
            outcomes.addAll(RetentionOutcome.outcomes(role, people, leftOut));
            survival.addAll(RetentionOutcome.survival(role, people));
            atRisk.addAll(RetentionOutcome.atRisk(role, people));
            balance.addAll(RetentionOutcome.balance(role, people,
                    population(employees, jobChanges, enrollments, matches, people, role)));
            cohorts.addAll(cohort);
        }
        return new Result(cohorts, outcomes, survival, atRisk, balance);
    }

    /** The naive comparison population: non-participants employed on the participants' median index date. */
    private static List<RetentionOutcome.Person> population(Dataset<Row> employees, Dataset<Row> jobChanges,
                                                            Dataset<Row> enrollments, Dataset<Row> matches,
                                                            List<RetentionOutcome.Person> people, String role) {
        List<LocalDate> indexDates = people.stream().filter(RetentionOutcome.Person::participant)
                .map(RetentionOutcome.Person::indexDate).sorted().toList();
        if (indexDates.isEmpty()) {
            return List.of();
        }
        LocalDate median = indexDates.get(indexDates.size() / 2);
        return OutcomeCohorts.nonParticipantsOn(employees, jobChanges, enrollments, matches, median).collectAsList()
                .stream().map(r -> new RetentionOutcome.Person(role, false, r.getAs("employee_key"), "", "",
                        r.getAs("department"), r.getAs("job_level"), r.<Double>getAs("tenure_years"), r.getAs("age"),
                        r.getAs("gender"), 0, false, null, null)).sorted(ORDER).toList();
    }
}
