package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.mentoringanalytics.contracts.GenerationReaders;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * The published metrics generation of a local warehouse, resolved once and held for reading: every
 * intermediate, mart and safe table of one query comes from it, and clean-up cannot delete it while
 * it is held, however many runs publish meanwhile. Staging tables are read where they are.
 */
final class PinnedGeneration implements AutoCloseable {

    private final Warehouse warehouse;
    private final String generation;
    private final AutoCloseable hold;

    private PinnedGeneration(Warehouse warehouse, String generation, AutoCloseable hold) {
        this.warehouse = warehouse;
        this.generation = generation;
        this.hold = hold;
    }

    static PinnedGeneration of(Path root) throws IOException {
        Warehouse warehouse = new Warehouse(root.toAbsolutePath().toString());
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<String> generation = Warehouse.publishedGeneration(root);
            if (generation.isEmpty()) {
                return new PinnedGeneration(warehouse, null, () -> { });
            }
            AutoCloseable hold;
            try {
                hold = GenerationReaders.hold(root.toAbsolutePath(), generation.get());
            } catch (IOException e) {
                // Read-only access to the warehouse: read the generation without holding it.
                System.err.println("note: cannot hold the published tables for this query (" + e.getMessage()
                        + "); it fails if metrics publishes twice while it runs");
                return new PinnedGeneration(warehouse, generation.get(), () -> { });
            }
            // Clean-up may have removed it between resolving the link and taking the lock: resolve again.
            if (Files.isDirectory(Path.of(warehouse.generationFolder(Layer.MARTS, generation.get())))) {
                return new PinnedGeneration(warehouse, generation.get(), hold);
            }
            close(hold);
        }
        throw new IllegalStateException("the published tables of " + root + " changed ten times while being opened: try again");
    }

    /** Where the table is read from: inside the pinned generation for the layers metrics publishes. */
    String location(TableContract table) {
        return (generation == null ? warehouse : warehouse.pinned(generation)).location(table);
    }

    /** The generation read, empty when the warehouse has no published marts. */
    Optional<String> generation() {
        return Optional.ofNullable(generation);
    }

    @Override
    public void close() {
        close(hold);
    }

    private static void close(AutoCloseable hold) {
        try {
            hold.close();
        } catch (Exception e) {
            // The operating system releases the lock when the process ends anyway.
        }
    }
}
