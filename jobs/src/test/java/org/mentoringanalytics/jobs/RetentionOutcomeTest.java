package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class RetentionOutcomeTest {

    private static RetentionOutcome.Person person(String key, boolean participant, int days, boolean exit, Integer retained) {
        return new RetentionOutcome.Person("mentee", participant, key, "p", "career", "Engineering", "L2", 3.0, 30.0,
                "woman", days, exit, retained, null);
    }

    @Test
    void noExitAmongParticipantsGivesNoHazardRatioButStillTheOtherFigures() {
        List<RetentionOutcome.Person> cohort = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cohort.add(person("p" + i, true, 400, false, 1));
            cohort.add(person("c" + i, false, 100 + i * 50, i % 2 == 0, i % 2 == 0 ? 0 : 1));
        }
        Row all = RetentionOutcome.outcomes("mentee", cohort, new long[]{0, 0}).get(0);
        // participants, controls, participant exits, control exits
        assertThat(List.of(all.get(3), all.get(5), all.get(7), all.get(8))).containsExactly(6L, 6L, 0L, 3L);
        assertThat(all.isNullAt(9)).as("hazard ratio").isTrue();
        assertThat(all.isNullAt(13)).as("log-rank statistic").isFalse();
        // 12-month retention 6/6 against 3/6.
        assertThat(all.getDouble(17)).isEqualTo(1.0);
        assertThat(all.getDouble(18)).isEqualTo(0.5);
    }
}
