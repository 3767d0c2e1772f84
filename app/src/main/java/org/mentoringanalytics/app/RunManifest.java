package org.mentoringanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.jobs.MetricsJob;

/**
 * The manifest of one refresh or run, {@code <warehouse>/_runs/<job>-<execution>.json}, never
 * overwritten: the input files
 * with their content hashes, rows per table, rejects, which table groups were recomputed or
 * carried over, the report written, the code version and each step's time.
 */
final class RunManifest {

    private RunManifest() {
    }

    static Path write(RefreshRun run, long executionId) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("run", executionId);
        root.put("job", run.job);
        root.put("written_at", Instant.now().toString());
        root.put("code_version", new Main.Version().getVersion()[0]);
        root.put("metrics_code_fingerprint", MetricsJob.codeVersion());
        root.put("as_of", run.options.asOf().toString());
        root.put("landing", run.options.landing().toAbsolutePath().toString());
        root.put("warehouse", run.options.warehouse.toAbsolutePath().toString());

        ObjectNode ingest = root.putObject("ingest");
        ingest.put("ingest_run", run.ingest.runId());
        if (run.ingest.resumedRunId() > 0) {
            ingest.put("resumed_ingest_run", run.ingest.resumedRunId());
        }
        ingest.put("outcome", run.ingest.outcome().name().toLowerCase());
        ingest.put("rows_rejected", run.ingest.totalRejected());
        ArrayNode files = ingest.putArray("files");
        for (IngestResult.FileOutcome f : run.ingest.files()) {
            ObjectNode file = files.addObject();
            file.put("file", f.file());
            file.put("source", f.source());
            file.put("status", f.status());
            file.put("rows_read", f.read());
            file.put("rows_written", f.written());
            file.put("rows_rejected", f.rejected());
            file.put("content_hash", f.contentHash());
        }

        ObjectNode metrics = root.putObject("metrics");
        metrics.putPOJO("recomputed", run.metrics.recomputed().stream().map(g -> g.name().toLowerCase()).toList());
        metrics.putPOJO("carried_over", run.metrics.carried().stream().map(g -> g.name().toLowerCase()).toList());
        ObjectNode rows = metrics.putObject("rows");
        run.metrics.rows().forEach(rows::put);

        ObjectNode report = root.putObject("report");
        if (run.report != null) {
            report.put("quarter", run.report.quarter().toString());
            report.put("pdf", run.report.pdf().toAbsolutePath().toString());
            report.put("files", run.report.files().size());
        } else {
            report.put("skipped", run.reportSkipped);
        }
        ObjectNode timings = root.putObject("seconds");
        run.timings.forEach((step, duration) -> timings.put(step, duration.toMillis() / 1000.0));

        Path folder = Path.of(new org.mentoringanalytics.contracts.Warehouse(run.options.warehouse.toAbsolutePath().toString()).runsLocation());
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + run.job + "-" + executionId + ".json.tmp");
        json.writeValue(temporary.toFile(), root);
        // Never over another run's manifest: a hard link fails where a rename would replace.
        for (int n = 1; ; n++) {
            Path file = folder.resolve(run.job + "-" + executionId + (n == 1 ? "" : "-" + n) + ".json");
            try {
                Files.createLink(file, temporary);
                Files.delete(temporary);
                return file;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                run.err.println("warning: " + file.getFileName() + " exists already (kept); this run's manifest gets the next name");
            }
        }
    }
}
