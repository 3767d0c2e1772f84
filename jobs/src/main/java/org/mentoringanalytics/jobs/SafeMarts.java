package org.mentoringanalytics.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

/**
 * The safe layer: each mart with every value from fewer than k people set to null. Input: a mart
 * (rows of its contract) and k; output: rows of {@link Tables#safe} of it, one per mart row.
 *
 * <p>Primary suppression: a row whose people count (the {@code people} column; for the survival
 * curve, the rows still at risk) is below k, or unknown, keeps its key and loses every other value.
 * Complementary suppression ({@link ComplementarySuppression}) along each margin: a key column
 * whose values split a total that is published elsewhere, such as programs within a quarter. Operational tables with no people behind them (source
 * freshness, ingest rejects, session sources) pass unchanged.
 */
public final class SafeMarts {

    private static final Map<String, List<ComplementarySuppression.Margin>> MARGINS = new HashMap<>();
    private static final Map<String, String> PEOPLE = Map.of("mart_retention_survival", "at_risk");
    private static final List<String> NOT_PERSONAL = List.of("mart_source_freshness", "mart_ingest_rejects",
            "mart_session_sources");

    static {
        margin("mart_program_engagement_monthly", "program_id", "month");
        margin("mart_retention_12m", "scope", "group_name");
        margin("mart_retention_outcome", "scope", "scope_kind", "role");
        margin("mart_engagement_rollup", "value", "dimension", "month");
        margin("mart_match_health", "program_id", "health");
        margin("mart_match_health", "health", "program_id");
        margin("mart_participation_quarterly", "program_id", "quarter");
        margin("mart_participation_equity", "value", "quarter", "dimension", "role");
        margin("mart_goals", "program_id");
        margin("mart_survey_results", "program_id", "survey_type", "construct", "role");
        margin("mart_survey_distribution", "score", "program_id", "survey_type", "construct", "role");
        margin("mart_survey_distribution", "program_id", "survey_type", "construct", "role", "score");
        margin("mart_survey_change", "program_id", "construct");
        margin("mart_turnover_monthly", "group_name", "month");
        margin("mart_goals_quarterly", "program_id", "quarter");
        margin("mart_survey_quarterly", "program_id", "quarter", "construct", "role");
    }

    private static void margin(String table, String column, String... groupBy) {
        MARGINS.computeIfAbsent(table, t -> new ArrayList<>())
                .add(new ComplementarySuppression.Margin(column, List.of(groupBy)));
    }

    private SafeMarts() {
    }

    /** The margins along which a mart gets complementary suppression: {column, group-by columns...} each. */
    public static List<List<String>> margins(TableContract mart) {
        return MARGINS.getOrDefault(mart.name(), List.of()).stream().map(m -> {
            List<String> names = new ArrayList<>();
            names.add(m.column());
            names.addAll(m.groupBy());
            return names;
        }).toList();
    }

    /** The people count a row's suppression is decided on. */
    static Optional<String> peopleColumn(TableContract mart) {
        if (NOT_PERSONAL.contains(mart.name())) {
            return Optional.empty();
        }
        return Optional.of(PEOPLE.getOrDefault(mart.name(), "people"));
    }

    /**
     * The safe rows of a mart, on the driver (marts are small: one row per group, never per person).
     * Rows are put in key order first: where two cells tie as the smallest complement, the same one is
     * hidden in every run. Otherwise two runs over the same data could hide different cells, and the
     * two generations together would give the hidden value away.
     */
    static List<Row> of(Dataset<Row> mart, TableContract contract, int k) {
        return of(mart.collectAsList(), contract, k);
    }

    /** The safe rows of a mart's rows already on the driver (see {@link #of(Dataset, TableContract, int)}). */
    static List<Row> of(List<Row> mart, TableContract contract, int k) {
        List<Row> rows = new ArrayList<>(mart);
        rows.sort(keyOrder(contract));
        return suppress(rows, contract, k);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static java.util.Comparator<Row> keyOrder(TableContract contract) {
        int[] key = contract.primaryKey().stream().mapToInt(k -> contract.columnNames().indexOf(k)).toArray();
        return (a, b) -> {
            for (int i : key) {
                int c = ((Comparable) a.get(i)).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The pure rule on collected rows (in the mart's column order). */
    static List<Row> suppress(List<Row> rows, TableContract mart, int k) {
        List<String> names = mart.columnNames();
        boolean[] hidden = new boolean[rows.size()];
        Optional<String> people = peopleColumn(mart);
        if (people.isPresent()) {
            int p = names.indexOf(people.get());
            for (int i = 0; i < rows.size(); i++) {
                Object v = rows.get(i).get(p);
                hidden[i] = v == null || ((Number) v).longValue() < k;
            }
            ComplementarySuppression.apply(ComplementarySuppression.Cells.of(rows,
                    (row, column) -> row.get(names.indexOf(column)), row -> ((Number) row.get(p)).longValue()),
                    MARGINS.getOrDefault(mart.name(), List.of()), hidden);
        }
        List<Row> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] values = new Object[names.size() + 1];
            for (int c = 0; c < names.size(); c++) {
                values[c] = hidden[i] && !mart.primaryKey().contains(names.get(c)) ? null : rows.get(i).get(c);
            }
            values[names.size()] = hidden[i];
            out.add(RowFactory.create(values));
        }
        return out;
    }

}
