package org.mentoringanalytics.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The Spring Batch job repository as an embedded H2 file database inside the warehouse, created
 * with Spring Batch's own schema on first use.
 */
public final class JobRepositoryDatabase implements AutoCloseable {

    private final JdbcConnectionPool pool;

    private JobRepositoryDatabase(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens (and if needed creates) the repository at {@code <file>.mv.db}. */
    public static JobRepositoryDatabase open(Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JobRepositoryDatabase database = new JobRepositoryDatabase(JdbcConnectionPool.create(url, "sa", ""));
        database.createSchemaIfMissing();
        return database;
    }

    public DataSource dataSource() {
        return pool;
    }

    private void createSchemaIfMissing() {
        try (Connection connection = pool.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (!tables.next()) {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                        .populate(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the job repository at " + pool, e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
