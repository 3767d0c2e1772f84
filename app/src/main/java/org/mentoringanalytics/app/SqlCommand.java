package org.mentoringanalytics.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.jobs.TableIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a read-only Spark SQL SELECT over the warehouse: every mart is registered by name in its safe "
                + "version (values from fewer people than the suppression floor are null, 'suppressed' says so), and each "
                + "ad-hoc output of 'metrics --output NAME' as adhoc_NAME. The unsuppressed marts and the staging and "
                + "intermediate tables (one row per person) are registered only when the configuration file says "
                + "access=person-level, and every query that reads them is logged in the warehouse (_audit/sql-access.log). The restricted layer is never registered. "
                + "DDL, DML, SET, file paths as tables, table-valued functions and functions that reach the JVM or the file "
                + "system (reflect, java_method, input_file_name, ...) are refused.",
        footer = {"", "Examples:",
                "  mentoring-analytics sql \"SELECT program_id, sum(sessions) FROM mart_program_engagement_monthly GROUP BY 1\"",
                "  mentoring-analytics sql \"SELECT * FROM mart_retention_outcome\" --format csv --output outcome.csv",
                "", "Exit codes: 0 success, 1 the query failed or is not allowed (unknown table, bad SQL, not read-only), "
                + "2 bad usage."})
final class SqlCommand implements Callable<Integer> {

    enum Format { table, csv, json, parquet }

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @Option(names = {"-i", "--interactive"},
            description = "Answer query after query from standard input (each ended by ';'; \\q or the end of the "
                    + "input stops) on one DuckDB database loaded once from one published generation: the first answer "
                    + "takes a second or two, the next ones milliseconds.")
    boolean interactive;

    @Option(names = "--warehouse", paramLabel = "DIR", defaultValue = "warehouse",
            description = "Warehouse folder (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Option(names = "--format", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the result to FILE instead of the terminal.")
    Path output;

    @Option(names = "--limit", defaultValue = "200", description = "Rows shown in table format (default: ${DEFAULT-VALUE}).")
    int limit;

    enum Engine { auto, duckdb, spark }

