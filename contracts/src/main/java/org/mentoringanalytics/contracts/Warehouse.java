package org.mentoringanalytics.contracts;

import java.util.Objects;

/**
 * Resolves table locations under a warehouse root. The root is a URI string or a local path so
 * that the same jobs run on local disk or HDFS; every stage finds a table by its contract,
 * never by a hand-built path.
 */
public final class Warehouse {

    /** Written last into each layer folder of a metrics generation: without it the generation never completed. */
    public static final String COMMITTED = "_committed";

    /** Generation name of a layer folder that predates generations (moved aside at the first publish). */
    public static final String BEFORE_GENERATIONS = "before";

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

    /**
     * The generation the marts link of a local warehouse points to: the {@code <id>} of
     * {@code .marts-<id>}, or {@link #BEFORE_GENERATIONS} for a plain folder; empty when there are no
     * marts yet.
     */
    public static java.util.Optional<String> publishedGeneration(java.nio.file.Path localRoot) throws java.io.IOException {
        java.nio.file.Path link = localRoot.resolve(Layer.MARTS.folder());
        if (java.nio.file.Files.isSymbolicLink(link)) {
            String target = java.nio.file.Files.readSymbolicLink(link).getFileName().toString();
            String prefix = "." + Layer.MARTS.folder() + "-";
            return java.util.Optional.of(target.startsWith(prefix) ? target.substring(prefix.length()) : target);
        }
        return java.nio.file.Files.isDirectory(link) ? java.util.Optional.of(BEFORE_GENERATIONS) : java.util.Optional.empty();
    }

    /**
     * Folder of a layer in a given generation: {@code <root>/.<layer>-<id>}, or the layer folder itself
     * for {@link #BEFORE_GENERATIONS} (not yet moved aside).
     */
    public String generationFolder(Layer layer, String generation) {
        return BEFORE_GENERATIONS.equals(generation) ? root + "/" + layer.folder() : root + "/." + layer.folder() + "-" + generation;
    }

    /** Folder of the run manifests. */
    public String runsLocation() {
        return root + "/_runs";
    }

    @Override
    public String toString() {
        return root;
    }
}
