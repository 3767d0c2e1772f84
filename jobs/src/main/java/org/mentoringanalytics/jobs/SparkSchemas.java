package org.mentoringanalytics.jobs;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.ColumnType;
import org.mentoringanalytics.contracts.TableContract;

/** Derives Spark schemas from table contracts, so no job ever infers a schema. */
public final class SparkSchemas {

    private SparkSchemas() {
    }

    public static StructType of(TableContract table) {
        List<StructField> fields = table.columns().stream()
                .map(c -> DataTypes.createStructField(c.name(), typeOf(c.type()), c.nullable()))
                .toList();
        return DataTypes.createStructType(fields);
    }

    public static DataType typeOf(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    static DataType typeOf(Column column) {
        return typeOf(column.type());
    }
}
