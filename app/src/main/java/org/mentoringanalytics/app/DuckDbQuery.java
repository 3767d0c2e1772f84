package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;

/**
 * An analyst's query answered by an embedded DuckDB, for local warehouses: the query is checked on
 * DuckDB's own parse, the tables it names are copied from the pinned generation's Parquet files into
 * an in-memory database, then every way out of it is closed (no file, no network, no extension,
 * settings locked) before the query runs. So the query sees exactly the tables it was allowed, as they were when pinned, and
 * nothing else; it starts in a fraction of a second where a Spark session takes many.
 */
final class DuckDbQuery implements AutoCloseable {

    /** A query's result, engine-neutral: column names and rows of plain Java values. */
    record Result(List<String> columns, List<Object[]> rows) {
    }

    private final Connection connection;

    private DuckDbQuery(Connection connection) {
        this.connection = connection;
    }

    /** An empty in-memory database, not yet closed off: {@link #check} the query, then {@link #load}. */
    static DuckDbQuery connect() throws SQLException {
        return new DuckDbQuery(DriverManager.getConnection("jdbc:duckdb:"));
    }

    /**
     * The analyst's door, on DuckDB's own parse of the query (nothing is run): exactly one SELECT,
     * tables only from {@code allowed} or the query's own WITH names, no table function (read_csv,
     * query, ...), no schema or catalog prefix.
     *
     * @return the tables the query reads
     * @throws IllegalArgumentException naming what is not allowed
     */
    Set<String> check(String sql, Set<String> allowed, Map<String, String> unavailable) throws SQLException {
        JsonNode parsed;
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
            statement.setString(1, sql);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                parsed = new ObjectMapper().readTree(rs.getString(1));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read DuckDB's parse of the query", e);
            }
        }
        if (parsed.path("error").asBoolean()) {
            String message = parsed.path("error_message").asText();
            throw new IllegalArgumentException(message.startsWith("Only SELECT")
                    ? "only a read-only SELECT is allowed" : message.lines().findFirst().orElse(message));
        }
        if (parsed.path("statements").size() != 1) {
            throw new IllegalArgumentException("one SELECT at a time, please: the query holds "
                    + parsed.path("statements").size() + " statements");
        }
        Set<String> withNames = new HashSet<>();
        List<JsonNode> tables = new ArrayList<>();
        walk(parsed, withNames, tables);
        Set<String> read = new TreeSet<>();
        for (JsonNode table : tables) {
            String name = table.path("table_name").asText().toLowerCase(Locale.ROOT);
            String schema = table.path("schema_name").asText();
            String catalog = table.path("catalog_name").asText();
            String written = (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? "" : schema + ".") + name;
            if (written.equals(name) && withNames.contains(name)) {
                continue;
            }
            java.util.Optional<String> refusal = TableAccess.refusal(written.toLowerCase(Locale.ROOT), allowed, unavailable);
            if (refusal.isPresent()) {
                throw new IllegalArgumentException(refusal.get());
            }
            read.add(name);
        }
        return read;
    }

    /** Collects WITH names and base tables, and refuses table functions wherever they are. */
    private static void walk(JsonNode node, Set<String> withNames, List<JsonNode> tables) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (type.equals("TABLE_FUNCTION")) {
                throw new IllegalArgumentException("table functions such as " + node.path("function").path("function_name")
                        .asText() + "() are not allowed: read the tables by name");
            }
            if (type.equals("BASE_TABLE")) {
                tables.add(node);
            }
            JsonNode ctes = node.path("cte_map").path("map");
            for (JsonNode cte : ctes) {
                withNames.add(cte.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode child : node) {
            walk(child, withNames, tables);
        }
    }

    /**
     * Copies the tables in, then closes every way out of the database.
     *
     * @param contracts tables with a contract (marts, safe, staging), by the name the query uses
     * @param folders   each of those tables' folder in the pinned generation
     * @param adhoc     ad-hoc outputs by name, and their folders
     */
    DuckDbQuery load(Map<String, TableContract> contracts, Map<String, String> folders, Map<String, Path> adhoc)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, TableContract> table : contracts.entrySet()) {
                String name = identifier(table.getKey());
                statement.execute("CREATE TABLE " + name + " (" + table.getValue().columns().stream()
                        .map(c -> identifier(c.name()) + " " + type(c)).collect(Collectors.joining(", ")) + ")");
                List<Path> files = parquetFiles(Path.of(folders.get(table.getKey())));
                if (!files.isEmpty()) {
                    statement.execute("INSERT INTO " + name + " BY NAME SELECT * FROM read_parquet(" + list(files) + ")");
                }
            }
            for (Map.Entry<String, Path> table : adhoc.entrySet()) {
                List<Path> files = parquetFiles(table.getValue());
                if (!files.isEmpty()) {
                    statement.execute("CREATE TABLE " + identifier(table.getKey()) + " AS SELECT * FROM read_parquet("
                            + list(files) + ")");
                }
            }
            // From here on the database holds all the query may read: no files, no network, no extensions.
            statement.execute("SET enable_external_access = false");
            statement.execute("SET autoinstall_known_extensions = false");
            statement.execute("SET autoload_known_extensions = false");
            statement.execute("SET lock_configuration = true");
        }
        return this;
    }

    Result run(String sql, int limit) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (limit > 0) {
                statement.setMaxRows(limit);
            }
            try (ResultSet rs = statement.executeQuery(sql)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = plain(rs.getObject(i + 1));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows);
            }
        }
    }

    /** Dates as dates, instants in UTC, wide integers as numbers: the same text Spark's result gives. */
    private static Object plain(Object value) {
        if (value instanceof java.time.OffsetDateTime t) {
            return t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ');
        }
        if (value instanceof java.sql.Array || value instanceof java.sql.Struct) {
            return value.toString();
        }
        return value;
    }

    private static List<Path> parquetFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_");
            }).sorted().toList();
        }
    }

    private static String list(List<Path> files) {
        return files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String type(Column column) {
        return switch (column.type()) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
        };
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
