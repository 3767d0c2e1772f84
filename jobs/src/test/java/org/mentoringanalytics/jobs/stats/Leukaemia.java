package org.mentoringanalytics.jobs.stats;

/**
 * Freireich et al. (1963) remission times in weeks of 42 children with acute leukaemia, 6-MP
 * against placebo (the "gehan" data of R's MASS package; '+' marks censoring in the paper).
 */
final class Leukaemia {

    static final double[] SIX_MP_TIMES = {6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35};
    static final boolean[] SIX_MP_EVENTS = {true, true, true, false, true, false, true, false, false, true, true, false,
            false, false, true, true, false, false, false, false, false};
    static final double[] PLACEBO_TIMES = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};

    private Leukaemia() {
    }

    static double[] times() {
        double[] t = new double[42];
        System.arraycopy(SIX_MP_TIMES, 0, t, 0, 21);
        System.arraycopy(PLACEBO_TIMES, 0, t, 21, 21);
        return t;
    }

    static boolean[] events() {
        boolean[] e = new boolean[42];
        System.arraycopy(SIX_MP_EVENTS, 0, e, 0, 21);
        for (int i = 21; i < 42; i++) {
            e[i] = true;
        }
        return e;
    }

    static boolean[] sixMp() {
        boolean[] g = new boolean[42];
        for (int i = 0; i < 21; i++) {
            g[i] = true;
        }
        return g;
    }
}
