package org.mentoringanalytics.jobs.dataquality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentoringanalytics.jobs.Fixtures.t;
import static org.mentoringanalytics.jobs.Fixtures.table;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.Fixtures;

class DataQualityTransformsTest {

    @Test
    void rowsPerSourceAndHowRecentItsLatestRecordIs() {
        var files = table(Tables.STG_INGEST_FILES,
                new Object[]{"h1", "sessions/2026-08.csv", "sessions", 1L, t("2026-09-01T02:00:00Z"), "loaded", 10L, 9L, 1L, 0L, null},
                new Object[]{"h2", "sessions/2026-09.csv", "sessions", 2L, t("2026-10-01T02:00:00Z"), "loaded", 5L, 5L, 0L, 0L, null},
                new Object[]{"h3", "sessions/broken.csv", "sessions", 2L, t("2026-10-01T02:00:00Z"), "rejected_whole", 0L, 0L, 0L, 0L, "empty"});
        var sessions = table(Tables.STG_SESSIONS,
                new Object[]{"S1", "M1", t("2026-09-20T10:00:00Z"), 30, "video", "sync", null});
        var changes = table(Tables.STG_INGEST_CHANGES,
                new Object[]{2L, "sessions", "sessions/2026-07.csv", "file_removed", "h0", 7L},
                new Object[]{2L, "employees", "hr/employees.csv", "rows_retired", "", 4L},
                new Object[]{3L, "employees", "hr/employees.csv", "rows_retired", "", 2L});
        List<Row> rows = DataQualityTransforms.freshness(files, changes, contract -> contract == Tables.STG_SESSIONS ? sessions
                : table(contract), LocalDate.of(2026, 9, 30)).collectAsList();
        assertThat(rows).hasSize(1);
        Row s = rows.get(0);
        assertThat((Long) s.getAs("files_loaded")).isEqualTo(2L);
        assertThat((Long) s.getAs("files_rejected")).isEqualTo(1L);
        assertThat((Long) s.getAs("rows_read")).isEqualTo(15L);
        assertThat((Long) s.getAs("rows_rejected")).isEqualTo(1L);
        assertThat(s.<java.sql.Date>getAs("latest_record_date").toLocalDate()).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat((Integer) s.getAs("days_behind")).isEqualTo(10);
        // Changes of another source are not this one's; a removed file counts once, its rows are not "retired".
        assertThat((Long) s.getAs("files_removed")).isEqualTo(1L);
        assertThat((Long) s.getAs("rows_retired")).isEqualTo(0L);
    }

    @Test
    void retiredRowsAreSummedOverRunsAndASourceWithoutChangesHasNone() {
        var files = table(Tables.STG_INGEST_FILES,
                new Object[]{"h1", "hr/employees.csv", "employees", 1L, t("2026-09-01T02:00:00Z"), "loaded", 10L, 10L, 0L, 0L, null},
                new Object[]{"h2", "programs/programs.csv", "programs", 1L, t("2026-09-01T02:00:00Z"), "loaded", 2L, 2L, 0L, 0L, null});
        var changes = table(Tables.STG_INGEST_CHANGES,
                new Object[]{2L, "employees", "hr/employees.csv", "rows_retired", "", 4L},
                new Object[]{3L, "employees", "hr/employees.csv", "rows_retired", "", 2L});
        List<Row> rows = DataQualityTransforms.freshness(files, changes, Fixtures::table, LocalDate.of(2026, 9, 30))
                .orderBy("source").collectAsList();
        assertThat(rows).extracting(r -> r.getAs("source") + " " + r.getAs("files_removed") + " " + r.getAs("rows_retired"))
                .containsExactly("employees 0 6", "programs 0 0");
    }

    @Test
    void rejectsSummedOverRuns() {
        var rejects = table(Tables.STG_INGEST_REJECTS,
                new Object[]{1L, "sessions/a.csv", "sessions", "match_id", "unknown_reference", 3L},
                new Object[]{2L, "sessions/b.csv", "sessions", "match_id", "unknown_reference", 2L},
                new Object[]{2L, "sessions/b.csv", "sessions", "duration_minutes", "out_of_range", 1L});
        List<Row> rows = DataQualityTransforms.rejects(rejects).orderBy("field").collectAsList();
        assertThat((Long) rows.get(1).getAs("rows")).isEqualTo(5L);
        assertThat((Long) rows.get(1).getAs("files")).isEqualTo(2L);
        assertThat((Long) rows.get(0).getAs("rows")).isEqualTo(1L);
    }
}
