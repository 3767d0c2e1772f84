package org.mentoringanalytics.contracts;

/**
 * Warehouse layers. Staging holds one cleaned table per source entity, intermediate holds
 * reusable joins, marts hold business entities at a stated grain. Reports read marts only.
 */
public enum Layer {
    STAGING("staging"),
    INTERMEDIATE("intermediate"),
    MARTS("marts");

    private final String folder;

    Layer(String folder) {
        this.folder = folder;
    }

    /** Folder name of this layer under the warehouse root. */
    public String folder() {
        return folder;
    }
}
