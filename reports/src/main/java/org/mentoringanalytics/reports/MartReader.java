package org.mentoringanalytics.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Reads a published mart by its contract into rows keyed by column name. Only marts: reports
 * never read staging or intermediate tables. Values come back as String, Long, Integer, Double
 * or LocalDate, as the contract types them. A local warehouse is read from its files; any other
 * (hdfs://) through the Hadoop file system of its root.
 */
public final class MartReader {

    /**
     * Parquet settings for every read, without Hadoop's XML resources: a builder left to make its own
     * configuration parses them for each file it opens. Only read after it is made, so it is shared.
     */
    private static final org.apache.parquet.conf.ParquetConfiguration READ_CONFIGURATION =
            new org.apache.parquet.conf.HadoopParquetConfiguration(new org.apache.hadoop.conf.Configuration(false));

    private static final String MARTS_REMEDY = "Run metrics again (mentoring-analytics metrics): it recomputes every mart.";

    private final Path marts;
    private final org.apache.hadoop.fs.Path remoteMarts;
    private final org.apache.hadoop.conf.Configuration conf;

    /** Resolves the marts layer once, so every mart this reader reads comes from the same published generation. */
    public MartReader(Warehouse warehouse) {
        if (warehouse.isLocal()) {
            Path layer = Path.of(new org.apache.hadoop.fs.Path(warehouse.layerFolder(Layer.MARTS)).toUri().getPath());
            Path real;
            try {
                real = Files.exists(layer) ? layer.toRealPath() : layer;
            } catch (IOException e) {
                real = layer;
            }
            this.marts = real;
            this.remoteMarts = null;
            this.conf = null;
        } else {
            this.conf = new org.apache.hadoop.conf.Configuration();
            this.marts = null;
            this.remoteMarts = new org.apache.hadoop.fs.Path(pin(warehouse, conf).layerFolder(Layer.MARTS));
        }
    }

    private static Warehouse pin(Warehouse warehouse, org.apache.hadoop.conf.Configuration conf) {
        try {
            return warehouse.pinnedToPublished(location -> {
                org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(location);
                FileSystem fs = file.getFileSystem(conf);
                if (!fs.exists(file)) {
                    return java.util.Optional.empty();
                }
                try (java.io.InputStream in = fs.open(file)) {
                    return java.util.Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + warehouse.publishedPointer() + ": " + e.getMessage(), e);
        }
    }

    /** The metadata the metrics run wrote with these marts (as-of date, code version); empty when there is none. */
    public java.util.Properties generationMetadata() {
        java.util.Properties properties = new java.util.Properties();
        try {
            if (marts != null) {
                Path file = marts.resolve(Warehouse.GENERATION_METADATA);
                if (Files.isRegularFile(file)) {
                    try (java.io.InputStream in = Files.newInputStream(file)) {
                        properties.load(in);
                    }
                }
            } else {
                org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(remoteMarts, Warehouse.GENERATION_METADATA);
                FileSystem fs = file.getFileSystem(conf);
                if (fs.exists(file)) {
                    try (java.io.InputStream in = fs.open(file)) {
                        properties.load(in);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the marts' generation metadata: " + e.getMessage(), e);
        }
        return properties;
    }

    public List<Map<String, Object>> read(TableContract mart) {
        if (mart.layer() != Layer.MARTS) {
            throw new IllegalArgumentException("reports read marts only, not " + mart.name());
        }
        Table folder = marts != null ? new LocalTable(marts.resolve(mart.name())) : new HadoopTable(new org.apache.hadoop.fs.Path(remoteMarts, mart.name()), conf);
        try {
            if (!folder.exists()) {
                throw new IllegalStateException("mart " + mart.name() + " has not been computed yet: " + folder
                        + " is missing (run the metrics stage first)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mart " + mart.name(), e);
        }
        List<String> problems;
        try {
            TableManifest manifest = folder.manifest();
            problems = manifest == null ? List.of() : manifest.problems(folder);
        } catch (IOException | IllegalArgumentException e) {
            problems = List.of(TableManifest.FILE + " cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            // No figure of a report may come from a table that is not what metrics wrote.
            throw new DamagedTable(mart, folder.toString(), problems, MARTS_REMEDY);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (String file : folder.dataFiles()) {
                if (!file.endsWith(".parquet")) {
                    continue;
                }
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(folder.input(file),
                        READ_CONFIGURATION).build()) {
                    for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                        rows.add(toRow(record, mart));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mart " + mart.name(), e);
        }
        return rows;
    }

    /** A mart's folder: its visible files, its manifest and each file as Parquet input. */
    private interface Table extends TableManifest.Folder {
        boolean exists() throws IOException;

        TableManifest manifest() throws IOException;

        InputFile input(String file) throws IOException;
    }

    private record LocalTable(Path folder) implements Table {
        @Override
        public boolean exists() {
            return Files.isDirectory(folder);
        }

        @Override
        public TableManifest manifest() {
            return TableManifest.readLocal(folder);
        }

        @Override
        public InputFile input(String file) {
            return new LocalInputFile(folder.resolve(file));
        }

        @Override
        public List<String> dataFiles() throws IOException {
            return TableManifest.local(folder).dataFiles();
        }

        @Override
        public long size(String file) throws IOException {
            return Files.size(folder.resolve(file));
        }

        @Override
        public java.io.InputStream open(String file) throws IOException {
            return Files.newInputStream(folder.resolve(file));
        }

        @Override
        public String toString() {
            return folder.toString();
        }
    }

    private record HadoopTable(org.apache.hadoop.fs.Path folder, org.apache.hadoop.conf.Configuration conf) implements Table {
        private FileSystem fs() throws IOException {
            return folder.getFileSystem(conf);
        }

        @Override
        public boolean exists() throws IOException {
            return fs().isDirectory(folder);
        }

        @Override
        public TableManifest manifest() throws IOException {
            org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder, TableManifest.FILE);
            if (!fs().exists(file)) {
                return null;
            }
            try (java.io.InputStream in = fs().open(file)) {
                return TableManifest.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }

        @Override
        public InputFile input(String file) throws IOException {
            return HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(folder, file), conf);
        }

        @Override
        public List<String> dataFiles() throws IOException {
            return java.util.Arrays.stream(fs().listStatus(folder)).filter(FileStatus::isFile).map(f -> f.getPath().getName())
                    .filter(n -> !n.startsWith(".") && !n.startsWith("_")).sorted().toList();
        }

        @Override
        public long size(String file) throws IOException {
            return fs().getFileStatus(new org.apache.hadoop.fs.Path(folder, file)).getLen();
        }

        @Override
        public java.io.InputStream open(String file) throws IOException {
            return fs().open(new org.apache.hadoop.fs.Path(folder, file));
        }

        @Override
        public String toString() {
            return folder.toString();
        }
    }

    private static Map<String, Object> toRow(GenericRecord record, TableContract mart) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : mart.columns()) {
            Object value = record.get(column.name());
            row.put(column.name(), value instanceof Utf8 || value instanceof CharSequence ? value.toString() : value);
        }
        return row;
    }
}
