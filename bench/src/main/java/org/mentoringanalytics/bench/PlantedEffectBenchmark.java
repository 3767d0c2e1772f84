package org.mentoringanalytics.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.Ingest;
import org.mentoringanalytics.ingest.IngestResult;
import org.mentoringanalytics.ingest.IngestSettings;
import org.mentoringanalytics.ingest.JobRepositoryDatabase;
import org.mentoringanalytics.ingest.Pseudonymizer;
import org.mentoringanalytics.jobs.retention.OutcomeAnalysis;
import org.mentoringanalytics.jobs.SparkSchemas;
import org.mentoringanalytics.jobs.TableIO;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * Planted-effect recovery over many seeds: for each seed, generates an organisation, ingests it,
 * runs the matched outcome analysis and compares every hazard ratio the generator planted (written
 * to {@code ground-truth.properties}: mentees, mentors, per program type) with the estimate. Prints
 * per seed and, per estimand, how many 95% intervals cover the truth and the mean bias of the log
 * hazard ratio. Usage: {@code PlantedEffectBenchmark [seeds] [headcount] [work-folder]}.
 */
public final class PlantedEffectBenchmark {

    private PlantedEffectBenchmark() {
    }

    /** One estimand: the mart row it is read from and the ground-truth key of its planted value. */
    private record Estimand(String label, String role, String scopeKind, String scope, String truthKey) {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int headcount = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Path root = Path.of(args.length > 2 ? args[2] : "target/bench-planted");
        SparkSession spark = SparkSession.builder().master("local[*]").appName("planted-effect-benchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Map<String, double[]> tally = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int s = 0; s < seeds; s++) {
            long seed = 1000 + 37L * s;
            Path landing = root.resolve("landing-" + seed);
            Path warehousePath = root.resolve("warehouse-" + seed);
            IngestBenchmark.deleteTree(landing);
            IngestBenchmark.deleteTree(warehousePath);
            LocalDate asOf = LocalDate.of(2026, 9, 30);
            SampleData.generate(new GeneratorConfig(seed, headcount, 5, asOf, headcount / 900.0), landing);
            Warehouse warehouse = new Warehouse(warehousePath.toAbsolutePath().toString());
            try (JobRepositoryDatabase repository = JobRepositoryDatabase.embedded(Path.of(warehouse.jobRepositoryPath()))) {
                IngestResult result = Ingest.run(landing, warehousePath, asOf,
                        new Pseudonymizer("planted-benchmark-key-0123456789".getBytes(StandardCharsets.UTF_8)),
                        IngestSettings.defaults(), repository);
                if (result.outcome() != IngestResult.Outcome.COMPLETED) {
                    throw new IllegalStateException("ingest did not complete: " + result.error());
                }
            }
            Properties truth = new Properties();
            try (var in = Files.newBufferedReader(landing.resolve("ground-truth.properties"))) {
                truth.load(in);
            }
            TableIO io = new TableIO(spark, warehouse);
            OutcomeAnalysis.Result result = OutcomeAnalysis.run(io.read(Tables.STG_EMPLOYEES),
                    io.read(Tables.STG_JOB_CHANGES), io.read(Tables.STG_PROGRAMS), io.read(Tables.STG_ENROLLMENTS),
                    io.read(Tables.STG_MATCHES), asOf);
            List<Row> rows = spark.createDataFrame(result.outcomes(), SparkSchemas.of(Tables.MART_RETENTION_OUTCOME))
                    .collectAsList();
            StringBuilder line = new StringBuilder(String.format("seed %d:", seed));
            for (Estimand e : estimands(truth)) {
                Row row = rows.stream().filter(r -> r.getAs("role").equals(e.role())
                        && r.getAs("scope_kind").equals(e.scopeKind()) && r.getAs("scope").equals(e.scope()))
                        .findFirst().orElse(null);
                double planted = Double.parseDouble(truth.getProperty(e.truthKey()));
                double[] t = tally.computeIfAbsent(e.label(), k -> new double[4]);
                if (row == null || row.getAs("hazard_ratio") == null) {
                    line.append(String.format("  %s n/a", e.label()));
                    continue;
                }
                double hr = row.getAs("hazard_ratio");
                double lower = row.getAs("hazard_ratio_lower");
                double upper = row.getAs("hazard_ratio_upper");
                t[0]++;
                t[1] += lower <= planted && planted <= upper ? 1 : 0;
                t[2] += Math.log(hr) - Math.log(planted);
                t[3] += Math.log(upper / lower) / (2 * 1.959964);
                line.append(String.format("  %s %.2f (%.2f-%.2f)", e.label(), hr, lower, upper));
            }
            System.out.println(line);
            IngestBenchmark.deleteTree(warehousePath);
            IngestBenchmark.deleteTree(landing);
        }
        spark.stop();
        System.out.printf("%n%d seeds, %d employees at start, %.0f s%n", seeds, headcount, Volumes.seconds(started));
        System.out.printf("%-28s %9s %9s %15s %12s%n", "estimand", "estimated", "covered", "mean bias logHR", "mean se");
        tally.forEach((label, t) -> System.out.printf("%-28s %9.0f %6.0f/%-2.0f %15.3f %12.3f%n", label, t[0], t[1], t[0],
                t[0] == 0 ? Double.NaN : t[2] / t[0], t[0] == 0 ? Double.NaN : t[3] / t[0]));
    }

    private static List<Estimand> estimands(Properties truth) {
        List<Estimand> list = new ArrayList<>();
        list.add(new Estimand("mentee ALL", "mentee", "all", "ALL", "mentee_voluntary_exit_hazard_ratio"));
        list.add(new Estimand("mentor ALL", "mentor", "all", "ALL", "mentor_voluntary_exit_hazard_ratio"));
        for (String key : new java.util.TreeSet<>(truth.stringPropertyNames())) {
            String prefix = "mentee_voluntary_exit_hazard_ratio.";
            if (key.startsWith(prefix)) {
                String type = key.substring(prefix.length());
                list.add(new Estimand("mentee " + type, "mentee", "program_type", type, key));
            }
        }
        return list;
    }
}
