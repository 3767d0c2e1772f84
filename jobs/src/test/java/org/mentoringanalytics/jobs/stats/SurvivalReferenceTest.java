package org.mentoringanalytics.jobs.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Survival estimators against the published outputs of R's survival package on the Freireich
 * leukaemia data (also reproduced in Kleinbaum and Klein, Survival Analysis, 3rd ed., chapter 2-3).
 */
class SurvivalReferenceTest {

    @Test
    void kaplanMeierMatchesSurvfitForTheSixMpGroup() {
        // survfit(Surv(time, cens) ~ 1, data = subset(gehan, treat == "6-MP")):
        // time n.risk n.event survival std.err lower 95% CI upper 95% CI
        //    6     21       3    0.857  0.0764        0.720        1.000
        //    7     17       1    0.807  0.0869        0.653        0.996
        //   10     15       1    0.753  0.0963        0.586        0.968
        //   13     12       1    0.690  0.1068        0.510        0.935
        //   16     11       1    0.627  0.1141        0.439        0.896
        //   22      7       1    0.538  0.1282        0.337        0.858
        //   23      6       1    0.448  0.1346        0.249        0.807
        List<KaplanMeier.Step> steps = KaplanMeier.fit(Leukaemia.SIX_MP_TIMES, Leukaemia.SIX_MP_EVENTS).steps();
        double[][] expected = {
                {6, 21, 3, 0.857, 0.0764, 0.720, 1.000},
                {7, 17, 1, 0.807, 0.0869, 0.653, 0.996},
                {10, 15, 1, 0.753, 0.0963, 0.586, 0.968},
                {13, 12, 1, 0.690, 0.1068, 0.510, 0.935},
                {16, 11, 1, 0.627, 0.1141, 0.439, 0.896},
                {22, 7, 1, 0.538, 0.1282, 0.337, 0.858},
                {23, 6, 1, 0.448, 0.1346, 0.249, 0.807}};
        assertThat(steps).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            KaplanMeier.Step s = steps.get(i);
            assertThat(s.time()).isEqualTo(expected[i][0]);
            assertThat(s.atRisk()).isEqualTo((int) expected[i][1]);
            assertThat(s.events()).isEqualTo((int) expected[i][2]);
            assertThat(s.survival()).isCloseTo(expected[i][3], within(0.0005));
            assertThat(s.stdErr()).isCloseTo(expected[i][4], within(0.00005));
            assertThat(s.lower()).isCloseTo(expected[i][5], within(0.0005));
            assertThat(s.upper()).isCloseTo(expected[i][6], within(0.0005));
        }
    }

    @Test
    void logRankMatchesSurvdiff() {
        // survdiff(Surv(time, cens) ~ treat, data = gehan): 6-MP N=21 O=9 E=19.3, control O=21 E=10.7,
        // Chisq = 16.8 on 1 degrees of freedom, p = 4e-05 (16.79, p = 4.17e-05).
        LogRank test = LogRank.test(Leukaemia.times(), Leukaemia.events(), Leukaemia.sixMp());
        assertThat(test.observed1()).isEqualTo(9);
        assertThat(test.expected1()).isCloseTo(19.25, within(0.01));
        assertThat(test.chiSquare()).isCloseTo(16.79, within(0.01));
        assertThat(test.p()).isCloseTo(4.17e-5, within(0.01e-5));
    }

    @Test
    void coxWithEfronTiesMatchesCoxph() {
        // coxph(Surv(time, cens) ~ treat, data = gehan) with 6-MP coded 1 (Efron ties, R's default):
        // coef -1.572, exp(coef) 0.208, se(coef) 0.412, z -3.81, p 0.00014; 95% CI of exp(coef) 0.0925 to 0.466.
        double[][] x = new double[42][1];
        boolean[] sixMp = Leukaemia.sixMp();
        for (int i = 0; i < 42; i++) {
            x[i][0] = sixMp[i] ? 1 : 0;
        }
        CoxModel model = CoxModel.fit(Leukaemia.times(), Leukaemia.events(), x);
        assertThat(model.coefficients()[0]).isCloseTo(-1.572, within(0.001));
        assertThat(model.hazardRatio(0)).isCloseTo(0.208, within(0.001));
        assertThat(model.standardError(0)).isCloseTo(0.412, within(0.001));
        assertThat(model.pValue(0)).isCloseTo(0.00014, within(0.00001));
        assertThat(model.lowerHazardRatio(0)).isCloseTo(0.0925, within(0.0005));
        assertThat(model.upperHazardRatio(0)).isCloseTo(0.466, within(0.001));
        // Likelihood ratio test = 16.4 on 1 df.
        assertThat(2 * (model.logLikelihood() - model.nullLogLikelihood())).isCloseTo(16.35, within(0.1));
    }
}
