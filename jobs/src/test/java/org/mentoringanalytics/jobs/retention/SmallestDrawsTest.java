package org.mentoringanalytics.jobs.retention;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.jobs.SharedSpark;

class SmallestDrawsTest {

    private static final StructType PAIRS = new StructType()
            .add("participant_row", DataTypes.LongType, false)
            .add("person_key", DataTypes.StringType, false)
            .add("draw", DataTypes.LongType, false);

    /**
     * Cutting each partition to its smallest draws, then ranking, chooses the same colleagues as
     * ranking every pair, across partitions and with draws tied at and around the k-th place (a
     * few distinct draws, so ties are common).
     */
    @Test
    void rankingTheKeptPairsChoosesWhatRankingEveryPairChooses() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < 60; p++) {
            int colleagues = random.nextInt(40);
            for (int c = 0; c < colleagues; c++) {
                rows.add(RowFactory.create((long) p, "C" + random.nextInt(1000),
                        (long) random.nextInt(p % 2 == 0 ? 4 : 1_000_000) - 2));
            }
        }
        Dataset<Row> pairs = SharedSpark.get().createDataFrame(rows, PAIRS).repartition(2);
        Dataset<Row> cut = pairs.mapPartitions(new SmallestDraws(3, 60), Encoders.row(PAIRS));

        assertThat(cut.count()).as("pairs kept").isLessThan(pairs.count());
        assertThat(firstThree(cut)).isEqualTo(firstThree(pairs)).hasSizeGreaterThan(100);
    }

    private static List<String> firstThree(Dataset<Row> pairs) {
        return pairs.withColumn("n", row_number().over(Window.partitionBy("participant_row")
                        .orderBy("draw", "person_key")))
                .where(col("n").leq(3))
                .orderBy("participant_row", "n")
                .collectAsList().stream()
                .map(r -> r.getLong(0) + "/" + r.getString(1) + "/" + r.getLong(2))
                .toList();
    }
}
