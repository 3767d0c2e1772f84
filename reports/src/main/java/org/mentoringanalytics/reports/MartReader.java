package org.mentoringanalytics.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;

/**
 * Reads a published mart by its contract into rows keyed by column name. Only marts: reports
 * never read staging or intermediate tables. Values come back as String, Long, Integer, Double
 * or LocalDate, as the contract types them.
 */
public final class MartReader {

    private static final String MARTS_REMEDY = "Run metrics again (mentoring-analytics metrics): it recomputes every mart.";

    private final Path marts;

    /** Resolves the marts layer once, so every mart this reader reads comes from the same published generation. */
    public MartReader(Warehouse warehouse) {
        Path layer = Path.of(warehouse.root(), Layer.MARTS.folder());
        Path real;
        try {
            real = Files.exists(layer) ? layer.toRealPath() : layer;
        } catch (IOException e) {
            real = layer;
        }
        this.marts = real;
    }

    public List<Map<String, Object>> read(TableContract mart) {
        if (mart.layer() != Layer.MARTS) {
            throw new IllegalArgumentException("reports read marts only, not " + mart.name());
        }
        Path folder = marts.resolve(mart.name());
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("mart " + mart.name() + " has not been computed yet: " + folder
                    + " is missing (run the metrics stage first)");
        }
        List<String> problems;
        try {
            TableManifest manifest = TableManifest.readLocal(folder);
            problems = manifest == null ? List.of() : manifest.problems(TableManifest.local(folder));
        } catch (IOException | IllegalArgumentException e) {
            problems = List.of(TableManifest.FILE + " cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            // No figure of a report may come from a table that is not what metrics wrote.
            throw new DamagedTable(mart, folder.toString(), problems, MARTS_REMEDY);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(MartReader::isDataFile).sorted().toList()) {
                try (ParquetReader<GenericRecord> reader =
                             AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
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

    private static boolean isDataFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
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
