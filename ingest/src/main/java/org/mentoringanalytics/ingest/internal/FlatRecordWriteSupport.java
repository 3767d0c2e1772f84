package org.mentoringanalytics.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.conf.HadoopParquetConfiguration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the flat records of a staging table (one primitive or nullable primitive per column, as
 * {@code AvroSchemas} makes them) straight to Parquet's record consumer, each column's kind
 * resolved once. The file is the one Avro's write support makes from the same records, byte for
 * byte: same message type, same {@code parquet.avro.schema} metadata, same model name, so every
 * reader treats it alike. Avro's support resolves each value's schema per row and encodes strings
 * through a byte buffer, which showed in stack samples of the sessions step. Strings go to Parquet
 * as byte arrays: its dictionaries hash and compare those faster than the buffers of
 * {@code Binary.fromString}.
 */
final class FlatRecordWriteSupport extends WriteSupport<GenericRecord> {

    /** Where Avro's Parquet reader looks for the record schema (package-private in parquet-avro). */
    private static final String AVRO_SCHEMA_KEY = "parquet.avro.schema";

    private enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN }

    private final Schema schema;
    private final String[] names;
    private final Kind[] kinds;
    private final boolean[] required;
    private RecordConsumer consumer;

    FlatRecordWriteSupport(Schema schema) {
        this.schema = schema;
        List<Schema.Field> fields = schema.getFields();
        names = new String[fields.size()];
        kinds = new Kind[fields.size()];
        required = new boolean[fields.size()];
        for (Schema.Field field : fields) {
            names[field.pos()] = field.name();
            kinds[field.pos()] = kind(field);
            required[field.pos()] = field.schema().getType() != Schema.Type.UNION;
        }
    }

    private static Kind kind(Schema.Field field) {
        Schema type = field.schema();
        if (type.getType() == Schema.Type.UNION) {
            type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        }
        return switch (type.getType()) {
            case STRING -> Kind.STRING;
            case INT -> Kind.INT;
            case LONG -> Kind.LONG;
            case DOUBLE -> Kind.DOUBLE;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> throw new IllegalArgumentException("column " + field.name() + " has type " + type
                    + ", not a flat staging column");
        };
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return init(new HadoopParquetConfiguration(configuration));
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        MessageType message = new AvroSchemaConverter(configuration).convert(schema);
        Map<String, String> metadata = new HashMap<>();
        metadata.put(AVRO_SCHEMA_KEY, schema.toString());
        return new WriteContext(message, metadata);
    }

    /** Avro's name: readers that pick a record model by it read these files as Avro-written ones. */
    @Override
    public String getName() {
        return "avro";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    /** Microseconds since the epoch, as Avro's timestamp-micros conversion gives them. */
    private static long micros(Instant moment) {
        return Math.addExact(Math.multiplyExact(moment.getEpochSecond(), 1_000_000L), moment.getNano() / 1_000);
    }

    /** Values as built by the converter, or as Parquet's Avro reader returns them (dates and moments converted). */
    @Override
    public void write(GenericRecord record) {
        consumer.startMessage();
        for (int i = 0; i < kinds.length; i++) {
            Object value = record.get(i);
            if (value == null) {
                if (required[i]) {
                    throw new IllegalArgumentException("Null-value for required field: " + names[i]);
                }
                continue;
            }
            consumer.startField(names[i], i);
            switch (kinds[i]) {
                case STRING -> consumer.addBinary(value instanceof Utf8 u
                        ? Binary.fromReusedByteArray(u.getBytes(), 0, u.getByteLength())
                        : Binary.fromConstantByteArray(value.toString().getBytes(StandardCharsets.UTF_8)));
                case INT -> consumer.addInteger(value instanceof LocalDate day ? (int) day.toEpochDay() : (Integer) value);
                case LONG -> consumer.addLong(value instanceof Instant moment ? micros(moment) : (Long) value);
                case DOUBLE -> consumer.addDouble((Double) value);
                case BOOLEAN -> consumer.addBoolean((Boolean) value);
            }
            consumer.endField(names[i], i);
        }
        consumer.endMessage();
    }
}
