package org.mentoringanalytics.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The Spring Batch job repository: by default an embedded H2 file database inside the warehouse;
 * for production any PostgreSQL database given by JDBC URL. Created with Spring Batch's own schema
 * on first use.
 */
public final class JobRepositoryDatabase implements AutoCloseable {

    /** User and password of a JDBC job repository come from these environment variables. */
    public static final String ENV_USER = "MENTORING_JOB_REPOSITORY_USER";
    public static final String ENV_PASSWORD = "MENTORING_JOB_REPOSITORY_PASSWORD";

    private final HikariDataSource pool;

    private JobRepositoryDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * The embedded repository at {@code <file>.mv.db}. Every commit is written before it returns
     * ({@code WRITE_DELAY=0}): with H2's default delay a process killed within half a second of a
     * commit loses it, so a finished run vanished from history and its number was given out again.
     */
    public static JobRepositoryDatabase embedded(Path file) {
        return open("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
    }

    /** A repository at a JDBC URL ({@code jdbc:postgresql://...} or {@code jdbc:h2:...}). */
    public static JobRepositoryDatabase open(String url, String user, String password) {
        String schema;
        if (url.startsWith("jdbc:h2:")) {
            schema = "org/springframework/batch/core/schema-h2.sql";
        } else if (url.startsWith("jdbc:postgresql:")) {
            schema = "org/springframework/batch/core/schema-postgresql.sql";
        } else {
            throw new IllegalArgumentException("unsupported job repository URL (use jdbc:h2: or jdbc:postgresql:): " + url);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("job-repository");
        JobRepositoryDatabase database;
        try {
            database = new JobRepositoryDatabase(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot connect to the job repository " + url + ": " + e.getMessage(), e);
        }
        database.createSchemaIfMissing(schema);
        return database;
    }

    public DataSource dataSource() {
        return pool;
    }

    private void createSchemaIfMissing(String schema) {
        try (Connection connection = pool.getConnection()) {
            if (!hasTable(connection, "BATCH_JOB_INSTANCE") && !hasTable(connection, "batch_job_instance")) {
                new ResourceDatabasePopulator(new ClassPathResource(schema)).populate(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the job repository: " + e.getMessage(), e);
        }
    }

    /** Looks in the connection's own schema only: another schema's job repository is not this one. */
    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
            return tables.next();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
