package org.mentoringanalytics.contracts;

import java.util.Objects;

/**
 * Resolves table locations under a warehouse root. The root is a URI string or a local path so
 * that the same jobs run on local disk, HDFS or S3; every stage finds a table by its contract,
 * never by a hand-built path.
 */
public final class Warehouse {

    private final String root;

    public Warehouse(String root) {
        Objects.requireNonNull(root, "root");
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    public String root() {
        return root;
    }

    /** Location of the published table: {@code <root>/<layer>/<table>}. */
    public String location(TableContract table) {
        return root + "/" + table.layer().folder() + "/" + table.name();
    }

    /** Location of the Spring Batch job repository database (an H2 file) inside the warehouse. */
    public String jobRepositoryPath() {
        return root + "/_repository/jobs";
    }

    /** Folder that receives quarantined rows of one ingest run. */
    public String rejectsLocation(long runId) {
        return root + "/rejects/" + runId;
    }

    @Override
    public String toString() {
        return root;
    }
}
