package org.mentoringanalytics.jobs.retention;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * <p>Input and output rows have the same schema, with {@code participant_row} (a long from 0 to
 * one less than the number of participants, naming the participant) and {@code draw} (long) among
 * the columns.
 */
final class SmallestDraws implements MapPartitionsFunction<Row, Row> {

    private final int k;
    private final int participants;

    /** @param participants how many participants there are: {@code participant_row} runs from 0 to one less */
    SmallestDraws(int k, int participants) {
        this.k = k;
        this.participants = participants;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> pairs) {
        // Indexed by participant: most pairs are turned away by one look at the participant's k-th draw so far.
        long[] cuts = new long[participants];
        java.util.Arrays.fill(cuts, Long.MAX_VALUE);
        @SuppressWarnings("unchecked")
        List<Row>[] kept = new List[participants];
        int participant = -1;
        int draw = -1;
        while (pairs.hasNext()) {
            Row pair = pairs.next();
            if (draw < 0) {
                participant = pair.fieldIndex("participant_row");
                draw = pair.fieldIndex("draw");
            }
            int p = Math.toIntExact(pair.getLong(participant));
            long value = pair.getLong(draw);
            if (value > cuts[p]) {
                continue;
            }
            if (kept[p] == null) {
                kept[p] = new ArrayList<>(k + 1);
            }
            kept[p].add(pair);
            if (kept[p].size() >= k) {
                cuts[p] = kth(kept[p], draw);
                long cut = cuts[p];
                final int d = draw;
                kept[p].removeIf(r -> r.getLong(d) > cut);
            }
        }
        List<Row> out = new ArrayList<>();
        for (List<Row> rows : kept) {
            if (rows != null) {
                out.addAll(rows);
            }
        }
        return out.iterator();
    }

    /** The k-th smallest draw among at least k rows. */
    private long kth(List<Row> rows, int draw) {
        long[] draws = new long[rows.size()];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = rows.get(i).getLong(draw);
        }
        java.util.Arrays.sort(draws);
        return draws[k - 1];
    }
}
