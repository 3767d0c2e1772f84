package org.mentoringanalytics.jobs.engagement;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;
import org.mentoringanalytics.jobs.TableIO;

/** Engagement per program and month, per match and month, roll-ups and the health of live matches. */
public final class EngagementGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("programs", "matches", "sessions", "employees");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY, Tables.MART_MATCH_ENGAGEMENT_MONTHLY,
                Tables.MART_ENGAGEMENT_ROLLUP, Tables.MART_MATCH_HEALTH);
    }

    @Override
    public void compute(GroupRun run) {
        Dataset<Row> programs = run.staging(Tables.STG_PROGRAMS);
        Dataset<Row> matches = run.staging(Tables.STG_MATCHES);
        // A meeting both typed in by hand and found in a tool's export counts once. With exports, the sessions
        // kept are cached so the join is done once for the four marts; without, each mart reads the columns it
        // needs straight from Parquet, at 10M sessions quicker than first caching every session (about 7 s).
        Dataset<Row> staged = run.staging(Tables.STG_SESSIONS);
        Dataset<Row> kept = SessionSources.deduplicated(staged);
        Dataset<Row> sessions = kept.select("match_id", "started_at", "duration_minutes", "channel", "mode");
        if (kept != staged) {
            sessions = sessions.cache();
        }
        run.publish(EngagementTransforms.programMonthly(programs, matches, sessions, run.asOf()),
                Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY);
        Dataset<Row> matchMonthly = EngagementDetail.matchMonthly(programs, matches, sessions,
                run.staging(Tables.STG_EMPLOYEES), run.asOf()).localCheckpoint();
        run.publish(matchMonthly, Tables.MART_MATCH_ENGAGEMENT_MONTHLY);
        // The gaps between sessions, counted once for all three dimensions: the window over every session is the
        // roll-up's one costly step (three times over 10M sessions was about 40 s).
        Dataset<Row> gaps = EngagementDetail.sessionGaps(matchMonthly, sessions, run.asOf()).localCheckpoint();
        Dataset<Row> rollups = null;
        for (String dimension : List.of("program", "program_type", "department")) {
            Dataset<Row> rollup = TableIO.conform(EngagementDetail.rollup(matchMonthly, matches, gaps, dimension),
                    Tables.MART_ENGAGEMENT_ROLLUP);
            rollups = rollups == null ? rollup : rollups.union(rollup);
        }
        run.publish(rollups, Tables.MART_ENGAGEMENT_ROLLUP);
        run.publish(EngagementDetail.health(programs, matches, sessions, run.asOf()), Tables.MART_MATCH_HEALTH);
    }
}
