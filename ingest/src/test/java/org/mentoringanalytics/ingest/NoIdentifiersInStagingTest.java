package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.ingest.internal.ParquetTables;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/** Scans every value of every Parquet file ingest wrote for a raw employee identifier or email from the landing files. */
class NoIdentifiersInStagingTest {

    @TempDir
    Path dir;

    @Test
    void noRawIdentifierOrEmailIsInAnyParquetFile() throws Exception {
        Path landing = dir.resolve("landing");
        SampleData.generate(new GeneratorConfig(3L, 150, 3, LocalDate.of(2026, 9, 30), 0.5), landing);
        Set<String> identifiers = new HashSet<>();
        Set<String> emails = new HashSet<>();
        try (Reader in = Files.newBufferedReader(landing.resolve("hr/employees.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                identifiers.add(r.get("employee_id"));
                emails.add(r.get("email"));
            }
        }
        Path warehouse = dir.resolve("warehouse");
        assertThat(IngestRun.run(landing, warehouse).outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);

        long values = 0;
        try (Stream<Path> files = Files.walk(warehouse)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                Set<String> found = new HashSet<>();
                long[] count = {0};
                ParquetTables.read(file, null, r -> {
                    for (Schema.Field field : r.getSchema().getFields()) {
                        Object value = r.get(field.name());
                        if (value instanceof CharSequence text) {
                            count[0]++;
                            String s = text.toString();
                            if (identifiers.contains(s) || emails.contains(s) || s.contains("@")) {
                                found.add(field.name() + "=" + s);
                            }
                        }
                    }
                });
                values += count[0];
                assertThat(found).as(file.toString()).isEmpty();
            }
        }
        assertThat(values).as("string values scanned").isGreaterThan(10_000);
        assertThat(identifiers).hasSizeGreaterThan(150);
    }
}
