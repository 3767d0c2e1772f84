package org.mentoringanalytics.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        description = "Run a Spark SQL query over the warehouse: every staging, intermediate and mart table is registered by name "
                + "(the restricted layer is not), and each ad-hoc output of 'metrics --output NAME' as adhoc_NAME.",
        footer = {"", "Examples:",
                "  mentoring-analytics sql \"SELECT program_id, sum(sessions) FROM mart_program_engagement_monthly GROUP BY 1\"",
                "  mentoring-analytics sql \"SELECT * FROM mart_retention_outcome\" --format csv --output outcome.csv",
                "", "Exit codes: 0 success, 1 the query failed (unknown table, bad SQL), 2 bad usage."})
final class SqlCommand implements Callable<Integer> {

    enum Format { table, csv, json, parquet }

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

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

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        if (format == Format.parquet && output == null) {
            throw new IllegalArgumentException("--format parquet needs --output");
        }
        SparkSession session = SparkSessions.create(spark);
        try {
            Warehouse tables = new Warehouse(warehouse.toAbsolutePath().toString());
            TableIO io = new TableIO(session, tables);
            for (TableContract table : Tables.all()) {
                if (table.layer() != Layer.RESTRICTED && Files.isDirectory(Path.of(tables.location(table)))) {
                    io.read(table).createOrReplaceTempView(table.name());
                }
            }
            // Analysts' own outputs of 'metrics --output NAME', as adhoc_NAME.
            Path adhoc = warehouse.resolve("adhoc");
            if (Files.isDirectory(adhoc)) {
                try (var outputs = Files.list(adhoc)) {
                    for (Path folder : outputs.filter(Files::isDirectory).toList()) {
                        session.read().parquet(folder.toAbsolutePath().toString())
                                .createOrReplaceTempView("adhoc_" + folder.getFileName().toString().replace('-', '_'));
                    }
                }
            }
            Dataset<Row> result;
            try {
                result = session.sql(query);
            } catch (Exception e) {
                // Spark's analysis and parse errors explain themselves in their first non-blank line.
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                throw new IllegalArgumentException(message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message));
            }
            write(result);
            return ExitCodes.OK;
        } finally {
            session.stop();
        }
    }

    private void write(Dataset<Row> result) throws Exception {
        if (format == Format.parquet) {
            result.write().mode("errorifexists").parquet(output.toAbsolutePath().toString());
            System.out.println("wrote " + output);
            return;
        }
        StringBuilder text = new StringBuilder();
        String[] columns = result.columns();
        List<Row> rows = format == Format.table ? result.limit(limit).collectAsList() : result.collectAsList();
        switch (format) {
            case table -> TextTable.append(text, columns, rows);
            case csv -> {
                try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                        .setHeader(columns).get())) {
                    for (Row row : rows) {
                        List<Object> values = new ArrayList<>();
                        for (int i = 0; i < columns.length; i++) {
                            values.add(row.isNullAt(i) ? "" : row.get(i));
                        }
                        printer.printRecord(values);
                    }
                }
            }
            case json -> rows.forEach(r -> text.append(r.json()).append('\n'));
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