    @Option(names = "--engine", defaultValue = "auto",
            description = "Query engine: duckdb (embedded, answers in about a second), spark (Spark SQL, for a cluster "
                    + "master), or auto: duckdb on a local master unless --format parquet, else spark (default: "
                    + "${DEFAULT-VALUE}). Either way the query must be Spark SQL that passes the access check; DuckDB then runs "
                    + "it in its own dialect, which agrees on plain SELECTs (see README, 'Querying the warehouse').")
    Engine engine;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        if (warehouse.toString().matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*")) {
            throw new UsageError("--warehouse " + warehouse.toString().replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]+):/(?!/)", "$1://")
                    + ": sql reads a warehouse folder on this machine; the tables of "
                    + "an hdfs:// warehouse are for Spark SQL on the cluster (docs/metrics.md)");
        }
        if (format == Format.parquet && output == null) {
            throw new IllegalArgumentException("--format parquet needs --output");
        }
        if (output != null && inside(output, warehouse)) {
            throw new IllegalArgumentException("--output " + output + " is inside the warehouse: results go elsewhere, "
                    + "so a query can never change a table");
        }
        if (interactive == (query != null)) {
            throw new UsageError(interactive ? "--interactive reads its queries from standard input: give no QUERY"
                    : "give a QUERY, or --interactive to type queries one after another");
        }
        if (interactive && (engine == Engine.spark || format == Format.parquet || output != null)) {
            throw new UsageError("--interactive answers on DuckDB, to the terminal: leave out --engine spark, "
                    + "--format parquet and --output");
        }
        Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
        try (PinnedGeneration pinned = PinnedGeneration.of(warehouse)) {
            return interactive ? interactive(tables, pinned) : query(tables, pinned);
        }
    }

    /** What a query may read: tables by name, why others cannot be read yet, and the analyst's ad-hoc outputs. */
    private record Catalog(Map<String, TableContract> registered, Map<String, String> unavailable,
                           Map<String, Path> adhoc, Set<String> names) {
    }

    /**
     * Every readable table loaded once, then queries from standard input until EOF or \\q; a refused
     * or failing query prints its one-line error and the next one is read. Exit 1 when any failed.
     */
    private int interactive(Warehouse tables, PinnedGeneration pinned) throws Exception {
        Catalog catalog = catalog(pinned);
        Map<String, String> folders = new TreeMap<>();
        catalog.registered().forEach((name, table) -> folders.put(name, pinned.location(table)));
        boolean console = System.console() != null;
        int failed = 0;
        try (DuckDbQuery duck = DuckDbQuery.connect()) {
            duck.load(catalog.registered(), folders, catalog.adhoc());
            if (console) {
                System.err.println("tables: " + String.join(", ", catalog.names()));
                System.err.println("end each query with ';'; \\q to quit");
            }
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder statement = new StringBuilder();
            while (true) {
                if (console) {
                    System.err.print(statement.isEmpty() ? "sql> " : "...> ");
                }
                String line = in.readLine();
                if (line == null && statement.toString().isBlank() || statement.isEmpty() && line != null
                        && line.strip().equals("\\q")) {
                    break;
                }
                if (line != null) {
                    statement.append(line).append('\n');
                }
                String text = statement.toString().strip();
                if (text.isEmpty()) {
                    statement.setLength(0);
                    continue;
                }
                // A query ends with ';', or with the end of the input.
                if (!text.endsWith(";") && line != null) {
                    continue;
                }
                statement.setLength(0);
                try {
                    Set<String> read = duck.check(text, catalog.names(), catalog.unavailable());
                    write(duck.run(text, format == Format.table ? limit : 0));
                    Set<String> personTables = new TreeSet<>();
                    read.stream().filter(n -> catalog.registered().containsKey(n)
                            && catalog.registered().get(n).layer() != Layer.SAFE).forEach(personTables::add);
                    if (!personTables.isEmpty()) {
                        audit(tables, personTables, text);
                    }
                } catch (IllegalArgumentException | java.sql.SQLException e) {
                    failed++;
                    System.err.println("error: " + (e instanceof java.sql.SQLException q ? duckMessage(q) : e.getMessage()));
                }
                System.out.flush();
            }
        }
        return failed == 0 ? ExitCodes.OK : 1;
    }

    /** The tables of the pinned generation this caller may read, by name. */
    private Catalog catalog(PinnedGeneration pinned) throws java.io.IOException {
        boolean personLevel = "person-level".equals(Settings.current().fileOnly("access"));
        Map<String, TableContract> registered = new TreeMap<>();
        Map<String, String> unavailable = new TreeMap<>();
        for (TableContract table : Tables.all()) {
            // Analysts read each mart's safe version under the mart's name; the data team reads the marts.
            TableContract shown = table.layer() == Layer.MARTS && !personLevel ? Tables.safe(table) : table;
            boolean allowed = table.layer() == Layer.MARTS
                    || personLevel && (table.layer() == Layer.STAGING || table.layer() == Layer.INTERMEDIATE);
            if (allowed && Files.isDirectory(Path.of(pinned.location(shown)))) {
                registered.put(table.name(), shown);
            } else if (allowed) {
                unavailable.put(table.name(), shown.layer() == Layer.SAFE && Files.isDirectory(Path.of(pinned.location(table)))
                        ? "its safe version is not built yet: run metrics once with this version (it writes warehouse/safe)"
                        : "not computed yet: run " + (table.layer() == Layer.STAGING ? "ingest" : "metrics") + " first");
            }
        }
        // Analysts' own outputs of 'metrics --output NAME', as adhoc_NAME.
        Map<String, Path> adhocOutputs = new TreeMap<>();
        Path adhoc = Path.of(new Warehouse(warehouse.toAbsolutePath().toString()).adhocLocation());
        if (Files.isDirectory(adhoc)) {
            try (var outputs = Files.list(adhoc)) {
                for (Path folder : outputs.filter(Files::isDirectory).toList()) {
                    adhocOutputs.put("adhoc_" + folder.getFileName().toString().replace('-', '_').toLowerCase(Locale.ROOT),
                            folder.toAbsolutePath());
                }
            }
        }
        Set<String> names = new TreeSet<>(registered.keySet());
        names.addAll(adhocOutputs.keySet());
        return new Catalog(registered, unavailable, adhocOutputs, names);
    }

    /** Registers the tables of the pinned generation, checks the query and runs it. */
    private int query(Warehouse tables, PinnedGeneration pinned) throws Exception {
        Catalog catalog = catalog(pinned);
        if (useDuckDb()) {
            return duckDb(tables, pinned, catalog);
        }
        Map<String, TableContract> registered = catalog.registered();
        Map<String, String> unavailable = catalog.unavailable();
        Map<String, Path> adhocOutputs = catalog.adhoc();
        Set<String> names = catalog.names();
        // Checked on the parsed plan before any engine runs, so nothing is executed, read or written.
        ReadOnlyQuery.check(query, names, unavailable);
        Set<String> personTables = new TreeSet<>();
        for (Map.Entry<String, TableContract> t : registered.entrySet()) {
            if (t.getValue().layer() != Layer.SAFE && mentions(query, t.getKey())) {
                personTables.add(t.getKey());
            }
        }
        Map<String, String> conf = new java.util.LinkedHashMap<>(spark.conf);
        conf.put("spark.sql.runSQLOnFiles", "false");
        SparkSession session = SparkSessions.create(spark.master, conf);
        try {
            TableIO io = new TableIO(session, tables);
            registered.forEach((name, table) -> io.read(table, pinned.location(table)).createOrReplaceTempView(name));
            adhocOutputs.forEach((name, folder) -> session.read().parquet(folder.toString()).createOrReplaceTempView(name));
            Dataset<Row> result;
            try {
                result = session.sql(query);
            } catch (Exception e) {
                // Spark's analysis and parse errors explain themselves in their first non-blank line.
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                throw new IllegalArgumentException(message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message));
            }
            if (!personTables.isEmpty()) {
                audit(tables, personTables);
            }
            write(result);
            return ExitCodes.OK;
        } finally {
            session.stop();
        }
    }

    /** The query on an embedded DuckDB: checked on DuckDB's parse, only the tables it reads copied in, then run. */
    private int duckDb(Warehouse tables, PinnedGeneration pinned, Catalog catalog) throws Exception {
        Map<String, TableContract> registered = catalog.registered();
        try (DuckDbQuery duck = DuckDbQuery.connect()) {
            Set<String> read = duck.check(query, catalog.names(), catalog.unavailable());
            Map<String, TableContract> contracts = new TreeMap<>();
            Map<String, String> folders = new TreeMap<>();
            Map<String, Path> adhocRead = new TreeMap<>();
            Set<String> personTables = new TreeSet<>();
            for (String name : read) {
                if (registered.containsKey(name)) {
                    contracts.put(name, registered.get(name));
                    folders.put(name, pinned.location(registered.get(name)));
                    if (registered.get(name).layer() != Layer.SAFE) {
                        personTables.add(name);
                    }
                } else {
                    adhocRead.put(name, catalog.adhoc().get(name));
                }
            }
            DuckDbQuery.Result result;
            try {
                duck.load(contracts, folders, adhocRead);
                result = duck.run(query, format == Format.table ? limit : 0);
            } catch (java.sql.SQLException e) {
                throw new IllegalArgumentException(duckMessage(e));
            }
            if (!personTables.isEmpty()) {
                audit(tables, personTables);
            }
            write(result);
            return ExitCodes.OK;
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException(duckMessage(e));
        }
    }

    /** DuckDB on a local master; Spark for a cluster, and for Parquet output (DuckDB here may write no file). */
    private boolean useDuckDb() {
        if (engine == Engine.duckdb && format == Format.parquet) {
            throw new IllegalArgumentException("--engine duckdb cannot write --format parquet: use --engine spark");
        }
        return engine == Engine.duckdb || engine == Engine.auto && format != Format.parquet
                && (spark.master == null || spark.master.startsWith("local"));
    }

    /** DuckDB's error in one line: "Binder Error: Referenced column "x" not found ...". */
    private static String duckMessage(java.sql.SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().map(String::strip).filter(l -> !l.isBlank()).findFirst().orElse(message)
                .replaceFirst("^java\\.sql\\.SQLException: ", "");
    }

    /** Whether {@code file} would land in {@code folder}, links and ".." resolved as far as they exist. */
    private static boolean inside(Path file, Path folder) throws java.io.IOException {
        Path root = Files.exists(folder) ? folder.toRealPath() : folder.toAbsolutePath().normalize();
        Path target = file.toAbsolutePath().normalize();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path resolved = existing == null ? target : existing.toRealPath().resolve(existing.relativize(target));
        return resolved.normalize().startsWith(root);
    }

    private static boolean mentions(String sql, String table) {
        return java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_])" + table + "(?![A-Za-z0-9_])").matcher(sql).find();
    }

    /** One line per person-level query: who, when and which tables, in the warehouse. */
    private void audit(Warehouse tables, Set<String> personTables) throws java.io.IOException {
        audit(tables, personTables, query);
    }

    private void audit(Warehouse tables, Set<String> personTables, String query) throws java.io.IOException {
        Path log = Path.of(new Warehouse(warehouse.toAbsolutePath().toString()).sqlAccessLog());
        Files.createDirectories(log.getParent());
        String line = String.format(Locale.ROOT, "{\"at\":\"%s\",\"user\":\"%s\",\"tables\":\"%s\",\"query_sha256\":\"%s\"}%n",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), System.getProperty("user.name"),
                String.join(",", personTables), sha256(query));
        Files.writeString(log, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        OwnerOnly.apply(warehouse);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Dataset<Row> result) throws Exception {
        if (format == Format.parquet) {
            result.write().mode("errorifexists").parquet(output.toAbsolutePath().toString());
            System.out.println("wrote " + output);
            return;
        }
        List<Row> rows = format == Format.table ? result.limit(limit).collectAsList() : result.collectAsList();
        List<Object[]> values = TextTable.values(rows);
        write(new DuckDbQuery.Result(List.of(result.columns()), values));
    }

    private void write(DuckDbQuery.Result result) throws Exception {
        StringBuilder text = new StringBuilder();
        String[] columns = result.columns().toArray(String[]::new);
        List<Object[]> rows = result.rows();
        switch (format) {
            case table -> TextTable.append(text, columns, rows);
            case csv -> {
                try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                        .setHeader(columns).get())) {
                    for (Object[] row : rows) {
                        List<Object> values = new ArrayList<>();
                        for (Object value : row) {
                            values.add(value == null ? "" : org.mentoringanalytics.contracts.SpreadsheetSafe.cell(value));
                        }
                        printer.printRecord(values);
                    }
                }
            }
            case json -> {
                com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
                for (Object[] row : rows) {
                    Map<String, Object> object = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < columns.length; i++) {
                        Object v = row[i];
                        object.put(columns[i], v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
                    }
                    text.append(json.writeValueAsString(object)).append('\n');
                }
            }
            default -> throw new IllegalStateException();
        }
        if (output == null) {
            System.out.print(text);
        } else {
            Files.writeString(output, text);
            System.out.println("wrote " + rows.size() + " rows to " + output);
        }
    }
}
