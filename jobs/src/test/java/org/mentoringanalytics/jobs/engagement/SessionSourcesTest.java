package org.mentoringanalytics.jobs.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.SharedSpark;

class SessionSourcesTest {

    private static Dataset<Row> sessions() {
        return table(Tables.STG_SESSIONS,
                // Typed in at 10:00; Zoom saw the same meeting start at 10:20: one meeting.
                new Object[]{"S1", "M1", t("2026-03-02T10:00:00Z"), 45, "video", "sync", null},
                new Object[]{"zoom-81-1", "M1", t("2026-03-02T10:20:00Z"), 40, "video", "sync", null},
                // 40 minutes apart: two meetings.
                new Object[]{"S2", "M1", t("2026-03-09T10:00:00Z"), 30, "video", "sync", null},
                new Object[]{"teams-x-1", "M1", t("2026-03-09T10:40:00Z"), 30, "video", "sync", null},
                // Another match at the same time: not the same meeting.
                new Object[]{"S3", "M2", t("2026-03-02T10:05:00Z"), 30, "video", "sync", null},
                // A chat typed in and the Slack day of the same match: one exchange; a phone call stays.
                new Object[]{"S4", "M1", t("2026-03-03T18:00:00Z"), 5, "chat", "async", null},
                new Object[]{"slack-D-2026-03-03", "M1", t("2026-03-03T09:00:00Z"), 0, "chat", "async", null},
                new Object[]{"S5", "M1", t("2026-03-03T09:10:00Z"), 20, "phone", "sync", null});
    }

    @Test
    void aHandLoggedMeetingAlsoInAnExportCountsOnce() {
        Dataset<Row> sessions = sessions();
        List<String> kept = SessionSources.deduplicated(sessions).select("session_id").orderBy("session_id")
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        assertThat(kept).containsExactly("S2", "S3", "S5", "slack-D-2026-03-03", "teams-x-1", "zoom-81-1");

        List<Row> summary = SessionSources.summary(sessions).orderBy("source").collectAsList();
        assertThat(summary).extracting(r -> r.getString(0) + " " + r.getLong(1) + " " + r.getLong(2))
                .containsExactly("landing 3 0", "slack 1 1", "teams 1 0", "zoom 1 1");
    }

    /** Above the broadcast limit the export sessions are shuffled with the hand-logged ones: the same sessions are kept. */
    @Test
    void manyExportSessionsAreJoinedByShufflingWithTheSameResult() {
        SparkSession spark = SharedSpark.get();
        String threshold = spark.conf().get("spark.sql.autoBroadcastJoinThreshold");
        spark.conf().set("spark.sql.autoBroadcastJoinThreshold", "-1");
        try {
            Dataset<Row> kept = SessionSources.deduplicated(sessions(), 0);
            List<String> ids = kept.select("session_id").orderBy("session_id").collectAsList().stream()
                    .map(r -> r.getString(0)).toList();
            assertThat(ids).containsExactly("S2", "S3", "S5", "slack-D-2026-03-03", "teams-x-1", "zoom-81-1");
            assertThat(kept.queryExecution().executedPlan().toString()).contains("SortMergeJoin")
                    .doesNotContain("BroadcastHashJoin");
        } finally {
            spark.conf().set("spark.sql.autoBroadcastJoinThreshold", threshold);
        }
    }

    /** Without any export, the sessions are used as they are: no join over every session for nothing. */
    @Test
    void withoutExportsTheSessionsAreKeptWithoutAJoin() {
        Dataset<Row> handOnly = sessions().where(SessionSources.source().equalTo("landing"));
        assertThat(SessionSources.deduplicated(handOnly)).isSameAs(handOnly);
        assertThat(SessionSources.summary(handOnly).collectAsList())
                .extracting(r -> r.getString(0) + " " + r.getLong(1) + " " + r.getLong(2))
                .containsExactly("landing 5 0");
    }
}
