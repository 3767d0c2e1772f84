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
 * Marts recomputed by an independent engine: DuckDB SQL ({@code src/test/resources/reference/}),
 * written from each mart's definition in docs/metrics.md, over the same staging Parquet the metrics
 * job read. Row for row, the two must
 * agree; a difference is a bug in one of them.
 */
class IndependentReferenceTest {

    private static String table(Path warehouse, String layer, String name) {
        return "read_parquet('" + warehouse.resolve(layer).resolve(name).toAbsolutePath() + "/*.parquet')";
    }

    /** The query's rows in DuckDB (time zone UTC, as Spark's session), each as its values joined by |, sorted. */
    private static List<String> query(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = duckdb.createStatement()) {
            sql.execute("SET TimeZone = 'UTC'");
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
        }
        rows.sort(String::compareTo);
        return rows;
    }

    @Test
    void goalsByQuarterRecomputedInDuckDbEqualTheMart() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path w = f.warehouse;
        // Per program from its start quarter, and for ALL from the first start, to the as-of quarter:
        // distinct goals set and completed by each quarter's end and during it, and the distinct people
        // of matches with a goal by then. A group match has one row per mentee: goals count once.
        String reference = Reference.sql("goals_quarterly.sql", w, PipelineFixture.AS_OF);
        String mart = "select program_id, quarter, goals_set, goals_completed, set_in_quarter, completed_in_quarter, people from "
                + table(w, "marts", "mart_goals_quarterly");
        List<String> expected = query(reference);
        assertThat(expected).hasSizeGreaterThan(20).anyMatch(r -> r.startsWith("ALL|"));
        assertThat(query(mart)).containsExactlyElementsOf(expected);
    }

    @Test
    void monthlyTurnoverRecomputedInDuckDbEqualsTheMart() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path w = f.warehouse;
        // SHRM turnover for the 36 months to the as-of month: people employed at some point of the month,
        // split by whether they enrolled or were matched (either role) before it began; exits in the
        // month by type over the average of the first and last day's headcount; annualized rates sum
        // the last 12 monthly rates once 12 are there. Rates are rounded to 9 places on both sides.
        String reference = Reference.sql("turnover_monthly.sql", w, PipelineFixture.AS_OF);
        String mart = "select month, group_name, headcount_start, headcount_end, average_headcount, voluntary_exits, "
                + "involuntary_exits, round(voluntary_rate, 9), round(involuntary_rate, 9), round(annualized_voluntary_rate, 9), "
                + "round(annualized_total_rate, 9), people from " + table(w, "marts", "mart_turnover_monthly");
        List<String> expected = query(reference);
        assertThat(expected).hasSize(36 * 3).anyMatch(r -> r.contains("|participants|"));
        assertThat(query(mart)).containsExactlyElementsOf(expected);
    }

    @Test
    void quarterlyParticipationRecomputedInDuckDbEqualsTheMart() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path w = f.warehouse;
        // Per program (and ALL, where a person in two programs counts once) from its start quarter to the
        // as-of quarter: enrolments in the quarter by role; of the mentees, those matched in the program
        // on or after enrolling and by the as-of date, and the median days it took; distinct people of
        // matches live in the quarter; the average of the quarter's first and last day's headcount.
        String reference = Reference.sql("participation_quarterly.sql", w, PipelineFixture.AS_OF);
        String mart = "select program_id, program_name, quarter, quarter_start, mentees_enrolled, mentors_enrolled, "
                + "mentees_matched, round(match_rate, 9), round(median_days_to_match, 9), participants, average_headcount, "
                + "round(participation_rate, 9), people from " + table(w, "marts", "mart_participation_quarterly");
        List<String> expected = query(reference);
        assertThat(expected).hasSizeGreaterThan(20).anyMatch(r -> r.startsWith("ALL|"));
        assertThat(query(mart)).containsExactlyElementsOf(expected);
    }

    @Test
    void monthlyProgramEngagementRecomputedInDuckDbEqualsTheMart() throws Exception {
        PipelineFixture f = PipelineFixture.get();
        Path w = f.warehouse;
        // Per program and month from its first match to the as-of month: matches live in the month,
        // those with a session, sessions, minutes, sessions per active match and the distinct people.
        // The SQL leaves out the merging of hand-logged sessions with tools' exports, so the fixture
        // must have no exported sessions for the comparison to hold.
        String reference = Reference.sql("engagement_program_monthly.sql", w, PipelineFixture.AS_OF);
        String mart = "select program_id, program_name, month, live_matches, active_matches, sessions, minutes, "
                + "round(sessions_per_active_match, 9), people from " + table(w, "marts", "mart_program_engagement_monthly");
        assertThat(query("select count(*) from " + table(w, "staging", "stg_sessions")
                + " where session_id similar to '(zoom|teams|slack)-.*'")).containsExactly("0");
        List<String> expected = query(reference);
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(query(mart)).containsExactlyElementsOf(expected);
    }
}
