package org.mentoringanalytics.jobs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.TableContract;

/** Staging datasets built by hand, small enough to work every metric out on paper. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Dataset<Row> table(TableContract table, Object[]... rows) {
        List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
        return SharedSpark.get().createDataFrame(list, SparkSchemas.of(table));
    }

    /** Rows that may break the contract, typed like data read from files (every column nullable). */
    public static Dataset<Row> untrusted(TableContract table, Object[]... rows) {
        List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
        return SharedSpark.get().createDataFrame(list, SparkSchemas.of(table).asNullable());
    }

    public static Date d(String day) {
        return Date.valueOf(LocalDate.parse(day));
    }

    public static Timestamp t(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    public static Dataset<Row> programs() {
        return table(Tables.STG_PROGRAMS,
                new Object[]{"P1", "Career Compass", "career", "one_to_one", d("2024-01-01"), null},
                new Object[]{"P2", "Future Leaders", "succession", "one_to_one", d("2024-01-01"), null});
    }

    public static Dataset<Row> employee(Object[]... rows) {
        return table(Tables.STG_EMPLOYEES, rows);
    }

    public static Object[] person(String key, String hire, String termination, String type) {
        return new Object[]{key, d(hire), termination == null ? null : d(termination), type, "Engineering", "London",
                "L2", null, null, null, null};
    }
}
