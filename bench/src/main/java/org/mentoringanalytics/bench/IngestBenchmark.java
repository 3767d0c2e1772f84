package org.mentoringanalytics.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.Ingest;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.ingest.IngestSettings;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.mentoringanalytics.ingest.Pseudonymizer;

/**
 * Ingests the benchmark organisation into an empty warehouse and prints rows per second, overall
 * and for the session files; then converts the same session CSV files to Parquet with DuckDB and
 * prints its rows per second and the ratio. Usage: {@code IngestBenchmark <work-folder>}.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "target/bench");
        Path landing = Volumes.landing(root);
        Path warehouse = root.resolve("warehouse-ingest");
        deleteTree(warehouse);

        long started = System.nanoTime();
        long cpuStarted = Volumes.processCpuNanos();
        IngestResult result;
        Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
        try (JobRepositoryDatabase repository = JobRepositoryDatabase.embedded(Path.of(tables.jobRepositoryPath()))) {
            result = Ingest.run(landing, warehouse, LocalDate.of(2026, 9, 30),
                    new Pseudonymizer("benchmark-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                    IngestSettings.defaults(), repository);
        }
        double total = Volumes.seconds(started);
        double cpu = (Volumes.processCpuNanos() - cpuStarted) / 1e9;
        if (result.outcome() != IngestResult.Outcome.COMPLETED) {
            throw new IllegalStateException("ingest did not complete: " + result.error());
        }
        long rows = result.files().stream().mapToLong(IngestResult.FileOutcome::read).sum();
        long sessions = result.files().stream().filter(f -> f.source().equals("sessions"))
                .mapToLong(IngestResult.FileOutcome::read).sum();
        double sessionSeconds = stepSeconds(tables, "stage-sessions");
        System.out.printf("ingest: %,d rows in %.1f s = %,.0f rows/s (whole run: plan, all sources, compaction, publish)%n",
                rows, total, rows / total);
        // Processor time is steadier than wall time on a shared machine: it leaves out waiting for a core.
        System.out.printf("ingest processor time: %.1f s on %d processors (garbage collection and JIT included)%n",
                cpu, Runtime.getRuntime().availableProcessors());
        System.out.printf("ingest sessions step: %,d rows in %.1f s = %,.0f rows/s%n", sessions, sessionSeconds,
                sessions / sessionSeconds);

        Path duckOut = root.resolve("duckdb-sessions.parquet");
        Files.deleteIfExists(duckOut);
        long duckStarted = System.nanoTime();
        long duckRows;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_csv('" + landing.resolve("sessions").toAbsolutePath()
                    + "/*.csv', header = true)) TO '" + duckOut.toAbsolutePath() + "' (FORMAT parquet, COMPRESSION snappy)");
            try (ResultSet count = statement.executeQuery("SELECT count(*) FROM '" + duckOut.toAbsolutePath() + "'")) {
                count.next();
                duckRows = count.getLong(1);
            }
        }
        double duckSeconds = Volumes.seconds(duckStarted);
        System.out.printf("duckdb sessions CSV -> Parquet: %,d rows in %.1f s = %,.0f rows/s%n", duckRows, duckSeconds,
                duckRows / duckSeconds);
        System.out.printf("ratio ingest sessions step / duckdb: %.3f%n", (sessions / sessionSeconds) / (duckRows / duckSeconds));
    }

    /** Duration of the last execution of a step, from the job repository. */
    private static double stepSeconds(Warehouse tables, String step) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + tables.jobRepositoryPath(), "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
                     + step + "' ORDER BY STEP_EXECUTION_ID DESC LIMIT 1")) {
            r.next();
            Timestamp start = r.getTimestamp(1);
            Timestamp end = r.getTimestamp(2);
            return (end.getTime() - start.getTime()) / 1000.0;
        }
    }

    static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
