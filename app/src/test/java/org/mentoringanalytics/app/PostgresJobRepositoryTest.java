package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * The job repository on a real PostgreSQL server, through the command line. The server comes from
 * MENTORING_TEST_POSTGRES_URL (user and password in MENTORING_TEST_POSTGRES_USER / _PASSWORD);
 * .ci/run installs and starts one. Outside CI, with no server reachable, the test is skipped and says so.
 */
class PostgresJobRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void ingestAndHistoryUseTheRepositoryOnPostgresql() throws Exception {
        String url = System.getenv().getOrDefault("MENTORING_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/mentoring_test");
        String user = System.getenv().getOrDefault("MENTORING_TEST_POSTGRES_USER", "mentoring");
        String password = System.getenv().getOrDefault("MENTORING_TEST_POSTGRES_PASSWORD", "mentoring");
        String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            String message = "no PostgreSQL server reachable at " + url + " (" + e.getMessage()
                    + "); set MENTORING_TEST_POSTGRES_URL, _USER and _PASSWORD to run this test";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message, e);
            }
            Assumptions.abort(message);
        }
        String repository = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + user
                + "&password=" + password;
        try {
            Path landing = dir.resolve("landing");
            SampleData.generate(new GeneratorConfig(8L, 120, 2, LocalDate.of(2026, 6, 30), 0.6), landing);
            Files.writeString(dir.resolve("key.txt"), "postgres-test-key-0123456789abcdef");
            String[] ingest = {"ingest", "--landing", landing.toString(), "--warehouse", dir.resolve("warehouse").toString(),
                    "--key-file", dir.resolve("key.txt").toString(), "--job-repository", repository};
            assertThat(Main.execute(ingest)).isZero();
            assertThat(Main.execute(ingest)).isZero();

            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT i.job_name, e.status FROM " + schema + ".batch_job_execution e JOIN "
                         + schema + ".batch_job_instance i ON i.job_instance_id = e.job_instance_id ORDER BY e.job_execution_id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ingest");
                assertThat(rows.getString(2)).isEqualTo("COMPLETED");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(2)).isEqualTo("COMPLETED");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            try {
                assertThat(Main.execute("history", "--job-repository", repository, "--warehouse", dir.resolve("warehouse").toString()))
                        .isZero();
            } finally {
                System.setOut(original);
            }
            String history = out.toString(StandardCharsets.UTF_8);
            assertThat(history.lines().filter(l -> l.contains("ingest") && l.contains("COMPLETED")).count()).isEqualTo(2);
            // The embedded H2 repository was not used.
            assertThat(dir.resolve("warehouse/_repository")).doesNotExist();
        } finally {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
