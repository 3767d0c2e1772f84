package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;

/**
 * The {@link TableManifest} of a table folder on any Hadoop file system: written after the
 * table's files, and checked before a table is trusted.
 */
final class TableFiles {

    private TableFiles() {
    }

    /** Writes the manifest of the table's folder as it is now. */
    static TableManifest writeManifest(FileSystem fs, Path folder, TableContract table) {
        Configuration conf = fs.getConf();
        try {
            TableManifest.Folder files = folder(fs, folder);
            List<TableManifest.Part> parts = new ArrayList<>();
            for (String name : files.dataFiles()) {
                // Qualified with the folder's own file system: the conf of a cached instance may name another default.
                Path file = fs.makeQualified(new Path(folder, name));
                long rows;
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
                    rows = reader.getRecordCount();
                }
                String digest;
                try (InputStream in = fs.open(file)) {
                    digest = TableManifest.sha256(in);
                }
                parts.add(new TableManifest.Part(name, fs.getFileStatus(file).getLen(), rows, digest));
            }
            TableManifest manifest = new TableManifest(table.name(), parts);
            try (OutputStream out = fs.create(new Path(folder, TableManifest.FILE), true)) {
                out.write(manifest.toText().getBytes(StandardCharsets.UTF_8));
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * What differs between the folder and its manifest; empty when they agree. A folder without a
     * manifest (written before manifests existed) has no problems to report.
     */
    static List<String> problems(FileSystem fs, Path folder) {
        try {
            Path file = new Path(folder, TableManifest.FILE);
            if (!fs.exists(file)) {
                return List.of();
            }
            TableManifest manifest;
            try (InputStream in = fs.open(file)) {
                manifest = TableManifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return List.of(TableManifest.FILE + " cannot be read: " + e.getMessage());
            }
            return manifest.problems(folder(fs, folder));
        } catch (IOException e) {
            return List.of("cannot be read: " + e.getMessage());
        }
    }

    static TableManifest.Folder folder(FileSystem fs, Path folder) {
        return new TableManifest.Folder() {
            @Override
            public List<String> dataFiles() throws IOException {
                if (!fs.exists(folder)) {
                    return List.of();
                }
                return Arrays.stream(fs.listStatus(folder)).filter(FileStatus::isFile).map(s -> s.getPath().getName())
                        .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted().toList();
            }

            @Override
            public long size(String file) throws IOException {
                return fs.getFileStatus(new Path(folder, file)).getLen();
            }

            @Override
            public InputStream open(String file) throws IOException {
                return fs.open(new Path(folder, file));
            }
        };
    }
}
