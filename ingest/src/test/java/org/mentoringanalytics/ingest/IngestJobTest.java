package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;

class IngestJobTest {

    static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    static final LocalDate AS_OF = LocalDate.of(2026, 9, 30);

    @TempDir
    Path dir;

    @Test
    void writesStagingTablesWithPseudonymsAndQuarantinesBadRows() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");

        IngestResult result = Ingest.run(landing, warehouse, AS_OF, PSEUDONYMIZER, new IngestSettings(2));

        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        List<GenericRecord> employees = read(warehouse, Tables.STG_EMPLOYEES);
        assertThat(employees).hasSize(4);
        String pseudonymOfE1 = PSEUDONYMIZER.pseudonym("E1");
        GenericRecord e1 = employees.stream().filter(r -> r.get("employee_key").toString().equals(pseudonymOfE1))
                .findFirst().orElseThrow();
        assertThat(e1.get("hire_date")).isEqualTo(LocalDate.of(2020, 1, 6));
        assertThat(e1.get("termination_type").toString()).isEqualTo("voluntary");
        assertThat(e1.getSchema().getField("email")).isNull();

        // Two sessions are valid; the third has a channel outside the accepted values, the fourth a bad duration.
        List<GenericRecord> sessions = read(warehouse, Tables.STG_SESSIONS);
        assertThat(sessions).extracting(r -> r.get("session_id").toString()).containsExactlyInAnyOrder("S1", "S2");
        GenericRecord s1 = sessions.stream().filter(r -> r.get("session_id").toString().equals("S1")).findFirst().orElseThrow();
        // 2026-03-02T10:00:00+01:00 is 09:00 UTC.
        assertThat(s1.get("started_at")).isEqualTo(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(s1.get("logged_by_key").toString()).isEqualTo(PSEUDONYMIZER.pseudonym("E2"));

        IngestResult.SourceCounts sessionCounts = result.sources().stream()
                .filter(c -> c.source().equals("sessions")).findFirst().orElseThrow();
        assertThat(sessionCounts).isEqualTo(new IngestResult.SourceCounts("sessions", 4, 2, 2));
        List<String> rejects = Files.readAllLines(result.rejectsFolder().resolve("sessions.csv"));
        assertThat(rejects.get(0)).isEqualTo("file,line,field,reason,original");
        assertThat(rejects.get(1)).isEqualTo("sessions/sessions-2026.csv,4,channel,\"'pigeon' is not one of [video, phone, chat, email, in_person]\","
                + "\"S3,M1,2026-03-21T10:00:00Z,30,pigeon,sync,E1\"");
        assertThat(rejects.get(2)).startsWith("sessions/sessions-2026.csv,5,duration_minutes,'forty' is not a valid whole number");
    }

    @Test
    void noRawIdentifierOrEmailReachesTheWarehouse() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        Ingest.run(landing, warehouse, AS_OF, PSEUDONYMIZER, IngestSettings.defaults());
        for (TableContract table : Tables.all()) {
            if (table.layer() != org.mentoringanalytics.contracts.Layer.STAGING) {
                continue;
            }
            for (GenericRecord record : read(warehouse, table)) {
                String text = record.toString();
                assertThat(text).doesNotContain("\"E1\"").doesNotContain("\"E2\"").doesNotContain("@example.com");
            }
        }
    }

    @Test
    void secondRunOnTheSameLandingChangesNothing() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Path warehouse = dir.resolve("warehouse");
        IngestResult first = Ingest.run(landing, warehouse, AS_OF, PSEUDONYMIZER, IngestSettings.defaults());
        List<String> before = listing(warehouse.resolve("staging"));

        IngestResult second = Ingest.run(landing, warehouse, AS_OF, PSEUDONYMIZER, IngestSettings.defaults());

        assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.ALREADY_INGESTED);
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(listing(warehouse.resolve("staging"))).isEqualTo(before);
        assertThat(read(warehouse, Tables.STG_SESSIONS)).hasSize(2);
    }

    static List<GenericRecord> read(Path warehouse, TableContract table) throws IOException {
        Path folder = Path.of(new Warehouse(warehouse.toString()).location(table));
        List<GenericRecord> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file)).build()) {
                    for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                        rows.add(r);
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.map(p -> root.relativize(p) + ":" + p.toFile().lastModified()).sorted().toList();
        }
    }
}
