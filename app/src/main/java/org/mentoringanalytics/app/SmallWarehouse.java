package org.mentoringanalytics.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Spark settings for a small warehouse on the embedded master. On a few megabytes a metrics run's
 * time is Spark's fixed cost per query, not the data: generating and compiling Java for every
 * operator (then JIT-compiling it), and a job per adaptive stage. Below {@link #STAGING_BYTES} of
 * staging Parquet the session therefore evaluates expressions interpreted, without whole-stage code
 * generation, and plans one shuffle partition without adaptive re-planning. Spark's own test
 * suites run every expression both ways and require the same results; the end-to-end tests compare
 * every table of both ways row for row. Settings given with {@code --spark-conf} win.
 */
final class SmallWarehouse {

    /** Staging Parquet up to this size is small (the bundled sample has about 0.5 MB). */
    static final long STAGING_BYTES = 32L * 1024 * 1024;

    static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            // Internal to Spark (its tests switch it): NO_CODEGEN makes projections, predicates and orderings interpreted.
            "spark.sql.codegen.factoryMode", "NO_CODEGEN",
            "spark.sql.adaptive.enabled", "false",
            "spark.sql.shuffle.partitions", "1");

    private SmallWarehouse() {
    }

    /** Whether a session on {@code master} over the warehouse at {@code root} gets {@link #SETTINGS}. */
    static boolean applies(String master, String root) {
        return master.strip().startsWith("local") && small(root);
    }

    /** Whether the warehouse at {@code root} is local and its staging tables are at most {@link #STAGING_BYTES}. */
    static boolean small(String root) {
        return !root.contains("://") && stagingBytes(Path.of(root)) <= STAGING_BYTES;
    }

    /**
     * Whether an ingest of {@code landing} into the local warehouse at {@code root} is small: landing
     * files and staging tables each up to {@link #STAGING_BYTES} (the sample's landing is 1.4 MB).
     */
    static boolean smallIngest(Path landing, String root) {
        return !root.contains("://") && bytes(landing) <= STAGING_BYTES && stagingBytes(Path.of(root)) <= STAGING_BYTES;
    }

    /** Bytes of the staging tables' files (0 for a new warehouse). */
    static long stagingBytes(Path root) {
        Path staging = Path.of(new Warehouse(root.toString()).layerFolder(org.mentoringanalytics.contracts.Layer.STAGING));
        return bytes(staging);
    }

    /**
     * Bytes of the regular files under a folder, linked folders included (0 when there is none);
     * {@link Long#MAX_VALUE}, so never small, when it cannot be read whole.
     */
    static long bytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return Long.MAX_VALUE;
        }
    }
}
