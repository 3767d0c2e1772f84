package org.mentoringanalytics.jobs.retention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Within one partition of participant-colleague pairs, keeps for each participant the pairs with
 * the k smallest draws, and every pair tied with the k-th draw. The rows kept therefore include
 * each participant's first k pairs in any order by draw then colleague, whichever partition they
 * come from, so ranking only these rows chooses exactly what ranking every pair would. A
 * participant has a few comparison colleagues out of thousands in the cell: ranking all pairs
 * meant sorting tens of millions of rows.
 *
 * <p>Input and output rows have the same schema, with {@code participant_row} (a long naming the
 * participant) and {@code draw} (long) among the columns.
 */
final class SmallestDraws implements MapPartitionsFunction<Row, Row> {

    private final int k;

    SmallestDraws(int k) {
        this.k = k;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> pairs) {
        Map<Long, Kept> kept = new HashMap<>();
        int participant = -1;
        int draw = -1;
        while (pairs.hasNext()) {
            Row pair = pairs.next();
            if (draw < 0) {
                participant = pair.fieldIndex("participant_row");
                draw = pair.fieldIndex("draw");
            }
            kept.computeIfAbsent(pair.getLong(participant), key -> new Kept()).offer(pair, pair.getLong(draw), draw);
        }
        List<Row> out = new ArrayList<>();
        kept.values().forEach(participantRows -> out.addAll(participantRows.rows));
        return out.iterator();
    }

    /** One participant's rows kept so far, and the k-th smallest draw among them once there are k. */
    private final class Kept {
        private final List<Row> rows = new ArrayList<>();
        private long cut = Long.MAX_VALUE;

        void offer(Row pair, long value, int draw) {
            if (value > cut) {
                return;
            }
            rows.add(pair);
            if (rows.size() < k) {
                return;
            }
            long[] draws = new long[rows.size()];
            for (int i = 0; i < draws.length; i++) {
                draws[i] = rows.get(i).getLong(draw);
            }
            java.util.Arrays.sort(draws);
            cut = draws[k - 1];
            rows.removeIf(r -> r.getLong(draw) > cut);
        }
    }
}
