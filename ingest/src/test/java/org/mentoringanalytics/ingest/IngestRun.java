package org.mentoringanalytics.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.internal.ParquetTables;

/** Runs ingest the way the application does, with the embedded job repository, and reads what it wrote. */
final class IngestRun {

    static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    private IngestRun() {
    }

    static IngestResult run(Path landing, Path warehouse) throws Exception {
        return run(landing, warehouse, IngestSettings.defaults());
    }

    static IngestResult run(Path landing, Path warehouse, IngestSettings settings) throws Exception {
        try (JobRepositoryDatabase repository = JobRepositoryDatabase.embedded(
                Path.of(new Warehouse(warehouse.toAbsolutePath().toString()).jobRepositoryPath()))) {
            return Ingest.run(landing, warehouse, AS_OF, PSEUDONYMIZER, settings, repository);
        }
    }

    static List<GenericRecord> read(Path warehouse, TableContract table) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        for (Path file : ParquetTables.dataFiles(Path.of(new Warehouse(warehouse.toString()).location(table)))) {
            ParquetTables.read(file, null, rows::add);
        }
        return rows;
    }

    static List<CSVRecord> rejects(IngestResult result, String source) throws IOException {
        Path file = result.rejectsFolder().resolve(source + ".csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(file)).getRecords();
    }

    static IngestResult.FileOutcome file(IngestResult result, String file) {
        return result.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow(
                () -> new AssertionError(file + " not in " + result.files()));
    }
}
