package org.mentoringanalytics.jobs.stats;

import java.util.Arrays;

/** Helpers shared by the survival estimators. */
final class Survival {

    private Survival() {
    }

    /** Indices of {@code times} from the latest to the earliest. */
    static int[] byTimeDescending(double[] times) {
        Integer[] boxed = new Integer[times.length];
        for (int i = 0; i < times.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(times[b], times[a]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
