package org.mentoringanalytics.ingest.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import org.mentoringanalytics.contracts.Warehouse;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job parameters of one ingest run as typed values, written and read in this one place.
 * {@code run.key} and {@code as_of} identify the run; the others only describe it, so a restart
 * finds the same job instance.
 *
 * @param runKey            a key unique to the run (its start time in milliseconds)
 * @param asOf              nothing in the data may be later
 * @param landing           the landing folder
 * @param warehouse         the warehouse root
 * @param runFolder         the run's private working folder
 * @param maxRejectsPerFile more rejects in one file stop the run
 * @param rebuild           sources built again from their landing files alone
 */
public record IngestRunParameters(long runKey, LocalDate asOf, Path landing, String warehouse, Path runFolder,
                                  long maxRejectsPerFile, Rebuild rebuild) {

    private static final String RUN_KEY = "run.key";
    private static final String AS_OF = "as_of";
    private static final String LANDING = "landing";
    private static final String WAREHOUSE = "warehouse";
    private static final String RUN_FOLDER = "run.folder";
    private static final String MAX_REJECTS = "max.rejects.per.file";

    /** A new run of {@code landing} into {@code warehouse}, its working folder under {@code _ingest}. */
    public static IngestRunParameters newRun(long runKey, LocalDate asOf, Path landing, Path warehouse,
                                             long maxRejectsPerFile, Set<String> rebuild) {
        Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
        return new IngestRunParameters(runKey, asOf, landing.toAbsolutePath(), tables.root(),
                Path.of(tables.ingestRunFolder(runKey)), maxRejectsPerFile, new Rebuild(rebuild));
    }

    public static IngestRunParameters of(JobParameters parameters) {
        Long key = parameters.getLong(RUN_KEY);
        return new IngestRunParameters(key == null ? 0 : key, LocalDate.parse(parameters.getString(AS_OF)),
                Path.of(parameters.getString(LANDING)), parameters.getString(WAREHOUSE),
                Path.of(parameters.getString(RUN_FOLDER)), parameters.getLong(MAX_REJECTS, Long.MAX_VALUE),
                Rebuild.of(parameters));
    }

    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addLong(RUN_KEY, runKey, true)
                .addString(AS_OF, asOf.toString(), true)
                .addString(LANDING, landing.toString(), false)
                .addString(WAREHOUSE, warehouse, false)
                .addString(RUN_FOLDER, runFolder.toString(), false)
                .addLong(MAX_REJECTS, maxRejectsPerFile, false)
                .addString(Rebuild.PARAMETER, String.join(",", rebuild.sources()), false)
                .toJobParameters();
    }

    public Warehouse tables() {
        return new Warehouse(warehouse);
    }

    public RunFolders run() {
        return new RunFolders(runFolder);
    }
}
