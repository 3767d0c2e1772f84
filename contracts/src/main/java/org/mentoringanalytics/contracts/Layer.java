package org.mentoringanalytics.contracts;

/**
 * Warehouse layers. Staging holds one cleaned table per source entity, intermediate holds
 * reusable joins, marts hold business entities at a stated grain. Reports read marts only;
 * restricted holds free text that only authorised people may read.
 */
public enum Layer {
    STAGING("staging"),
    INTERMEDIATE("intermediate"),
    MARTS("marts"),
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
