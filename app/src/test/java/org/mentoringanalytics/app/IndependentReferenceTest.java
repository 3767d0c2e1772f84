package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mart recomputed by an independent engine: DuckDB SQL, written from the mart's definition in
 * docs/metrics.md, over the same staging Parquet the metrics job read. Row for row, the two must
 * agree; a difference is a bug in one of them.
 */
class IndependentReferenceTest {

    private static String table(Path warehouse, String layer, String name) {
        return "read_parquet('" + warehouse.resolve(layer).resolve(name).toAbsolutePath() + "/*.parquet')";
    }

    private static List<String> rows(Statement sql, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = sql.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(r.getObject(c)).append(c < columns ? "|" : "");
                }
                rows.add(row.toString());
            }
        }
        rows.sort(String::compareTo);
        return rows;
    }

    @Test
    void goalsByQuarterRecomputedInDuckDbEqualTheMart() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path w = f.warehouse;
        String asOf = PipelineFixture.AS_OF.toString();
        // Per program from its start quarter, and for ALL from the first start, to the as-of quarter:
        // distinct goals set and completed by each quarter's end and during it, and the distinct people
        // of matches with a goal by then. A group match has one row per mentee: goals count once.
        String reference = """
                with gm as (select g.goal_id, g.created_at, g.completed_at, m.program_id, m.mentor_key, m.mentee_key
                            from %s g join %s m using (match_id)),
                scoped as (select program_id, goal_id, created_at, completed_at, mentor_key, mentee_key from gm
                           union all select 'ALL', goal_id, created_at, completed_at, mentor_key, mentee_key from gm),
                starts as (select program_id, date_trunc('quarter', start_date) ps from %s
                           union all select 'ALL', date_trunc('quarter', min(start_date)) from %s),
                grid as (select program_id, r::timestamptz qs, (r + interval 3 month)::timestamptz qe
                         from starts, range(starts.ps, date '%s' + interval 1 day, interval 3 month) t(r)),
                counts as (select grid.program_id, grid.qs,
                             count(distinct s.goal_id) filter (where s.created_at < grid.qe) set_by,
                             count(distinct s.goal_id) filter (where s.completed_at < grid.qe and s.created_at < grid.qe) done_by,
                             count(distinct s.goal_id) filter (where s.created_at >= grid.qs and s.created_at < grid.qe) set_in,
                             count(distinct s.goal_id) filter (where s.completed_at >= grid.qs and s.completed_at < grid.qe) done_in
                           from grid left join scoped s on s.program_id = grid.program_id group by 1, 2),
                people as (select program_id, qs, count(distinct person) people from (
                             select grid.program_id, grid.qs, unnest([s.mentor_key, s.mentee_key]) person
                             from grid join scoped s on s.program_id = grid.program_id and s.created_at < grid.qe)
                           group by 1, 2)
                select counts.program_id, strftime(counts.qs, '%%Y') || '-Q' || cast((month(counts.qs) + 2) // 3 as varchar),
                       set_by, done_by, set_in, done_in, coalesce(people, 0)
                from counts left join people using (program_id, qs)
                """.formatted(table(w, "staging", "stg_goals"), table(w, "staging", "stg_matches"),
                table(w, "staging", "stg_programs"), table(w, "staging", "stg_programs"), asOf);
        String mart = "select program_id, quarter, goals_set, goals_completed, set_in_quarter, completed_in_quarter, people from "
                + table(w, "marts", "mart_goals_quarterly");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
            List<String> expected = rows(sql, reference);
            assertThat(expected).hasSizeGreaterThan(20).anyMatch(r -> r.startsWith("ALL|"));
            assertThat(rows(sql, mart)).containsExactlyElementsOf(expected);
        }
    }
}
