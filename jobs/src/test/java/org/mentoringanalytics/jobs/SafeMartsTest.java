package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Tables;

class SafeMartsTest {

    private static Row health(String program, String health, long matches, long people) {
        return RowFactory.create(program, "Program " + program, health, matches, people);
    }

    @Test
    void smallRowsLoseTheirValuesAndALoneHiddenRowTakesItsSmallestNeighbourAlong() {
        // mart_match_health: program x health. P1 at_risk rests on 3 people: hidden. Within P1 it is the only
        // hidden health state, so the smallest other (dormant, 6 people) goes too; within "at_risk" across
        // programs it is alone as well, so P3 at_risk (7) goes; then P3 has one hidden row, so P3 dormant (8) goes...
        List<Row> rows = new ArrayList<>(List.of(
                health("P1", "on_track", 10, 20), health("P1", "at_risk", 2, 3), health("P1", "dormant", 4, 6),
                health("P2", "on_track", 12, 24), health("P2", "at_risk", 6, 12), health("P2", "dormant", 5, 10),
                health("P3", "on_track", 9, 18), health("P3", "at_risk", 4, 7), health("P3", "dormant", 4, 8)));
        List<Row> safe = SafeMarts.suppress(rows, Tables.MART_MATCH_HEALTH, 5);
        assertThat(safe).hasSize(9);
        Row p1AtRisk = safe.get(1);
        assertThat(p1AtRisk.getString(0)).isEqualTo("P1");
        assertThat(p1AtRisk.getString(2)).isEqualTo("at_risk");
        assertThat(p1AtRisk.isNullAt(3)).as("matches hidden").isTrue();
        assertThat(p1AtRisk.isNullAt(4)).as("even the people count").isTrue();
        assertThat(p1AtRisk.getBoolean(5)).isTrue();
        // No program and no health state is left with exactly one hidden row.
        for (String program : List.of("P1", "P2", "P3")) {
            assertThat(safe.stream().filter(r -> r.getString(0).equals(program) && r.getBoolean(5)).count())
                    .as(program).isNotEqualTo(1);
        }
        for (String state : List.of("on_track", "at_risk", "dormant")) {
            assertThat(safe.stream().filter(r -> r.getString(2).equals(state) && r.getBoolean(5)).count())
                    .as(state).isNotEqualTo(1);
        }
        // Rows that stay visible keep their values exactly.
        Row p2OnTrack = safe.get(3);
        assertThat(p2OnTrack.getBoolean(5)).isFalse();
        assertThat(p2OnTrack.getLong(3)).isEqualTo(12L);
    }

    @Test
    void aTieBetweenComplementsIsBrokenTheSameWayWhateverOrderTheRowsComeIn() {
        // P2 on_track is hidden (3 people); P1 and P3 on_track tie at 8 people as its complement.
        List<Row> rows = List.of(health("P1", "on_track", 4, 8), health("P2", "on_track", 2, 3), health("P3", "on_track", 4, 8));
        List<Row> reversed = new ArrayList<>(rows);
        java.util.Collections.reverse(reversed);
        var schema = SparkSchemas.of(Tables.MART_MATCH_HEALTH);
        List<Row> once = SafeMarts.of(SharedSpark.get().createDataFrame(rows, schema), Tables.MART_MATCH_HEALTH, 5);
        List<Row> again = SafeMarts.of(SharedSpark.get().createDataFrame(reversed, schema), Tables.MART_MATCH_HEALTH, 5);
        assertThat(again).isEqualTo(once);
        assertThat(once.stream().filter(r -> r.getBoolean(5)).map(r -> r.getString(0)).toList()).containsExactly("P1", "P2");
    }

    @Test
    void theTotalRowIsNotPartOfItsGroupAndOperationalTablesPassUnchanged() {
        // Turnover: all = participants + non_participants. Participants rest on 4 people: hidden, and the
        // non-participants with them, or all minus non-participants would give the participants away.
        List<Object[]> raw = List.of(
                new Object[]{"all", 100L}, new Object[]{"participants", 4L}, new Object[]{"non_participants", 96L});
        List<Row> rows = new ArrayList<>();
        int columns = Tables.MART_TURNOVER_MONTHLY.columns().size();
        for (Object[] r : raw) {
            Object[] values = new Object[columns];
            values[0] = java.sql.Date.valueOf("2026-01-01");
            values[1] = r[0];
            values[columns - 1] = r[1];
            rows.add(RowFactory.create(values));
        }
        List<Row> safe = SafeMarts.suppress(rows, Tables.MART_TURNOVER_MONTHLY, 5);
        assertThat(safe).extracting(r -> r.getBoolean(columns)).containsExactly(false, true, true);
        Row rejects = RowFactory.create("sessions", "duration_minutes", "out_of_range", 1L, 1L);
        assertThat(SafeMarts.suppress(List.of(rejects), Tables.MART_INGEST_REJECTS, 5).get(0).getLong(3)).isEqualTo(1L);
    }
}
