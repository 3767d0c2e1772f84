package org.mentoringanalytics.contracts;

import java.util.List;

/**
 * A table whose files are no longer what its writer wrote (see {@link TableManifest}). Its message
 * names the table, each damaged file and what to do, so the operator can act on it directly.
 */
public final class DamagedTable extends RuntimeException {

    private final transient TableContract table;
    private final List<String> problems;

    public DamagedTable(TableContract table, String location, List<String> problems, String remedy) {
        super(table.name() + " is damaged (" + location + "): " + String.join("; ", problems) + ". " + remedy);
        this.table = table;
        this.problems = List.copyOf(problems);
    }

    /**
     * What to do about a damaged staging table: ingest its landing source again from the landing
     * files ({@code ingest --rebuild <source>}); the ingest bookkeeping tables need every source.
     */
    public static String stagingRemedy(TableContract staging) {
        String source = staging.name().startsWith("stg_ingest_") || !staging.name().startsWith("stg_")
                ? "all" : staging.name().substring(4);
        return "Ingest it again from the landing files: mentoring-analytics ingest --rebuild " + source
                + " (the landing folder must still hold them), then run metrics.";
    }

    public TableContract table() {
        return table;
    }

    public List<String> problems() {
        return problems;
    }
}
