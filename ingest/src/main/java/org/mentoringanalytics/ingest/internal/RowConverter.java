package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.Pseudonymizer;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Converts a landing row into a staging record by the staging table's contract: required fields
 * present, values parse as the column's type, enumerated values accepted, person identifiers
 * pseudonymized. The first failing field makes the row a {@link Reject}; nothing is guessed.
 */
public final class RowConverter implements ItemProcessor<LandingRow, ConvertedRow> {

    private final LandingSource source;
    private final Pseudonymizer pseudonymizer;
    private final Schema schema;

    public RowConverter(LandingSource source, Pseudonymizer pseudonymizer) {
        this.source = source;
        this.pseudonymizer = pseudonymizer;
        this.schema = AvroSchemas.of(source.table());
    }

    @Override
    public ConvertedRow process(LandingRow row) {
        GenericRecord record = new GenericData.Record(schema);
        for (Column column : source.table().columns()) {
            String field = source.landingField(column.name());
            String raw = row.values().get(field);
            String text = raw == null ? "" : raw.trim();
            if (text.isEmpty()) {
                if (!column.nullable()) {
                    return reject(row, field, raw == null ? "missing field" : "required value is empty");
                }
                record.put(column.name(), null);
                continue;
            }
            if (column.isEnumerated() && !column.acceptedValues().contains(text)) {
                return reject(row, field, "'" + text + "' is not one of " + column.acceptedValues());
            }
            try {
                record.put(column.name(), convert(column, text, source.personFields().containsKey(column.name())));
            } catch (NumberFormatException | DateTimeParseException e) {
                return reject(row, field, "'" + text + "' is not a valid " + describe(column));
            }
        }
        return ConvertedRow.valid(record);
    }

    private Object convert(Column column, String text, boolean person) {
        if (person) {
            return pseudonymizer.pseudonym(text);
        }
        return switch (column.type()) {
            case STRING -> text;
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> parseBoolean(text);
            case DATE -> (int) LocalDate.parse(text).toEpochDay();
            case TIMESTAMP -> ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(text).toInstant());
        };
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new NumberFormatException(text);
    }

    private static String describe(Column column) {
        return switch (column.type()) {
            case DATE -> "ISO-8601 date (YYYY-MM-DD)";
            case TIMESTAMP -> "ISO-8601 date-time with offset (YYYY-MM-DDThh:mm:ss+hh:mm)";
            case INT, LONG -> "whole number";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean (true or false)";
            case STRING -> "text";
        };
    }

    private static ConvertedRow reject(LandingRow row, String field, String reason) {
        StringWriter original = new StringWriter();
        try {
            CSVFormat.DEFAULT.builder().setRecordSeparator("").get().printRecord(original, row.values().values().toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return ConvertedRow.rejected(new Reject(row.file(), row.line(), field, reason, original.toString()));
    }
}
