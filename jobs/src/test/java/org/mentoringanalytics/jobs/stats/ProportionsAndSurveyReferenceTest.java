package org.mentoringanalytics.jobs.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProportionsAndSurveyReferenceTest {

    @Test
    void newcombeHybridScoreIntervalMatchesNewcombe1998() {
        // Newcombe RG (1998), Statistics in Medicine 17:873-890, Table II example (a):
        // 56/70 - 48/80 = 0.2000, method 10 (hybrid score, no continuity correction): 0.0524 to 0.3339.
        Interval d = Proportions.newcombeDifference(56, 70, 48, 80);
        assertThat(d.estimate()).isCloseTo(0.2, within(1e-9));
        assertThat(d.lower()).isCloseTo(0.0524, within(0.00005));
        assertThat(d.upper()).isCloseTo(0.3339, within(0.00005));
    }

    @Test
    void wilsonIntervalOfZeroOutOfTen() {
        // Closed form: the upper bound of 0/n is z^2 / (n + z^2) = 3.8415 / 13.8415 = 0.2775.
        Interval w = Proportions.wilson(0, 10);
        assertThat(w.lower()).isEqualTo(0);
        assertThat(w.upper()).isCloseTo(0.2775, within(0.0001));
    }

    @Test
    void pairedChangeMatchesStudentsSleepData() {
        // Student (1908), R's sleep data: t.test(extra[group==1], extra[group==2], paired = TRUE)
        // t = -4.0621, df = 9, p-value = 0.002833, mean difference -1.58, 95% CI -2.4598858 to -0.7001142.
        double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        SurveyStatistics.PairedChange change = SurveyStatistics.pairedChange(drug2, drug1);
        assertThat(change.meanChange().estimate()).isCloseTo(-1.58, within(1e-9));
        assertThat(change.meanChange().lower()).isCloseTo(-2.4598858, within(1e-6));
        assertThat(change.meanChange().upper()).isCloseTo(-0.7001142, within(1e-6));
        assertThat(change.t()).isCloseTo(-4.0621, within(0.0001));
        assertThat(change.p()).isCloseTo(0.002833, within(0.000001));
        // Cohen's d_z = -1.58 / sd(differences) = -1.58 / 1.229995 = -1.2846.
        assertThat(change.effectSize()).isCloseTo(-1.2846, within(0.0001));
    }

    @Test
    void npsWithTheAdjustedWaldIntervalWorkedByHand() {
        // 4 promoters and 2 detractors of 8: NPS 25. Adjusted Wald (Rocks 2016): n' = 11,
        // p_pro = 4.75/11, p_det = 2.75/11, centre 0.181818, variance (0.681818 - 0.033058)/11,
        // se 0.242854; 18.18 +/- 1.959964 * 24.2854 = -29.417 to 65.780.
        Interval nps = SurveyStatistics.nps(new int[]{10, 9, 9, 8, 7, 6, 3, 10});
        assertThat(nps.estimate()).isCloseTo(25, within(1e-9));
        assertThat(nps.lower()).isCloseTo(-29.417, within(0.001));
        assertThat(nps.upper()).isCloseTo(65.780, within(0.001));
    }

    @Test
    void npsIntervalsStayOnTheScaleAndKeepAWidth() {
        // 9 promoters and 1 passive: the plain Wald interval ran to 108.6; 10 of 10 gave [100, 100].
        Interval nine = SurveyStatistics.nps(new int[]{9, 9, 9, 9, 9, 9, 9, 9, 9, 8});
        assertThat(nine.estimate()).isCloseTo(90, within(1e-9));
        assertThat(nine.lower()).isCloseTo(38.079, within(0.001));
        assertThat(nine.upper()).isEqualTo(100);
        Interval all = SurveyStatistics.nps(new int[]{10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        assertThat(all.estimate()).isEqualTo(100);
        assertThat(all.lower()).isCloseTo(47.504, within(0.001));
        assertThat(all.upper()).isEqualTo(100);
        Interval none = SurveyStatistics.nps(new int[]{0, 1, 2, 3, 4, 5, 6, 0, 1, 2});
        assertThat(none.lower()).isEqualTo(-100);
        assertThat(none.upper()).isCloseTo(-47.504, within(0.001));
    }

    @Test
    void aConstantPairedChangeIsNotEstimable() {
        // Everyone one point up: sd of the changes is 0, so t was +Inf and p 0 ("p < 0.001").
        SurveyStatistics.PairedChange change = SurveyStatistics.pairedChange(new double[]{2, 3, 4, 3},
                new double[]{3, 4, 5, 4});
        assertThat(change.meanChange().estimate()).isEqualTo(1.0);
        assertThat(change.t()).isNaN();
        assertThat(change.p()).isNaN();
        assertThat(change.effectSize()).isNaN();
        assertThat(change.meanChange().lower()).isNaN();
    }

    @Test
    void wilsonReachesTheEndsExactly() {
        for (int n : new int[]{1, 3, 7, 10, 49, 1000}) {
            assertThat(Proportions.wilson(0, n).lower()).isEqualTo(0.0);
            assertThat(Proportions.wilson(n, n).upper()).isEqualTo(1.0);
        }
    }

    @Test
    void cronbachAlphaWorkedByHand() {
        // Item variances 1.6667 + 1.5833 + 0.9167 = 4.1667; total scores 6, 8, 10, 14 have variance 11.6667;
        // alpha = 3/2 * (1 - 4.1667 / 11.6667) = 0.9643.
        double alpha = SurveyStatistics.cronbachAlpha(new double[][]{{1, 2, 3}, {2, 3, 3}, {3, 3, 4}, {4, 5, 5}});
        assertThat(alpha).isCloseTo(0.9643, within(0.0001));
    }

    @Test
    void meanIntervalUsesStudentT() {
        // Values 1..5: mean 3, sd 1.5811, t(0.975, 4) = 2.7764; half width 1.9632.
        Interval mean = SurveyStatistics.meanWithTInterval(new double[]{1, 2, 3, 4, 5});
        assertThat(mean.lower()).isCloseTo(1.0368, within(0.0001));
        assertThat(mean.upper()).isCloseTo(4.9632, within(0.0001));
    }

    @Test
    void minimumDetectableDifferenceForTwoGroupsOfTwoHundred() {
        // (1.95996 + 0.84162) * sqrt(0.8 * 0.2 * (1/200 + 1/200)) = 2.80158 * 0.04 = 0.11206.
        assertThat(Proportions.minimumDetectableDifference(0.8, 200, 200)).isCloseTo(0.11206, within(0.00001));
    }
}
