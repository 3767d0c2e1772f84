package org.mentoringanalytics.contracts;

/**
 * Warehouse layers. Staging holds one cleaned table per source entity, intermediate holds
 * reusable joins, marts hold business entities at a stated grain, safe holds the marts with small
 * groups suppressed (the analysts' layer). Reports read marts only;
 * restricted holds free text that only authorised people may read.
 */
public enum Layer {
    STAGING("staging"),
    INTERMEDIATE("intermediate"),
    MARTS("marts"),
    /**
     * The marts as analysts and BI tools may see them: same names, every value from fewer than k
     * people already null, with complementary suppression applied.
     */
    SAFE("safe"),
    /** Sensitive material kept apart: no mart or report reads this layer. */
    RESTRICTED("restricted");

    private final String folder;

    Layer(String folder) {
        this.folder = folder;
    }

    /** Folder name of this layer under the warehouse root. */
    public String folder() {
        return folder;
    }
}
