package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.exports.ExportReaders;
import org.mentoringanalytics.ingest.exports.Exports;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of a run: lists the landing files, checks each one ({@link FileCheck}) and decides
 * whether it is read, skipped (its content hash was ingested before, per stg_ingest_files) or
 * rejected whole. When a snapshot source has a new version, every file of the source present is
 * read, since they replace its staging table together. The plan is stored in the job execution context under {@link #PLAN}.
 */
public final class PlanTasklet implements Tasklet {

    public static final String PLAN = "plan";

    private final List<LandingSource> sources;

    public PlanTasklet(List<LandingSource> sources) {
        this.sources = sources;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        JobParameters parameters = chunkContext.getStepContext().getStepExecution().getJobParameters();
        IngestRunParameters typed = IngestRunParameters.of(parameters);
        Path landing = typed.landing();
        Warehouse warehouse = typed.tables();
        Set<String> ingested = ingestedContent(warehouse);
        Rebuild rebuild = typed.rebuild();
        List<Plan.Entry> entries = new ArrayList<>();
        // Every file a source reads (landing-format files, then exports), listed once for the whole plan.
        Set<Path> read = new HashSet<>();
        Set<String> present = new HashSet<>();
        Set<String> snapshotsRead = new HashSet<>();
        Set<String> folders = new HashSet<>();
        ExportReaders.ALL.forEach(reader -> folders.add(reader.folder()));
        for (LandingSource source : sources) {
            folders.add(source.folder());
            List<Path> files = LandingFiles.list(landing, source);
            read.addAll(files);
            files.forEach(f -> present.add(landing.relativize(f).toString()));
            if (rebuild.includes(source)) {
                // Read every landing file of the source again: its staging table starts from nothing.
                ingested.removeIf(entry -> entry.startsWith(source.name() + "\t"));
            }
            List<FileCheck.Result> checks = new ArrayList<>();
            for (Path file : files) {
                String relative = landing.relativize(file).toString();
                checks.add(Exports.isExport(relative) ? exportCheck(landing, file) : FileCheck.check(file, source,
                        LandingFiles.charset(landing, source.folder())));
            }
            boolean newSnapshot = false;
            snapshotsRead.add(source.name());
            for (FileCheck.Result check : checks) {
                newSnapshot |= source.snapshot() && check.rejectWhole() == null
                        && !ingested.contains(source.name() + "\t" + check.hash());
            }
            if (!newSnapshot) {
                snapshotsRead.remove(source.name());
            }
            int index = 0;
            for (int f = 0; f < files.size(); f++) {
                Path file = files.get(f);
                String relative = landing.relativize(file).toString();
                FileCheck.Result check = checks.get(f);
                // A new version of a snapshot is read with the source's other files: together they are the whole truth.
                if (!newSnapshot && ingested.contains(source.name() + "\t" + check.hash())) {
                    entries.add(new Plan.Entry(source.name(), -1, Plan.Status.SKIPPED, check.hash(), relative,
                            "this content was ingested before"));
                } else if (check.rejectWhole() != null) {
                    entries.add(new Plan.Entry(source.name(), -1, Plan.Status.REJECTED, check.hash(), relative,
                            check.rejectWhole()));
                } else {
                    entries.add(new Plan.Entry(source.name(), index++, Plan.Status.READ, check.hash(), relative,
                            String.join("; ", check.warnings())));
                }
            }
        }
        // Files loaded before and gone now: their rows stay in staging, and the run says so.
        new java.util.TreeMap<>(lastVersions(warehouse)).forEach((file, version) -> {
            if (!present.contains(file)) {
                entries.add(new Plan.Entry(version.source(), -1, Plan.Status.REMOVED, version.hash(), file,
                        "removed from the landing folder since run " + version.run() + ": its " + version.rows()
                                + (snapshotsRead.contains(version.source())
                                ? " rows are retired unless the source's other files hold them"
                                : " rows stay in staging")));
            }
        });
        for (LandingFiles.Ignored entry : LandingFiles.ignored(landing, read, folders)) {
            entries.add(new Plan.Entry("", -1, Plan.Status.IGNORED, "-", entry.file(), entry.reason()));
        }
        chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .putString(PLAN, new Plan(entries).toText());
        return RepeatStatus.FINISHED;
    }

    /** An export is checked by its reader: it is rejected whole when the reader cannot read it. */
    private static FileCheck.Result exportCheck(Path landing, Path file) throws IOException {
        String hash = FileCheck.hash(file);
        try {
            Exports.Check check = Exports.check(landing, file);
            return new FileCheck.Result(hash, check.rejectWhole(), check.summary().isEmpty() ? List.of() : List.of(check.summary()));
        } catch (IOException e) {
            return new FileCheck.Result(hash, "the export cannot be read as UTF-8 text (" + e.getMessage() + ")", List.of());
        }
    }

    /** The last loaded version of a landing file: the run that loaded it and its rows. */
    record LastVersion(String source, long run, long rows, String hash) {
    }

    /** The last loaded version of every landing file path ever loaded, by path. */
    static Map<String, LastVersion> lastVersions(Warehouse warehouse) throws IOException {
        Map<String, LastVersion> last = new HashMap<>();
        Path folder = Path.of(warehouse.location(Tables.STG_INGEST_FILES));
        for (Path file : ParquetTables.dataFiles(folder)) {
            ParquetTables.read(file, null, r -> {
                if (!"loaded".equals(r.get("status").toString())) {
                    return;
                }
                LastVersion version = new LastVersion(r.get("source").toString(), (Long) r.get("run_id"),
                        (Long) r.get("rows_read"), r.get("content_hash").toString());
                last.merge(r.get("file").toString(), version, (a, b) -> a.run() >= b.run() ? a : b);
            });
        }
        return last;
    }

    /** "source \t hash" of every file version already processed by a completed run. */
    static Set<String> ingestedContent(Warehouse warehouse) throws IOException {
        Set<String> seen = new HashSet<>();
        Path folder = Path.of(warehouse.location(Tables.STG_INGEST_FILES));
        for (Path file : ParquetTables.dataFiles(folder)) {
            ParquetTables.read(file, null, r -> seen.add(r.get("source") + "\t" + r.get("content_hash")));
        }
        return seen;
    }
}
