package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.GenerationReaders;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * One metrics run's tables, published together. Every table is written into a new generation
 * folder beside the layer ({@code <root>/.marts-<id>/<table>}); {@link #commit} then switches the
 * layer to it in one step. On a local warehouse the layer folder is a symbolic link replaced by an
 * atomic rename, so a reader sees either every old table or every new one, never a mix and never
 * a missing table. On HDFS (no links) the generation is named by the warehouse's pointer file,
 * written beside and renamed over the old one in one step after every table is written; readers
 * read the pointer first ({@link PublishedTables#pin}). A run that fails before {@link #commit}
 * leaves the published tables untouched.
 */
final class Generation {

    private static final List<Layer> LAYERS = Warehouse.GENERATIONAL;

    private final TableIO io;
    private final Warehouse warehouse;
    private final String id;
    private final FileSystem fs;
    private final boolean local;

    /** @param warehouse pinned to the published generation (on HDFS), which carry-overs copy from */
    Generation(TableIO io, Warehouse warehouse) {
        this.io = io;
        this.warehouse = warehouse;
        this.id = Long.toString(System.currentTimeMillis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            this.fs = new Path(warehouse.root()).getFileSystem(io.spark().sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.local = fs.getScheme().equals("file");
    }

    private Path pending(Layer layer) {
        return new Path(warehouse.generationFolder(layer, id));
    }

    private Path pending(TableContract table) {
        return new Path(pending(table.layer()), table.name());
    }

    /** Writes a checked table into this generation. */
    TableIO.Written publish(Dataset<Row> data, TableContract table) {
        requireGenerational(table);
        return io.write(data, table, pending(table).toString());
    }

    /** Rows held on the driver into this generation (see {@link TableIO#write(List, TableContract, String)}). */
    TableIO.Written publish(java.util.List<org.apache.spark.sql.Row> rows, TableContract table) {
        requireGenerational(table);
        return io.write(rows, table, pending(table).toString());
    }

    /** A table as written into this generation so far (before commit). */
    Dataset<Row> pendingTable(TableContract table) {
        requireGenerational(table);
        return io.spark().read().schema(SparkSchemas.of(table)).parquet(pending(table).toString());
    }

    /** Takes the published table unchanged into this generation; false when there is none. */
    boolean carryOver(TableContract table) {
        requireGenerational(table);
        try {
            Path current = new Path(warehouse.location(table));
            if (!fs.exists(current)) {
                return false;
            }
            return FileUtil.copy(fs, current, fs, pending(table), false, io.spark().sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireGenerational(TableContract table) {
        if (!LAYERS.contains(table.layer())) {
            throw new IllegalArgumentException(table.name() + " is not published by the metrics job");
        }
    }

    /** The metadata of the published marts, empty when there are none yet. */
    Properties published() {
        Properties properties = new Properties();
        Path file = new Path(warehouse.generationMetadata());
        try {
            if (fs.exists(file)) {
                try (InputStream in = fs.open(file)) {
                    properties.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Whether the published table's files match its manifest. */
    boolean intact(TableContract table) {
        return io.intact(table);
    }

    /**
     * Writes this generation's metadata and commit markers (last: a folder without one was never
     * complete) and makes it the published one.
     */
    void commit(Properties metadata) {
        try {
            for (Layer layer : LAYERS) {
                fs.mkdirs(pending(layer));
            }
            try (OutputStream out = fs.create(new Path(pending(Layer.MARTS), Warehouse.GENERATION_METADATA), true)) {
                metadata.store(out, "metrics generation " + id);
            }
            for (Layer layer : LAYERS) {
                try (OutputStream out = fs.create(new Path(pending(layer), Warehouse.COMMITTED), true)) {
                    out.write((id + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (local) {
                java.nio.file.Path folder = localRoot();
                String previous = Warehouse.publishedGeneration(folder).orElse(null);
                for (Layer layer : LAYERS) {
                    switchLink(folder, layer);
                }
                cleanUp(folder, previous == null ? Set.of(id) : Set.of(id, previous));
            } else {
                switchPointer();
                removeUnkept(warehouse.pinnedGeneration().orElse(Warehouse.BEFORE_GENERATIONS));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the metrics tables: " + e.getMessage(), e);
        }
    }

    /** Deletes this generation's folders (after a failure). */
    void abort() {
        for (Layer layer : LAYERS) {
            try {
                fs.delete(pending(layer), true);
            } catch (IOException ignored) {
                // Left for the next commit's clean-up.
            }
        }
    }

    private java.nio.file.Path localRoot() {
        return java.nio.file.Path.of(new Path(warehouse.root()).toUri().getPath());
    }

    private void switchLink(java.nio.file.Path folder, Layer layer) throws IOException {
        java.nio.file.Path link = folder.resolve(layer.folder());
        java.nio.file.Path next = folder.resolve("." + layer.folder() + "-" + id);
        java.nio.file.Path newLink = folder.resolve("." + layer.folder() + "-link-" + id);
        Files.createSymbolicLink(newLink, next.getFileName());
        if (Files.isDirectory(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // A warehouse from before generations: move its real folder aside once.
            Files.move(link, folder.resolve("." + layer.folder() + "-" + Warehouse.BEFORE_GENERATIONS));
        }
        Files.move(newLink, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Keeps the new generation and the one published before it (a reader may still be in it); deletes
     * every other generation folder, complete or left half-written by a failed or killed run, unless a
     * reader still holds it (then the next commit tries again).
     */
    private static void cleanUp(java.nio.file.Path folder, Set<String> keep) throws IOException {
        Map<String, List<java.nio.file.Path>> unkept = new TreeMap<>();
        for (Layer layer : LAYERS) {
            String prefix = "." + layer.folder() + "-";
            List<java.nio.file.Path> entries;
            try (var list = Files.list(folder)) {
                entries = list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            }
            for (java.nio.file.Path entry : entries) {
                String generation = entry.getFileName().toString().substring(prefix.length());
                if (generation.startsWith("link-")) {
                    Files.deleteIfExists(entry);
                } else if (!keep.contains(generation)) {
                    unkept.computeIfAbsent(generation, g -> new ArrayList<>()).add(entry);
                }
            }
        }
        for (Map.Entry<String, List<java.nio.file.Path>> generation : unkept.entrySet()) {
            // All layers of a generation under one lock: a reader finds all of them or none.
            GenerationReaders.deleteUnlessRead(folder, generation.getKey(),
                    () -> generation.getValue().forEach(p -> FileUtil.fullyDelete(p.toFile())));
        }
    }

    /** Writes the pointer beside the published one, then renames it over it: one atomic step on HDFS. */
    private void switchPointer() throws IOException {
        Path pointer = new Path(warehouse.publishedPointer());
        Path next = new Path(pointer.getParent(), "." + pointer.getName() + "-" + id);
        try (OutputStream out = fs.create(next, true)) {
            out.write(Warehouse.pointerText(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        org.apache.hadoop.fs.FileContext.getFileContext(fs.getUri(), fs.getConf())
                .rename(next, pointer, org.apache.hadoop.fs.Options.Rename.OVERWRITE);
    }

    /**
     * Keeps this generation and the one published before it (a reader may still be in it); deletes
     * every other generation folder, complete or left by a failed or killed run, and the plain layer
     * folders of a warehouse from before the pointer once they are not the previous generation.
     * Readers on HDFS take no lock: a reader still in a generation two publishes old loses it.
     */
    private void removeUnkept(String previous) throws IOException {
        Path root = new Path(warehouse.root());
        for (FileStatus entry : fs.listStatus(root)) {
            String name = entry.getPath().getName();
            for (Layer layer : LAYERS) {
                String prefix = "." + layer.folder() + "-";
                if (name.startsWith(prefix) && entry.isDirectory()) {
                    String generation = name.substring(prefix.length());
                    if (!generation.equals(id) && !generation.equals(previous)) {
                        fs.delete(entry.getPath(), true);
                    }
                } else if (name.equals(layer.folder()) && !previous.equals(Warehouse.BEFORE_GENERATIONS)) {
                    fs.delete(entry.getPath(), true);
                }
            }
        }
    }
}
