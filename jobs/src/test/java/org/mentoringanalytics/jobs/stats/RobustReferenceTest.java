package org.mentoringanalytics.jobs.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Weighted and clustered estimators against R 4.2.2 with survival 3.5-3 (Debian's r-base-core and
 * r-cran-survival), on R's {@code aml} data and on a small weighted, clustered data set with ties.
 * The R calls are quoted above each check.
 */
class RobustReferenceTest {

    /** R's aml: time, status, x (1 = Nonmaintained), one row per person. */
    static final double[] AML_TIME = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33,
            43, 45};
    static final int[] AML_STATUS = {1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1};

    static boolean[] amlEvents() {
        boolean[] e = new boolean[AML_STATUS.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = AML_STATUS[i] == 1;
        }
        return e;
    }

    static double[][] amlX() {
        double[][] x = new double[AML_TIME.length][1];
        for (int i = 11; i < x.length; i++) {
            x[i][0] = 1;
        }
        return x;
    }

    static String[] ids(int n) {
        String[] id = new String[n];
        for (int i = 0; i < n; i++) {
            id[i] = "p" + i;
        }
        return id;
    }

    @Test
    void clusteredCoxMatchesCoxphOnAml() {
        // coxph(Surv(time, status) ~ x, data = aml): coef 0.915532575, se 0.5119342752
        CoxModel naive = CoxModel.fit(AML_TIME, amlEvents(), amlX());
        assertThat(naive.coefficients()[0]).isCloseTo(0.915532575, within(1e-6));
        assertThat(naive.standardError(0)).isCloseTo(0.5119342752, within(1e-6));
        // coxph(..., cluster = id) with one row per person: robust se 0.4645092045, robust score 4.691432728
        CoxModel robust = CoxModel.fit(AML_TIME, amlEvents(), amlX(), null, ids(23));
        assertThat(robust.standardError(0)).isCloseTo(0.4645092045, within(1e-6));
        assertThat(robust.naiveStandardError(0)).isCloseTo(0.5119342752, within(1e-6));
        assertThat(robust.robustScoreChi2()).isCloseTo(4.691432728, within(1e-5));
    }

    @Test
    void enteringEveryControlTwiceDoesNotShrinkTheStandardError() {
        // The same 11 controls entered twice, weight 1/2 each, clustered on the person:
        // coxph(Surv(time, status) ~ x, weights = w, cluster = id): coef 0.9033868071, robust se 0.4699990944,
        // robust score 4.470252523. Unweighted and unclustered, the duplicates shrink the se to 0.4202164116.
        int n = AML_TIME.length + 11;
        double[] time = new double[n];
        boolean[] event = new boolean[n];
        double[][] x = new double[n][1];
        double[] w = new double[n];
        String[] id = new String[n];
        boolean[] e = amlEvents();
        double[][] ax = amlX();
        String[] ids = ids(23);
        int k = 0;
        for (int copy = 0; copy < 2; copy++) {
            for (int i = 0; i < 23; i++) {
                boolean control = ax[i][0] == 0;
                if (copy == 1 && !control) {
                    continue;
                }
                time[k] = AML_TIME[i];
                event[k] = e[i];
                x[k][0] = ax[i][0];
                w[k] = control ? 0.5 : 1;
                id[k] = ids[i];
                k++;
            }
        }
        CoxModel once = CoxModel.fit(AML_TIME, amlEvents(), amlX(), null, ids(23));
        CoxModel twice = CoxModel.fit(time, event, x, w, id);
        assertThat(twice.coefficients()[0]).isCloseTo(0.9033868071, within(1e-6));
        assertThat(twice.standardError(0)).isCloseTo(0.4699990944, within(1e-6));
        assertThat(twice.robustScoreChi2()).isCloseTo(4.470252523, within(1e-5));
        assertThat(twice.standardError(0)).isGreaterThanOrEqualTo(once.standardError(0));
        assertThat(CoxModel.fit(time, event, x).standardError(0)).as("what ignoring the duplicates would report")
                .isCloseTo(0.4202164116, within(1e-6));
    }

    private static final double[] T = {5, 5, 8, 8, 8, 12, 12, 15, 20, 20, 22, 25, 30, 30, 31, 35};
    private static final int[] E = {1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0};
    private static final int[] X = {1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0};
    private static final double[] W = {1, 0.5, 1, 1 / 3.0, 1 / 3.0, 1, 0.5, 1 / 3.0, 1, 0.5, 1, 0.5, 1, 1 / 3.0, 1, 0.5};
    private static final String[] CL = {"a", "b", "c", "b", "d", "e", "f", "d", "g", "h", "i", "f", "j", "h", "k", "b"};

    private static boolean[] events() {
        boolean[] e = new boolean[E.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = E[i] == 1;
        }
        return e;
    }

    @Test
    void weightedClusteredCoxWithTiesMatchesCoxph() {
        // coxph(Surv(t, e) ~ x, weights = w, cluster = cl): coef 0.05062178633, robust se 0.565469686,
        // naive se 0.8674119503, robust score 0.0077787473, loglik -11.44591807 -11.44420576
        double[][] x = new double[X.length][1];
        for (int i = 0; i < X.length; i++) {
            x[i][0] = X[i];
        }
        CoxModel fit = CoxModel.fit(T, events(), x, W, CL);
        assertThat(fit.estimable()).isTrue();
        assertThat(fit.coefficients()[0]).isCloseTo(0.05062178633, within(1e-6));
        assertThat(fit.standardError(0)).isCloseTo(0.565469686, within(1e-6));
        assertThat(fit.naiveStandardError(0)).isCloseTo(0.8674119503, within(1e-6));
        assertThat(fit.robustScoreChi2()).isCloseTo(0.0077787473, within(1e-7));
        assertThat(fit.nullLogLikelihood()).isCloseTo(-11.44591807, within(1e-6));
        assertThat(fit.logLikelihood()).isCloseTo(-11.44420576, within(1e-6));
    }

    @Test
    void stratifiedWeightedClusteredCoxMatchesCoxph() {
        // coxph(Surv(t, e) ~ x + strata(st), weights = w, cluster = cl), st alternating in pairs s1 s1 s2 s2 ...:
        // coef -0.01199365299, robust se 0.5179480773, naive se 0.8825359108, robust score 0.0005409738466,
        // loglik -7.351231727 -7.351139498
        double[][] x = new double[X.length][1];
        String[] strata = new String[X.length];
        for (int i = 0; i < X.length; i++) {
            x[i][0] = X[i];
            strata[i] = (i / 2) % 2 == 0 ? "s1" : "s2";
        }
        CoxModel fit = CoxModel.fit(T, events(), x, W, CL, strata);
        assertThat(fit.coefficients()[0]).isCloseTo(-0.01199365299, within(1e-6));
        assertThat(fit.standardError(0)).isCloseTo(0.5179480773, within(1e-6));
        assertThat(fit.naiveStandardError(0)).isCloseTo(0.8825359108, within(1e-6));
        assertThat(fit.robustScoreChi2()).isCloseTo(0.0005409738466, within(1e-8));
        assertThat(fit.nullLogLikelihood()).isCloseTo(-7.351231727, within(1e-6));
        assertThat(fit.logLikelihood()).isCloseTo(-7.351139498, within(1e-6));
    }

    @Test
    void weightedClusteredKaplanMeierMatchesSurvfit() {
        // survfit(Surv(t, e) ~ 1, weights = w, id = cl, robust = TRUE): time, n.risk, surv, std.err, lower, upper
        // at the event times (with robust = TRUE, std.err is the standard error of S; the band is on the log scale)
        double[][] expected = {
                {5, 10.833333333, 0.9076923077, 0.08797859504, 0.7506464924, 1.0},
                {8, 9.333333333, 0.7780219780, 0.11946975163, 0.5758176469, 1.0},
                {12, 7.666666667, 0.6765408505, 0.13837188637, 0.4531052027, 1.0},
                {15, 6.166666667, 0.6399710748, 0.13873628261, 0.4184392500, 0.9787871872},
                {20, 5.833333333, 0.4754070841, 0.14317103372, 0.2634646681, 0.8578451799},
                {25, 3.333333333, 0.4040960215, 0.14046026873, 0.2044628021, 0.7986469565},
                {30, 2.833333333, 0.3565553131, 0.14888022923, 0.1572919061, 0.8082532310}};
        List<KaplanMeier.Step> steps = KaplanMeier.fit(T, events(), W, CL).steps();
        assertThat(steps).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            KaplanMeier.Step s = steps.get(i);
            assertThat(s.time()).isEqualTo(expected[i][0]);
            assertThat(s.survival()).isCloseTo(expected[i][2], within(1e-8));
            assertThat(s.stdErr()).isCloseTo(expected[i][3], within(1e-7));
            assertThat(s.lower()).isCloseTo(expected[i][4], within(1e-7));
            assertThat(s.upper()).isCloseTo(expected[i][5], within(1e-7));
        }
        // Weighted 16 rows: the median is the first time S drops to one half or below.
        assertThat(KaplanMeier.fit(T, events(), W, CL).median().median()).isEqualTo(20);
    }

    @Test
    void robustKaplanMeierWithOneUnweightedRowPerPersonIsGreenwood() {
        KaplanMeier greenwood = KaplanMeier.fit(Leukaemia.SIX_MP_TIMES, Leukaemia.SIX_MP_EVENTS);
        KaplanMeier robust = KaplanMeier.fit(Leukaemia.SIX_MP_TIMES, Leukaemia.SIX_MP_EVENTS, null,
                ids(Leukaemia.SIX_MP_TIMES.length));
        for (int i = 0; i < greenwood.steps().size(); i++) {
            assertThat(robust.steps().get(i).stdErr()).isCloseTo(greenwood.steps().get(i).stdErr(), within(1e-12));
        }
    }

    @Test
    void medianWithBrookmeyerCrowleyIntervalMatchesSurvfitOnAml() {
        // survfit(Surv(time, status) ~ x, data = aml): Maintained median 31 (18, NA); Nonmaintained 23 (8, NA)
        double[] time = java.util.Arrays.copyOfRange(AML_TIME, 0, 11);
        boolean[] events = java.util.Arrays.copyOfRange(amlEvents(), 0, 11);
        KaplanMeier.Median maintained = KaplanMeier.fit(time, events).median();
        assertThat(maintained.median()).isEqualTo(31);
        assertThat(maintained.lower()).isEqualTo(18);
        assertThat(maintained.upper()).isNaN();
        KaplanMeier.Median not = KaplanMeier.fit(java.util.Arrays.copyOfRange(AML_TIME, 11, 23),
                java.util.Arrays.copyOfRange(amlEvents(), 11, 23)).median();
        assertThat(not.median()).isEqualTo(23);
        assertThat(not.lower()).isEqualTo(8);
        assertThat(not.upper()).isNaN();
    }
}
