package org.mentoringanalytics.contracts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The warehouse layout, in one place: where each table, generation, lock, log and working folder
 * lives under a warehouse root. The root is a URI string or a local path so that the same stages
 * run on local disk or HDFS; every stage finds a location here, never by a hand-built path.
 *
 * <p>A warehouse is either <em>followed</em> (the layer folders as they are now: on local disk each
 * published layer is a symbolic link to its generation) or <em>pinned</em> to one generation, whose
 * folders it names directly. File systems without symbolic links (HDFS) name the published generation
 * in {@link #publishedPointer()}: readers pin to what it names, so all their tables come from one
 * generation.
 */
public final class Warehouse {

    /** Layers a metrics run publishes together, as one generation. */
    public static final List<Layer> GENERATIONAL = List.of(Layer.INTERMEDIATE, Layer.MARTS, Layer.SAFE);

    /** Folders holding rows about people (pseudonymized, but not for every reader). */
    public static final List<String> PERSON_LEVEL_FOLDERS = List.of(Layer.STAGING.folder(), Layer.INTERMEDIATE.folder(),
            Layer.RESTRICTED.folder(), "rejects", "_ingest", "_repository", "_audit");

    /** Metadata file of a generation, in its marts folder. */
    public static final String GENERATION_METADATA = "_generation.properties";

    /** Written last into each layer folder of a metrics generation: without it the generation never completed. */
    public static final String COMMITTED = "_committed";

    /** Generation name of a layer folder that predates generations (moved aside at the first publish). */
    public static final String BEFORE_GENERATIONS = "before";

    private final String root;
    private final String generation;

    public Warehouse(String root) {
        this(root, null);
    }

    private Warehouse(String root, String generation) {
        Objects.requireNonNull(root, "root");
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.generation = generation;
    }

    public String root() {
        return root;
    }

    /** Whether the root is on the local file system (a path or a file: URI). */
    public boolean isLocal() {
        return !root.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") || root.startsWith("file:");
    }

    /** The same warehouse with its generational layers read from {@code generation}'s folders. */
    public Warehouse pinned(String generation) {
        return new Warehouse(root, Objects.requireNonNull(generation, "generation"));
    }

    /** The generation this warehouse is pinned to; empty when it follows the layer folders. */
    public Optional<String> pinnedGeneration() {
        return Optional.ofNullable(generation);
    }

    /**
     * Location of the published table: {@code <root>/<layer>/<table>}, or inside the pinned
     * generation's folder for a generational layer.
     */
    public String location(TableContract table) {
        return layerFolder(table.layer()) + "/" + table.name();
    }

    /** Folder of a layer: the pinned generation's for a generational layer, else {@code <root>/<layer>}. */
    public String layerFolder(Layer layer) {
        return generation != null && GENERATIONAL.contains(layer) ? generationFolder(layer, generation)
                : root + "/" + layer.folder();
    }

    /** The generation metadata ({@link #GENERATION_METADATA}) of the published (or pinned) marts. */
    public String generationMetadata() {
        return layerFolder(Layer.MARTS) + "/" + GENERATION_METADATA;
    }

    /**
     * On file systems without symbolic links: the file naming the published generation, replaced
     * in one rename after every table of the new generation is written. Absent before the first
     * generation published so (then the plain layer folders are the published ones).
     */
    public String publishedPointer() {
        return root + "/_published";
    }

    /** Reads a small file of the warehouse's file system; empty when it does not exist. */
    @FunctionalInterface
    public interface TextFiles {
        Optional<String> read(String location) throws java.io.IOException;
    }

    /**
     * This warehouse pinned to the generation {@link #publishedPointer()} names, so that every table a
     * reader opens comes from that one generation. Itself when local (its layer links are resolved
     * per read), when already pinned, or when there is no pointer (the plain layer folders are
     * published).
     */
    public Warehouse pinnedToPublished(TextFiles files) throws java.io.IOException {
        if (isLocal() || generation != null) {
            return this;
        }
        Optional<String> pointer = files.read(publishedPointer());
        return pointer.isEmpty() ? this : pinned(parsePointer(pointer.get()));
    }

    /** The text of {@link #publishedPointer()} naming {@code generation}. */
    public static String pointerText(String generation) {
        return "generation=" + generation + "\n";
    }

    /** The generation a {@link #publishedPointer()} file names. */
    public static String parsePointer(String text) {
        String line = text.strip();
        if (!line.matches("generation=[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a published-generation pointer: '" + line + "'");
        }
        return line.substring("generation=".length());
    }

    /** Location of the Spring Batch job repository database (an H2 file) inside the warehouse. */
    public String jobRepositoryPath() {
        return jobRepositoryFolder() + "/jobs";
    }

    /** Folder of the embedded job repository's files. */
    public String jobRepositoryFolder() {
        return root + "/_repository";
    }

    /** Folder of every ingest run's rejects folder. */
    public String rejectsFolder() {
        return root + "/rejects";
    }

    /** Folder that receives quarantined rows of one ingest run. */
    public String rejectsLocation(long runId) {
        return rejectsFolder() + "/" + runId;
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

    /** Folder of the lock files (pipeline runs, generation readers). */
    public String locksLocation() {
        return root + "/_locks";
    }

    /** The lock one pipeline run at a time holds. */
    public String pipelineLock() {
        return locksLocation() + "/pipeline.lock";
    }

    /** The lock readers of one generation share. */
    public String generationLock(String generation) {
        return locksLocation() + "/generation-" + generation + ".lock";
    }

    /** Folder of the named ad-hoc cuts, one table folder each. */
    public String adhocLocation() {
        return root + "/adhoc";
    }

    /** Folder of one named ad-hoc cut. */
    public String adhocLocation(String name) {
        return adhocLocation() + "/" + name;
    }

    /** Log of every sql query that read person-level tables. */
    public String sqlAccessLog() {
        return root + "/_audit/sql-access.log";
    }

    /** Working folder of one ingest run (part files, compacted tables waiting to be published). */
    public String ingestRunFolder(long runKey) {
        return root + "/_ingest/run-" + runKey;
    }

    /** Fingerprint of the pseudonymization key the staging tables were written with. */
    public String keyFingerprint() {
        return root + "/_key-fingerprint";
    }

    @Override
    public String toString() {
        return generation == null ? root : root + " (generation " + generation + ")";
    }
}
