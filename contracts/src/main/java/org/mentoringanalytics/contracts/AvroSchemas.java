package org.mentoringanalytics.contracts;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Derives the Avro record schema that Parquet writers and readers use from a table contract.
 * DATE becomes {@code int/date}, TIMESTAMP {@code long/timestamp-micros}; nullable columns become
 * a union with null, so Parquet marks them OPTIONAL and Spark reads them as nullable.
 */
public final class AvroSchemas {

    private AvroSchemas() {
    }

    public static Schema of(TableContract table) {
        SchemaBuilder.FieldAssembler<Schema> fields =
                SchemaBuilder.record(table.name()).namespace("org.mentoringanalytics.tables").fields();
        for (Column column : table.columns()) {
            Schema type = typeOf(column.type());
            Schema fieldSchema = column.nullable() ? Schema.createUnion(Schema.create(Schema.Type.NULL), type) : type;
            fields = column.nullable()
                    ? fields.name(column.name()).doc(column.description()).type(fieldSchema).withDefault(null)
                    : fields.name(column.name()).doc(column.description()).type(fieldSchema).noDefault();
        }
        return fields.endRecord();
    }

    private static Schema typeOf(ColumnType type) {
        return switch (type) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INT -> Schema.create(Schema.Type.INT);
            case LONG -> Schema.create(Schema.Type.LONG);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        };
    }
}
