package org.mentoringanalytics.jobs.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvidenceAndDegenerateCoxTest {

    @Test
    void benjaminiHochbergMatchesPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2), "BH") in R 4.2.2: 0.025 0.050 0.050 0.025 0.200
        double[] adjusted = Evidence.benjaminiHochberg(new double[]{0.01, 0.04, 0.03, 0.005, 0.2});
        assertThat(adjusted).containsExactly(new double[]{0.025, 0.05, 0.05, 0.025, 0.2}, within(1e-12));
        double[] withGap = Evidence.benjaminiHochberg(new double[]{0.01, Double.NaN, 0.04});
        assertThat(withGap[1]).isNaN();
        assertThat(withGap[2]).isCloseTo(0.04, within(1e-12));
        assertThat(withGap[0]).isCloseTo(0.02, within(1e-12));
    }

    @Test
    void eValueMatchesVanderWeeleAndDing() {
        // VanderWeele and Ding (2017), Annals of Internal Medicine 167:268-274: RR 3.9 has E-value 7.26;
        // its lower confidence limit 1.8 has E-value 3.0.
        assertThat(Evidence.eValue(3.9)).isCloseTo(7.26, within(0.005));
        assertThat(Evidence.eValue(1.8)).isCloseTo(3.0, within(1e-9));
        assertThat(Evidence.eValue(1 / 3.9)).isCloseTo(7.26, within(0.005));
        // Common outcome: HR 0.6 is about RR (1 - 0.5^sqrt(0.6)) / (1 - 0.5^sqrt(1/0.6)) = 0.70256, E-value 2.1996.
        assertThat(Evidence.eValueOfHazardRatio(0.6)).isCloseTo(2.1996, within(0.0001));
        assertThat(Evidence.eValueOfLimit(0.8, 1.1)).isEqualTo(1.0);
        assertThat(Evidence.eValueOfLimit(0.4, 0.6)).isCloseTo(2.1996, within(0.0001));
    }

    @Test
    void cochranQFindsDifferentEffectsAndNotEqualOnes() {
        // Three groups at log HR -0.5, -0.5, -0.5: Q = 0, p = 1.
        assertThat(Evidence.heterogeneityP(new double[]{-0.5, -0.5, -0.5}, new double[]{0.1, 0.2, 0.3}))
                .isCloseTo(1.0, within(1e-12));
        // Two groups at -1 and 0.5 with se 0.25: pooled -0.25, Q = 2 * 0.75^2 / 0.0625 = 18, 1 df, p = 2.21e-5.
        assertThat(Evidence.heterogeneityP(new double[]{-1, 0.5}, new double[]{0.25, 0.25}))
                .isCloseTo(2.2090e-5, within(1e-8));
        assertThat(Evidence.heterogeneityP(new double[]{-1}, new double[]{0.25})).isNaN();
    }

    @Test
    void monotoneLikelihoodIsReportedNotPrinted() {
        // Every comparison exit comes after the last participant left follow-up (a department of 8):
        // the likelihood keeps rising as the hazard ratio grows, and there is no estimate to print.
        double[] time = {10, 20, 30, 40, 50, 60, 70, 80};
        boolean[] event = {true, true, false, false, false, true, true, false};
        double[][] x = {{1}, {1}, {1}, {0}, {0}, {0}, {0}, {0}};
        CoxModel fit = CoxModel.fit(time, event, x, null, new String[]{"a", "b", "c", "d", "e", "f", "g", "h"});
        assertThat(fit.estimable()).isFalse();
        assertThat(fit.problem()).contains("no maximum");
        assertThat(fit.iterations()).isLessThan(30);
    }

    @Test
    void aCovariateWithoutVariationIsNotEstimable() {
        double[] time = {10, 20, 30, 40};
        boolean[] event = {true, true, false, true};
        double[][] x = {{1}, {1}, {1}, {1}};
        CoxModel fit = CoxModel.fit(time, event, x);
        assertThat(fit.estimable()).isFalse();
        assertThat(fit.problem()).contains("singular");
    }
}
