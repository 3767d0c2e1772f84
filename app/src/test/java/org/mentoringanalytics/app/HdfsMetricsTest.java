package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.MartReader;

/**
 * The metrics job on a real HDFS (a MiniDFSCluster: name node and data node in this JVM): the
 * pipeline fixture's staging tables are put on HDFS, metrics runs against the hdfs:// warehouse,
 * and the marts it publishes there equal, row for row, those of the local run.
 */
class HdfsMetricsTest {

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
    void metricsOnAnHdfsWarehousePublishesTheSameMartsAsLocally() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        FileSystem hdfs = cluster.getFileSystem();
        String root = hdfs.getUri() + "/mentoring/warehouse";
        hdfs.mkdirs(new org.apache.hadoop.fs.Path(root));
        hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.warehouse.resolve("staging").toRealPath().toUri()),
                new org.apache.hadoop.fs.Path(root + "/staging"));
        CommandLineTest.Captured metrics = CommandLineTest.capture(() -> Main.execute("metrics", "--warehouse", root,
                "--as-of", PipelineFixture.AS_OF.toString(), "--master", "local[2]"));
        assertThat(metrics.exit()).as(metrics.err()).isZero();

        Path back = dir.resolve("back");
        hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(root + "/marts"), new org.apache.hadoop.fs.Path(back.resolve("marts").toUri()), true);
        MartReader local = new MartReader(new Warehouse(f.warehouse.toAbsolutePath().toString()));
        MartReader fromHdfs = new MartReader(new Warehouse(back.toAbsolutePath().toString()));
        for (TableContract mart : List.of(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, Tables.MART_PARTICIPATION_QUARTERLY,
                Tables.MART_RETENTION_OUTCOME, Tables.MART_SURVEY_QUARTERLY, Tables.MART_GOALS_QUARTERLY)) {
            assertThat(sorted(fromHdfs.read(mart))).as(mart.name()).isNotEmpty().isEqualTo(sorted(local.read(mart)));
        }
        assertThat(Files.exists(back.resolve("marts"))).isTrue();
    }

    private static List<String> sorted(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> new java.util.TreeMap<>(r).toString()).sorted(Comparator.naturalOrder()).toList();
    }
}
