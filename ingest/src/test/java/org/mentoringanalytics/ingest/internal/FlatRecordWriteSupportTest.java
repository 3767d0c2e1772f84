package org.mentoringanalytics.ingest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.Tables;

/** Staging parts are the files Avro's Parquet writer makes from the same records, byte for byte. */
class FlatRecordWriteSupportTest {

    @TempDir
    Path folder;

    private static final Schema EVERY_TYPE = SchemaBuilder.record("every_type").fields()
            .requiredString("row_id")
            .optionalString("text")
            .requiredInt("whole")
            .optionalLong("big")
            .optionalDouble("number")
            .optionalBoolean("flag")
            .name("day").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
            .name("moment").type(Schema.createUnion(Schema.create(Schema.Type.NULL),
                    LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))).withDefault(null)
            .endRecord();

    @Test
    void everyColumnKindNullsAndTextAreWrittenAsAvroWritesThem() throws IOException {
        Random random = new Random(7);
        List<GenericRecord> records = new ArrayList<>();
        String[] texts = {"", "plain", "naïve café", "日本語", "emoji \uD83D\uDE00", "comma, \"quoted\"\nline"};
        for (int i = 0; i < 5_000; i++) {
            GenericRecord r = new GenericData.Record(EVERY_TYPE);
            r.put("row_id", "R" + i);
            String text = texts[random.nextInt(texts.length)];
            // Strings arrive as Java strings from the converter and as Avro's Utf8 from parts read back.
            r.put("text", random.nextInt(5) == 0 ? null : random.nextBoolean() ? text : new Utf8(text));
            r.put("whole", random.nextInt());
            r.put("big", random.nextInt(4) == 0 ? null : random.nextLong());
            r.put("number", random.nextInt(4) == 0 ? null : random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e6);
            r.put("flag", random.nextInt(3) == 0 ? null : random.nextBoolean());
            r.put("day", random.nextInt(80_000) - 40_000);
            r.put("moment", random.nextInt(4) == 0 ? null : random.nextLong() / 1000);
            records.add(r);
        }
        assertSameFileAsAvro(EVERY_TYPE, records);
    }

    @Test
    void aSessionsPartIsTheAvroWrittenFile() throws IOException {
        Schema schema = AvroSchemas.of(Tables.STG_SESSIONS);
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            GenericRecord r = new GenericData.Record(schema);
            for (Schema.Field field : schema.getFields()) {
                Schema type = field.schema().getType() == Schema.Type.UNION ? field.schema().getTypes().get(1) : field.schema();
                r.put(field.pos(), switch (type.getType()) {
                    case STRING -> field.name() + "-" + (i % 97);
                    case INT -> i % 600;
                    case LONG -> 1_700_000_000_000_000L + i * 60_000_000L;
                    case DOUBLE -> i / 7.0;
                    case BOOLEAN -> i % 2 == 0;
                    default -> throw new IllegalStateException(field.toString());
                });
            }
            records.add(r);
        }
        assertSameFileAsAvro(schema, records);
    }

    @Test
    void aNullInARequiredColumnIsRefusedNamingTheColumn() {
        GenericRecord r = new GenericData.Record(EVERY_TYPE);
        r.put("row_id", "R1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParquetTables.write(folder.resolve("bad.parquet"), EVERY_TYPE, List.of(r)));
        assertEquals("Null-value for required field: whole", e.getMessage());
    }

    private void assertSameFileAsAvro(Schema schema, List<GenericRecord> records) throws IOException {
        Path ours = folder.resolve("ours.parquet");
        ParquetTables.write(ours, schema, records);
        Path avro = folder.resolve("avro.parquet");
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(avro))
                .withConf(new Configuration(false)).withSchema(schema).withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(schema.getFields().get(0).name(), false);
        try (ParquetWriter<GenericRecord> writer = builder.build()) {
            for (GenericRecord r : records) {
                writer.write(r);
            }
        }
        assertArrayEquals(Files.readAllBytes(avro), Files.readAllBytes(ours));
        // Compaction copies records as the reader returns them (dates and moments as java.time values).
        Path copy = folder.resolve("copy.parquet");
        ParquetTables.copyFiltered(ours, copy, schema, (r, index) -> true);
        assertArrayEquals(Files.readAllBytes(ours), Files.readAllBytes(copy));
        // And the rows read back are the ones given (dates and moments come back as their logical types).
        List<GenericRecord> back = new ArrayList<>();
        ParquetTables.read(ours, null, back::add);
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            for (Schema.Field field : schema.getFields()) {
                Object given = records.get(i).get(field.pos());
                Object read = back.get(i).get(field.pos());
                if (read instanceof java.time.LocalDate d) {
                    read = (int) d.toEpochDay();
                } else if (read instanceof java.time.Instant t) {
                    read = t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
                }
                assertEquals(given == null ? null : given.toString(), read == null ? null : read.toString(), field.name());
            }
        }
    }
}
