package org.mentoringanalytics.app;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options every pipeline command shares. */
final class PipelineOptions {

    @Option(names = "--landing", paramLabel = "DIR",
            description = "Input folder in the landing format (default: the bundled sample, sample-data/sample/landing).")
    Path landing;

    /**
     * The warehouse's local folder: the warehouse itself, or for an hdfs:// warehouse its working copy
     * (ingest's staging tables, the job repository, locks and run records).
     */
    Path warehouse = Path.of("warehouse");

    /** The warehouse as given: a local folder, a file:// or an hdfs:// URI. */
    String warehouseText = "warehouse";

    private Path workingCopy;

    @Option(names = "--warehouse", paramLabel = "DIR|URI", defaultValue = "warehouse",
            description = "Warehouse folder: Parquet tables, job repository, rejects (default: ${DEFAULT-VALUE}). "
                    + "ingest, metrics, report, run and refresh also take an hdfs:// URI (see --working-copy).")
    void warehouse(String text) {
        warehouseText = text;
        if (!text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            warehouse = Path.of(text);
        } else if (text.startsWith("file:")) {
            warehouse = Path.of(java.net.URI.create(text).getPath());
        } else {
            warehouse = workingCopy != null ? workingCopy : Locations.defaultWorkingCopy(text);
        }
    }

    @Option(names = "--working-copy", paramLabel = "DIR",
            description = "For an hdfs:// warehouse: the local folder where ingest works and the job repository, locks "
                    + "and run records live; brought up to date from the warehouse first, published to it after "
                    + "(default: $XDG_CACHE_HOME or ~/.cache, then mentoring-analytics/warehouses/HOST_PORT/PATH).")
    void workingCopy(Path folder) {
        workingCopy = folder;
        if (warehouseText.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") && !warehouseText.startsWith("file:")) {
            warehouse = folder;
        }
    }

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Folder receiving the PDF, PNGs and CSVs (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "As-of date, YYYY-MM-DD (default: the landing folder's extraction date in landing.properties, else today).")
    LocalDate asOf;

    Path landing() {
        return landing != null ? landing : Locations.bundledLanding();
    }

    LocalDate asOf() {
        if (asOf != null) {
            return asOf;
        }
        return Locations.extractionDate(landing()).orElse(LocalDate.now());
    }
}
