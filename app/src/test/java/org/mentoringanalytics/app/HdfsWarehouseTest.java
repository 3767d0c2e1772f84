package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;

/**
 * The whole pipeline on a real HDFS (a MiniDFSCluster: name node and data node in this JVM), from
 * the command line: {@code run} into an hdfs:// warehouse must publish the same marts and the same
 * report tables as the shared fixture's local run; a wiped working copy starts again from the
 * warehouse (its job repository included); a publish that fails is finished by the next ingest; and
 * metrics switches the published generation by its pointer, keeping the previous one for readers
 * still in it and deleting any other; the nightly refresh finds it up to date.
 */
class HdfsWarehouseTest {

    @TempDir
    static Path dir;
    static MiniDFSCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        // The local file system is cached once per JVM with the conf of whoever asks first: ask now, with the
        // defaults, so the cluster's conf (whose default file system is this HDFS) never becomes the local one's.
        FileSystem.getLocal(new Configuration());
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void thePipelineRunsOnAnHdfsWarehouseThroughAWorkingCopy() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        org.apache.hadoop.hdfs.DistributedFileSystem hdfs = cluster.getFileSystem();
        String root = hdfs.getUri() + "/mentoring/warehouse";
        Path copy = dir.resolve("copy");
        Path reports = dir.resolve("reports");

        CommandLineTest.Captured run = CommandLineTest.capture(() -> Main.execute("run", "--landing", f.landing.toString(),
                "--warehouse", root, "--working-copy", copy.toString(), "--reports", reports.toString(),
                "--key-file", f.key.toString(), "--master", "local[2]"));
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("published to " + root);

