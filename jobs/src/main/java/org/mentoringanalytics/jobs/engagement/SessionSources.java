package org.mentoringanalytics.jobs.engagement;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.unix_timestamp;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Sessions from hand-logged landing files and from tools' exports, counted once. Export readers
 * give their sessions IDs starting {@code zoom-}, {@code teams-} or {@code slack-}. A hand-logged
 * video session of a match starting within {@link #VIDEO_TOLERANCE_MINUTES} of a Zoom or Teams
 * session of the same match, or a hand-logged chat session on the same UTC day as a Slack session
 * of the same match, is the same meeting or exchange: the export's session is kept (its times are
 * measured, not typed) and the hand-logged one is dropped and counted.
 */
public final class SessionSources {

    public static final int VIDEO_TOLERANCE_MINUTES = 30;

    /** Export sessions up to this many (about 10 MB) are joined without shuffling the hand-logged ones. */
    static final long BROADCAST_EXPORT_SESSIONS = 200_000;

    private SessionSources() {
    }

    /** The tools whose exports give sessions, each session ID starting with the tool's name and a hyphen. */
    private static final java.util.List<String> TOOLS = java.util.List.of("zoom", "teams", "slack");

    /** A session's source: the tool its ID names, else {@code landing}. */
    static Column source() {
        Column id = col("session_id");
        Column source = lit("landing");
        for (int i = TOOLS.size() - 1; i >= 0; i--) {
            source = when(id.startsWith(TOOLS.get(i) + "-"), lit(TOOLS.get(i))).otherwise(source);
        }
        return source;
    }

    /**
     * Whether a session comes from a tool's export: {@link #source()} is not {@code landing}. Written
     * as prefixes so that Parquet skips every row group whose session IDs cannot start with one;
     * hand-logged IDs (S00000001 and so on) sort before them all, so with no exports the look reads
     * only the files' footers.
     */
    static Column exported() {
        Column id = col("session_id");
        return TOOLS.stream().map(tool -> id.startsWith(tool + "-")).reduce(Column::or).orElseThrow();
    }

    /** Hand-logged sessions that duplicate an export's session, with the export's source. */
    static Dataset<Row> duplicates(Dataset<Row> sessions) {
        Dataset<Row> hand = sessions.where(source().equalTo("landing"))
                .select(col("session_id").as("hand_id"), col("match_id"), col("channel"), col("started_at"));
        Dataset<Row> tools = tools(sessions, BROADCAST_EXPORT_SESSIONS);
        if (tools == null) {
            return hand.select(col("hand_id"), lit(null).cast("string").as("tool_source")).limit(0);
        }
        return hand.join(tools, sameMeeting()).groupBy("hand_id")
                .agg(org.apache.spark.sql.functions.min("tool_source").as("tool_source"));
    }

    /**
     * The sessions with every hand-logged duplicate of an export's session removed: every session
     * but the hand-logged ones matching an export session, in one pass over the sessions;
     * {@code sessions} itself when there is no export session.
     */
    public static Dataset<Row> deduplicated(Dataset<Row> sessions) {
        return deduplicated(sessions, BROADCAST_EXPORT_SESSIONS);
    }

    /** {@link #deduplicated(Dataset)}, broadcasting at most {@code broadcastLimit} export sessions. */
    static Dataset<Row> deduplicated(Dataset<Row> sessions, long broadcastLimit) {
        Dataset<Row> tools = tools(sessions, broadcastLimit);
        if (tools == null) {
            return sessions;
        }
        return sessions.join(tools, source().equalTo("landing").and(sameMeeting()), "left_anti");
    }

    /**
     * The export sessions' match, channel, start and source, named apart from a session's own
     * columns; sent whole to every task when there are at most {@code broadcastLimit},
     * so the hand-logged sessions are matched where they are read instead of shuffled; null when
     * there are none, so that nothing is joined.
     */
    private static Dataset<Row> tools(Dataset<Row> sessions, long broadcastLimit) {
        // Read once, then counted and joined from the copy.
        Dataset<Row> tools = sessions.where(exported())
                .select(col("match_id").as("tool_match"), col("channel").as("tool_channel"),
                        col("started_at").as("tool_start"), source().as("tool_source"))
                .localCheckpoint();
        long count = tools.count();
        if (count == 0) {
            return null;
        }
        return count <= broadcastLimit ? broadcast(tools) : tools;
    }

    /** A hand-logged session (match_id, channel, started_at) is the same meeting or exchange as an export's. */
    private static Column sameMeeting() {
        Column sameMatch = col("match_id").equalTo(col("tool_match")).and(col("channel").equalTo(col("tool_channel")));
        Column close = when(col("tool_channel").equalTo("chat"),
                to_date(col("started_at")).equalTo(to_date(col("tool_start"))))
                .otherwise(abs(unix_timestamp(col("started_at")).minus(unix_timestamp(col("tool_start"))))
                        .leq(VIDEO_TOLERANCE_MINUTES * 60));
        return sameMatch.and(close);
    }

    /**
     * Rows of mart_session_sources. The sessions kept per source are all of that source's sessions
     * less, for hand-logged ones, the duplicates (each merged into exactly one export's source):
     * the same counts as grouping {@link #deduplicated}, from the one join that finds the duplicates.
     */
    public static Dataset<Row> summary(Dataset<Row> sessions) {
        Dataset<Row> merged = duplicates(sessions).groupBy(col("tool_source").as("source"))
                .agg(count(lit(1)).as("merged_duplicates"));
        Dataset<Row> all = sessions.withColumn("source", source()).groupBy("source").agg(count(lit(1)).as("all"));
        Column mergedHere = coalesce(col("merged_duplicates"), lit(0L));
        // A few rows, one per source: the total merged is summed over them.
        Column dropped = when(col("source").equalTo("landing"), sum(mergedHere).over(Window.partitionBy()))
                .otherwise(lit(0L));
        return all.join(merged, new String[]{"source"}, "full_outer")
                .select(col("source"), coalesce(col("all"), lit(0L)).minus(dropped).as("sessions"),
                        mergedHere.as("merged_duplicates"))
                .where(col("sessions").gt(0).or(col("merged_duplicates").gt(0)));
    }
}
