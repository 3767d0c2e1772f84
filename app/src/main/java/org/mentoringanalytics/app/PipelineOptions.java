package org.mentoringanalytics.app;

import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options every pipeline command shares. */
final class PipelineOptions {

    @Option(names = "--landing", paramLabel = "DIR",
            description = "Input folder in the landing format (default: the bundled sample, sample-data/sample/landing).")
    Path landing;

    Path warehouse = Path.of("warehouse");

    /** The warehouse as given: a local folder, or for metrics an hdfs:// URI. */
    String warehouseText = "warehouse";

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "Warehouse folder: Parquet tables, job repository, rejects (default: ${DEFAULT-VALUE}). "
                    + "metrics also takes an hdfs:// URI.")
    void warehouse(String text) {
        warehouseText = text;
        warehouse = text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") ? Path.of(text.replaceFirst("^[^:]+://", "")) : Path.of(text);
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