        // Marts read from HDFS (through the pointer) equal the local run's; so do the report's tables.
        MartReader local = new MartReader(new Warehouse(f.warehouse.toAbsolutePath().toString()));
        MartReader onHdfs = new MartReader(new Warehouse(root));
        for (TableContract mart : Tables.all()) {
            if (mart.layer() == Layer.MARTS) {
                assertThat(sorted(onHdfs.read(mart))).as(mart.name()).isEqualTo(sorted(local.read(mart)));
            }
        }
        assertThat(onHdfs.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)).isNotEmpty();
        Map<String, String> localCsv = csvFiles(f.reports);
        assertThat(localCsv).hasSizeGreaterThan(10);
        assertThat(csvFiles(reports)).isEqualTo(localCsv);

        // On HDFS: the staging tables as the working copy has them, the job repository, one generation named by the pointer.
        for (TableContract table : Tables.all()) {
            if (table.layer() == Layer.STAGING) {
                assertThat(text(hdfs, new Warehouse(root).location(table) + "/" + TableManifest.FILE)).as(table.name())
                        .isEqualTo(Files.readString(Path.of(new Warehouse(copy.toString()).location(table), TableManifest.FILE)));
            }
        }
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(new Warehouse(root).jobRepositoryFolder()))).isTrue();
        String first = Warehouse.parsePointer(text(hdfs, new Warehouse(root).publishedPointer()));
        assertThat(generations(hdfs, root)).containsExactly(first);
        assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(root + "/marts"))).isFalse();
        long firstRun = ingestRun(run.out());

        // A wiped working copy starts from the warehouse. One more landing file; the warehouse refuses writes
        // (safe mode) while ingest publishes: the run completes in the copy, the command fails, HDFS is unchanged.
        PipelineFixture.deleteTree(copy);
        Path copy2 = dir.resolve("copy2");
        Path landing = dir.resolve("landing");
        copyTree(f.landing, landing);
        String line = Files.readAllLines(landing.resolve("sessions/sessions-2022.csv")).get(1);
        Files.writeString(landing.resolve("sessions/sessions-extra.csv"),
                "session_id,match_id,started_at,duration_minutes,channel,mode,logged_by\n"
                        + line.replaceFirst("^[^,]+", "S99999999") + "\n");
        String sessions = new Warehouse(root).location(Tables.STG_SESSIONS) + "/" + TableManifest.FILE;
        String before = text(hdfs, sessions);
        hdfs.setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_ENTER);
        CommandLineTest.Captured failed;
        try {
            failed = CommandLineTest.capture(() -> Main.execute("ingest", "--landing", landing.toString(), "--warehouse", root,
                    "--working-copy", copy2.toString(), "--key-file", f.key.toString()));
        } finally {
            hdfs.setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_LEAVE);
        }
        assertThat(failed.exit()).as(failed.out() + failed.err()).isNotZero();
        assertThat(failed.err()).contains("safe mode");
        assertThat(text(hdfs, sessions)).isEqualTo(before);
        // The fetched job repository numbers on: a copy that started empty would have called this run 1 again.
        assertThat(ingestRun(failed.out())).isGreaterThan(firstRun);

        CommandLineTest.Captured again = CommandLineTest.capture(() -> Main.execute("ingest", "--landing", landing.toString(),
                "--warehouse", root, "--working-copy", copy2.toString(), "--key-file", f.key.toString()));
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("ingest nothing new").contains("published to " + root);
        String after = text(hdfs, sessions);
        assertThat(after).isEqualTo(Files.readString(Path.of(new Warehouse(copy2.toString()).location(Tables.STG_SESSIONS),
                TableManifest.FILE)));
        assertThat(rows(after)).isEqualTo(rows(before) + 1);

        // metrics: a reader pinned before keeps its generation; the pointer moves; a dead generation goes.
        MartReader pinnedBefore = new MartReader(new Warehouse(root));
        List<Map<String, Object>> engagementBefore = pinnedBefore.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY);
        hdfs.mkdirs(new org.apache.hadoop.fs.Path(root + "/.marts-dead0-00000000"));
        CommandLineTest.Captured metrics = CommandLineTest.capture(() -> Main.execute("metrics", "--warehouse", root,
                "--working-copy", copy2.toString(), "--as-of", PipelineFixture.AS_OF.toString(), "--master", "local[2]"));
        assertThat(metrics.exit()).as(metrics.out() + metrics.err()).isZero();
        String second = Warehouse.parsePointer(text(hdfs, new Warehouse(root).publishedPointer()));
        assertThat(second).isNotEqualTo(first);
        assertThat(generations(hdfs, root)).containsExactlyInAnyOrder(first, second);
        assertThat(pinnedBefore.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)).isEqualTo(engagementBefore);
        assertThat(sessionsCounted(new MartReader(new Warehouse(root)).read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY)))
                .isEqualTo(sessionsCounted(engagementBefore) + 1);

        // The nightly refresh on the same warehouse: nothing new, so the generation's metadata on HDFS says up to date.
        CommandLineTest.Captured refresh = CommandLineTest.capture(() -> Main.execute("refresh", "--landing", landing.toString(),
                "--warehouse", root, "--working-copy", copy2.toString(), "--reports", dir.resolve("refreshed").toString(),
                "--key-file", f.key.toString(), "--as-of", PipelineFixture.AS_OF.toString(), "--master", "local[2]"));
        assertThat(refresh.exit()).as(refresh.out() + refresh.err()).isZero();
        assertThat(refresh.out()).contains("ingest nothing new").contains("metrics up to date");
        assertThat(Warehouse.parsePointer(text(hdfs, new Warehouse(root).publishedPointer()))).isEqualTo(second);
    }

    private static long sessionsCounted(List<Map<String, Object>> rows) {
        return rows.stream().mapToLong(r -> ((Number) r.get("sessions")).longValue()).sum();
    }

    private static long ingestRun(String out) {
        Matcher m = Pattern.compile("ingest [a-z ]+: run (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long rows(String manifest) {
        return TableManifest.parse(manifest).parts().stream().mapToLong(TableManifest.Part::rows).sum();
    }

    private static List<String> generations(FileSystem hdfs, String root) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus entry : hdfs.listStatus(new org.apache.hadoop.fs.Path(root))) {
            String name = entry.getPath().getName();
            if (name.startsWith(".marts-")) {
                names.add(name.substring(".marts-".length()));
            }
        }
        return names;
    }

    private static String text(FileSystem hdfs, String location) throws IOException {
        try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(location))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every CSV under a reports folder, by relative path. */
    private static Map<String, String> csvFiles(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".csv")).toList()) {
                // Load times (and days: the two runs may fall either side of midnight) differ between two runs of the
                // same files; nothing else may. The data's own dates are months before today.
                String text = Files.readString(file).replaceAll(INSTANT, "<instant>");
                for (int days = 0; days <= 2; days++) {
                    text = text.replace(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(days).toString(), "<load day>");
                }
                files.put(folder.relativize(file).toString(), text);
            }
        }
        return files;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    /** Rows as sorted strings; the load time of mart_source_freshness is when each run loaded, so it is left out. */
    private static List<String> sorted(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> row = new TreeMap<>(r);
            row.remove("last_loaded_at");
            return row.toString();
        }).sorted(Comparator.naturalOrder()).toList();
    }
}
