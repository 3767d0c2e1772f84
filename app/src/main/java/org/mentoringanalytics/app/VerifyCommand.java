package org.mentoringanalytics.app;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the warehouse and the reports against what wrote them: every staging table against its "
                + "manifest (files, sizes, rows, SHA-256), the published marts (complete, committed, every table as "
                + "written), folders left by failed runs, each quarter's report against its SHA256SUMS, and runs the "
                + "job repository still marks running. Reads only; every problem comes with what to do."},
        footer = {"", "Examples:",
                "  mentoring-analytics verify --warehouse /data/warehouse --reports /data/reports",
                "  mentoring-analytics verify --all     # also list every table that is fine",
                "", "Exit codes: 0 nothing damaged (warnings and notes may be printed), 2 bad usage, 5 something is damaged."})
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    PipelineOptions options;

    @Option(names = "--job-repository", paramLabel = "JDBC-URL",
            description = "Job repository to check for killed runs (default: the warehouse's embedded one).")
    String jobRepository;

    @Option(names = "--all", description = "List the tables and reports that are fine too, not only problems.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        if (!Locations.isLocal(options)) {
            throw new UsageError("--warehouse " + options.warehouseText + ": verify checks a warehouse folder on this machine; "
                    + "on HDFS, metrics checks every staging table's manifest before it reads it, and report every mart's");
        }
        if (!Files.isDirectory(options.warehouse)) {
            throw new UsageError("--warehouse " + options.warehouse + ": no such folder");
        }
        List<WarehouseCheck.Finding> findings = new ArrayList<>();
        Optional<PipelineLock> lock = PipelineLock.tryAcquire(options.warehouse, "verify");
        try {
            findings.addAll(WarehouseCheck.run(options.warehouse, options.reports));
            if (lock.isPresent()) {
                findings.addAll(killedRuns());
            } else {
                findings.add(new WarehouseCheck.Finding(WarehouseCheck.Severity.NOTE, "warehouse", "a run is in progress ("
                        + PipelineLock.holder(options.warehouse) + "): what it is writing may show as unfinished", "verify again after it"));
            }
        } finally {
            if (lock.isPresent()) {
                lock.get().close();
            }
        }
        long damaged = findings.stream().filter(f -> f.severity() == WarehouseCheck.Severity.DAMAGED).count();
        long warnings = findings.stream().filter(f -> f.severity() == WarehouseCheck.Severity.WARNING).count();
        long fine = findings.stream().filter(f -> f.severity() == WarehouseCheck.Severity.OK).count();
        System.out.println("verify " + options.warehouse.toAbsolutePath() + (Files.isDirectory(options.reports)
                ? " and " + options.reports.toAbsolutePath() : ""));
        for (WarehouseCheck.Finding f : findings) {
            if (f.severity() == WarehouseCheck.Severity.OK && !all) {
                continue;
            }
            System.out.printf("  %-8s %s: %s%n", f.severity(), f.subject(), f.detail());
            if (!f.remedy().isEmpty()) {
                System.out.printf("  %-8s what to do: %s%n", "", f.remedy());
            }
        }
        System.out.printf("%s: %d damaged, %d warnings, %d checked and fine%n", damaged > 0 ? "DAMAGED" : "ok", damaged,
                warnings, fine);
        return damaged > 0 ? ExitCodes.DAMAGED : ExitCodes.OK;
    }

    /** Runs marked running although nobody holds the warehouse: their process was killed. */
    private List<WarehouseCheck.Finding> killedRuns() throws Exception {
        IngestOptions ingestOptions = new IngestOptions();
        ingestOptions.jobRepository = jobRepository;
        String warehouse = options.warehouse.toAbsolutePath().toString();
        if (jobRepository == null && !Files.exists(java.nio.file.Path.of(new org.mentoringanalytics.contracts.Warehouse(warehouse).jobRepositoryFolder()))) {
            return List.of();
        }
        return JobHistory.open(options, ingestOptions, repository -> {
            List<WarehouseCheck.Finding> found = new ArrayList<>();
            for (String job : repository.getJobNames()) {
                for (JobInstance instance : repository.getJobInstances(job, 0, 50)) {
                    for (JobExecution execution : repository.getJobExecutions(instance)) {
                        if (execution.getStatus().isRunning()
                                && warehouse.equals(execution.getJobParameters().getString("warehouse"))) {
                            found.add(new WarehouseCheck.Finding(WarehouseCheck.Severity.WARNING, job + " run " + execution.getId(),
                                    "marked running since " + execution.getStartTime() + " but no process holds the warehouse: it was killed",
                                    "nothing: the next ingest, refresh or run records it as failed (an ingest resumes it)"));
                        }
                    }
                }
            }
            return found;
        });
    }
}
