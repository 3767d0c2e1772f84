package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;

/** Writes and checks the {@link TableManifest} of a local staging table folder. */
public final class StagingManifests {

    private StagingManifests() {
    }

    /**
     * Writes the folder's manifest. A part file hard-linked unchanged from the published table keeps
     * the checksum the published manifest gives it, so unchanged data is not read again.
     *
     * @param published the table's published folder (may not exist)
     */
    static TableManifest write(Path folder, TableContract table, Path published) throws IOException {
        Map<String, TableManifest.Part> known = new java.util.HashMap<>();
        // The published table was checked against its manifest when the run started.
        TableManifest before = Files.isDirectory(published) ? TableManifest.readLocal(published) : null;
        if (before != null) {
            before.parts().forEach(p -> known.put(p.file(), p));
        }
        List<TableManifest.Part> parts = new ArrayList<>();
        for (Path file : ParquetTables.dataFiles(folder)) {
            String name = file.getFileName().toString();
            long bytes = Files.size(file);
            TableManifest.Part earlier = known.get(name);
            if (earlier != null && Files.exists(published.resolve(name)) && Files.isSameFile(file, published.resolve(name))) {
                parts.add(earlier);
                continue;
            }
            long rows;
            try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), org.apache.parquet.ParquetReadOptions
                    .builder(new org.apache.parquet.conf.PlainParquetConfiguration()).build())) {
                rows = reader.getRecordCount();
            }
            String digest;
            try (InputStream in = Files.newInputStream(file)) {
                digest = TableManifest.sha256(in);
            }
            parts.add(new TableManifest.Part(name, bytes, rows, digest));
        }
        TableManifest manifest = new TableManifest(table.name(), parts);
        Path temporary = folder.resolve("." + TableManifest.FILE + ".tmp");
        Files.writeString(temporary, manifest.toText(), StandardCharsets.UTF_8);
        Files.move(temporary, folder.resolve(TableManifest.FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return manifest;
    }

    /**
     * What differs between a published table and its manifest; empty when they agree or when the
     * table (or its manifest, for a table written before manifests) does not exist.
     */
    public static List<String> problems(Path folder) throws IOException {
        TableManifest manifest;
        try {
            manifest = TableManifest.readLocal(folder);
        } catch (IllegalArgumentException e) {
            return List.of(TableManifest.FILE + " cannot be read: " + e.getMessage());
        }
        return manifest == null ? List.of() : manifest.problems(TableManifest.local(folder));
    }
}
