package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * The metrics job on a real Spark standalone cluster run from a distribution-shaped SPARK_HOME
 * (Spark's jars only): a master and two workers in their own JVMs on 127.0.0.1, executors started
 * by the workers. Driven twice: by the command line's {@code --master spark://...} with the job's
 * jars in {@code spark.jars}, on a warehouse on HDFS (a MiniDFSCluster in this JVM) that the command
 * line's ingest filled; and by spark-submit exactly as docs/metrics.md gives it, on a file://
 * warehouse. The marts must equal those of local mode.
 */
class ClusterModeTest {

    @TempDir
    Path dir;

    private final List<Process> cluster = new ArrayList<>();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A SPARK_HOME shaped like a Spark distribution: Spark's own jars only (the spark-distribution
     * module's target/jars), nothing of this project, and log4j2 at INFO in conf/.
     */
    private Path sparkHome() throws IOException {
        Path distribution = Path.of("").toAbsolutePath().getParent().resolve("spark-distribution").resolve("target").resolve("jars");
        assertThat(distribution).as("build the spark-distribution module first (mvn package)").isDirectory();
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        try (Stream<Path> all = Files.list(distribution)) {
            for (Path jar : all.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        try (Stream<Path> all = Files.list(jars)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("jobs-")
                    || n.startsWith("contracts-") || n.startsWith("logback"));
        }
        Files.createDirectories(home.resolve("conf"));
        // The master and workers announce readiness at INFO.
        Files.writeString(home.resolve("conf").resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = info", "rootLogger.appenderRef.stdout.ref = console",
                "appender.console.type = Console", "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n", ""));
        return home;
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private Process start(Path home, Path log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-opens")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-Xmx512m", "-Dlog4j2.configurationFile=" + home.resolve("conf").resolve("log4j2.properties"), "-cp",
                home.resolve("jars").toString() + File.separator + "*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process process = builder.start();
        cluster.add(process);
        return process;
    }

    private static void await(Path log, String text, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!Files.exists(log) || !Files.readString(log).contains(text)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + text + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(200);
        }
    }

    @Test
    void metricsOnAStandaloneClusterEqualLocalMode() throws Exception {
        Path landing = dir.resolve("landing");
        SampleData.generate(new GeneratorConfig(21L, 150, 2, LocalDate.of(2026, 6, 30), 0.6), landing);
        Files.writeString(dir.resolve("key.txt"), "cluster-test-key-0123456789abcdef");
        Path local = dir.resolve("local");
        Path submitted = dir.resolve("submitted");
        assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse", local.toString(),
                "--key-file", dir.resolve("key.txt").toString())).isZero();
        // The local file system is cached with the conf of whoever asks first: ask with the defaults before the
        // cluster's conf (whose default file system is its HDFS) exists.
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration());
        org.apache.hadoop.conf.Configuration dfsConf = new org.apache.hadoop.conf.Configuration();
        dfsConf.set(org.apache.hadoop.hdfs.MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        org.apache.hadoop.hdfs.MiniDFSCluster dfs = new org.apache.hadoop.hdfs.MiniDFSCluster.Builder(dfsConf).numDataNodes(1).build();
        dfs.waitActive();
        String onCluster = dfs.getFileSystem().getUri() + "/mentoring/warehouse";
        assertThat(Main.execute("ingest", "--landing", landing.toString(), "--warehouse", onCluster,
                "--working-copy", dir.resolve("working-copy").toString(), "--key-file", dir.resolve("key.txt").toString())).isZero();
        assertThat(Main.execute("metrics", "--landing", landing.toString(), "--warehouse", local.toString(),
                "--master", "local[2]")).isZero();

        Path home = sparkHome();
        int port = freePort();
        try {
            start(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
            await(dir.resolve("master.log"), "I have been elected leader", Duration.ofSeconds(90));
            for (int w = 1; w <= 2; w++) {
                start(home, dir.resolve("worker" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                        "spark://127.0.0.1:" + port, "--cores", "1", "--memory", "1g", "--webui-port",
                        Integer.toString(freePort()), "--work-dir", dir.resolve("work" + w).toString());
            }
            for (int w = 1; w <= 2; w++) {
                await(dir.resolve("worker" + w + ".log"), "Successfully registered with master", Duration.ofSeconds(90));
            }
            Path contracts = moduleJar("contracts");
            Path jobs = moduleJar("jobs");

            // The command line as driver: the cluster has Spark's jars only, so the job's jars go with spark.jars.
            int exit = Main.execute("metrics", "--landing", landing.toString(), "--warehouse", onCluster,
                    "--working-copy", dir.resolve("working-copy").toString(),
                    "--master", "spark://127.0.0.1:" + port, "--spark-conf", "spark.driver.host=127.0.0.1",
                    "--spark-conf", "spark.executor.memory=768m", "--spark-conf", "spark.executor.cores=1",
                    "--spark-conf", "spark.jars=" + contracts + "," + jobs);
            assertThat(exit).as(Files.readString(dir.resolve("worker1.log"))).isZero();
            // spark-submit exactly as docs/metrics.md gives it: --jars contracts.jar jobs.jar, its own JVM as the driver.
            copyStaging(local, submitted);
            Process submit = start(home, dir.resolve("submit.log"), "org.apache.spark.deploy.SparkSubmit",
                    "--master", "spark://127.0.0.1:" + port, "--conf", "spark.driver.host=127.0.0.1",
                    "--conf", "spark.executor.memory=768m", "--conf", "spark.sql.shuffle.partitions=8",
                    "--class", "org.mentoringanalytics.jobs.MetricsMain", "--jars", contracts.toString(),
                    jobs.toString(), "--warehouse", "file://" + submitted.toAbsolutePath(), "--as-of", "2026-06-30");
            assertThat(submit.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            assertThat(submit.exitValue()).as(Files.readString(dir.resolve("submit.log"))).isZero();
            // The work really ran in executors both workers started in their own processes.
            for (int w = 1; w <= 2; w++) {
                try (Stream<Path> executors = Files.walk(dir.resolve("work" + w))) {
                    assertThat(executors.filter(p -> p.getFileName().toString().equals("stderr"))).as("worker " + w)
                            .hasSizeGreaterThanOrEqualTo(2);
                }
            }
            MartReader localMarts = new MartReader(new Warehouse(local.toAbsolutePath().toString()));
            for (String warehouse : List.of(onCluster, submitted.toAbsolutePath().toString())) {
                MartReader clusterMarts = new MartReader(new Warehouse(warehouse));
                assertThat(clusterMarts.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)).isNotEmpty();
                for (TableContract mart : Tables.all()) {
                    if (mart.layer() == Layer.MARTS) {
                        assertThat(canonical(clusterMarts.read(mart))).as(warehouse + " " + mart.name())
                                .isEqualTo(canonical(localMarts.read(mart)));
                    }
                }
            }
        } finally {
            cluster.forEach(Process::destroyForcibly);
            dfs.shutdown();
        }
    }

    /** The same staging tables, to the byte, for another run. */
    private static void copyStaging(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from.resolve("staging"))) {
            for (Path f : files.toList()) {
                Path target = to.resolve("staging").resolve(from.resolve("staging").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** A module's jar (contracts, jobs) as spark-submit ships it; a class folder is packed into one. */
    private Path moduleJar(String module) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.getFileName().toString().matches(module + "-\\d.*\\.jar")) {
                return path;
            }
            if (Files.isDirectory(path) && path.endsWith(Path.of(module, "target", "classes"))) {
                Path jar = dir.resolve(module + ".jar");
                pack(path, jar);
                return jar;
            }
        }
        throw new AssertionError("the " + module + " module is not on the test classpath");
    }

    /** Rows as sorted strings, doubles to 9 significant digits (sums may add in another order on a cluster), load times left out. */
    private static List<String> canonical(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder();
            // The HDFS warehouse was ingested apart: its load time is its own.
            row.entrySet().stream().filter(e -> !e.getKey().equals("last_loaded_at")).forEach(e -> line.append(e.getKey()).append('=')
                    .append(e.getValue() instanceof Double d ? String.format(java.util.Locale.ROOT, "%.9g", d) : String.valueOf(e.getValue()))
                    .append(';'));
            lines.add(line.toString());
        }
        lines.sort(String::compareTo);
        return lines;
    }
}
