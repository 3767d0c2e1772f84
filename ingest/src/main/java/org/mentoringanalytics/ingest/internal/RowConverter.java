package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.ingest.Caution;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.WarningCode;
import org.mentoringanalytics.ingest.Pseudonymizer;
import org.mentoringanalytics.ingest.RejectReason;
import org.mentoringanalytics.ingest.Rule;
import org.mentoringanalytics.ingest.Violation;
import org.mentoringanalytics.ingest.text.OffsetDateTimes;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Converts a landing row into a staging record by the staging table's contract (required fields
 * present, values parse as the column's type, enumerated values accepted), pseudonymizes person
 * identifiers, then applies the source's rules against the reference data loaded before the
 * step. The first failure makes the row a {@link Reject}; nothing is guessed or repaired.
 */
public final class RowConverter implements ItemProcessor<LandingRow, ConvertedRow>, StepExecutionListener {

    private final LandingSource source;
    private final Pseudonymizer pseudonymizer;
    private final Schema schema;
    private final Schema restrictedSchema;
    private ReferenceData references;
    // The zone of local times in the landing files (landing.properties timezone=), when set.
    private Optional<java.time.ZoneId> zone = Optional.empty();
    // Per column, resolved once: the landing field it is read from and whether it holds a person.
    private final Column[] columns;
    private final String[] fields;
    private final boolean[] person;
    // Per column, the name of its local day in the typed row (moments only).
    private final String[] localDates;
    // The key column when it holds a person (employees): raw ids by their lower case, to find case variants.
    private final int personKey;
    private final Map<String, String> idsByLowerCase = new HashMap<>();

    private final SharedReferences shared;

    /** @param shared the source's reference data, shared by the converters of its partitions */
    public RowConverter(LandingSource source, Pseudonymizer pseudonymizer, SharedReferences shared) {
        this.source = source;
        this.shared = shared;
        this.columns = source.table().columns().toArray(Column[]::new);
        this.fields = new String[columns.length];
        this.person = new boolean[columns.length];
        this.localDates = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            fields[i] = source.landingField(columns[i].name());
            person[i] = source.isPerson(columns[i].name());
            localDates[i] = Rule.localDateKey(columns[i].name());
        }
        int key = -1;
        for (int i = 0; i < columns.length; i++) {
            if (person[i] && columns[i].name().equals(source.table().primaryKey().get(0))) {
                key = i;
            }
        }
        this.personKey = key;
        this.pseudonymizer = pseudonymizer;
        this.schema = AvroSchemas.of(source.table());
        this.restrictedSchema = source.restricted().map(r -> AvroSchemas.of(r.table())).orElse(null);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        var parameters = stepExecution.getJobParameters();
        try {
            IngestRunParameters typed = IngestRunParameters.of(parameters);
            zone = LandingFiles.zone(typed.landing());
            references = shared.get(stepExecution.getJobExecutionId(),
                    () -> ReferenceData.load(source.referencedTables(), typed.tables(), typed.run(), typed.asOf()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot load reference data for " + source.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ConvertedRow process(LandingRow row) {
        if (row.parseError() != null) {
            return rejected(row, row.rowField(), row.rowReason(), row.parseError());
        }
        // Room for every column and the local day of each moment, so the map never grows.
        Map<String, Object> typed = new HashMap<>(columns.length * 3);
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            String field = fields[i];
            String raw = row.values().get(field);
            String text = raw == null ? "" : raw.trim();
            if (text.isEmpty()) {
                if (!column.nullable()) {
                    return rejected(row, field, RejectReason.MISSING, raw == null ? "the field is missing" : "required value is empty");
                }
                continue;
            }
            if (column.isEnumerated() && !column.acceptedValues().contains(text)) {
                return rejected(row, field, RejectReason.NOT_ACCEPTED, "'" + text + "' is not one of " + column.acceptedValues());
            }
            try {
                if (column.type() == org.mentoringanalytics.contracts.ColumnType.TIMESTAMP && !person[i]) {
                    Moment moment = moment(text);
                    typed.put(column.name(), moment.instant());
                    typed.put(localDates[i], moment.localDate());
                } else {
                    typed.put(column.name(), person[i] ? pseudonymizer.pseudonym(text) : parse(column, text));
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                return rejected(row, field, RejectReason.BAD_TYPE, "'" + text + "' is not a valid " + describe(column));
            } catch (LocalTimeProblem e) {
                return rejected(row, field, RejectReason.BAD_TYPE, e.getMessage());
            }
        }
        for (Rule rule : source.rules()) {
            Optional<Violation> violation = rule.check(typed, references);
            if (violation.isPresent()) {
                Violation v = violation.get();
                return rejected(row, source.landingField(v.column()), v.reason(), v.message());
            }
        }
        List<RowWarning> warnings = new java.util.ArrayList<>();
        for (Caution caution : source.cautions()) {
            caution.check(typed, references).ifPresent(w -> warnings.add(
                    new RowWarning(row.file(), row.line(), source.landingField(w.column()), w.code(), w.message())));
        }
        if (personKey >= 0) {
            caseVariant(row).ifPresent(warnings::add);
        }
        return new ConvertedRow(row.fileIndex(), row.line(), record(typed), restricted(row), null, warnings);
    }

    /**
     * A person key that differs from an earlier one of this step only in case: pseudonyms are
     * case-sensitive, so e00001 and E00001 become two people.
     */
    private Optional<RowWarning> caseVariant(LandingRow row) {
        String raw = row.values().get(fields[personKey]).trim();
        String earlier = idsByLowerCase.putIfAbsent(raw.toLowerCase(java.util.Locale.ROOT), raw);
        if (earlier == null || earlier.equals(raw)) {
            return Optional.empty();
        }
        return Optional.of(new RowWarning(row.file(), row.line(), fields[personKey], WarningCode.ID_CASE_VARIANT,
                "'" + raw + "' differs from '" + earlier + "' only in letter case: they load as two people"));
    }

    private GenericRecord restricted(LandingRow row) {
        if (source.restricted().isEmpty()) {
            return null;
        }
        LandingSource.RestrictedOutput output = source.restricted().get();
        String trigger = row.values().get(output.whenPresent());
        if (trigger == null || trigger.isBlank()) {
            return null;
        }
        GenericRecord record = new GenericData.Record(restrictedSchema);
        for (Column column : output.table().columns()) {
            record.put(column.name(), row.values().getOrDefault(column.name(), "").trim());
        }
        return record;
    }

    /** The staging record of a typed row; the schema's fields are the contract's columns in order. */
    private GenericRecord record(Map<String, Object> typed) {
        GenericRecord record = new GenericData.Record(schema);
        for (int i = 0; i < columns.length; i++) {
            Object value = typed.get(columns[i].name());
            if (value instanceof LocalDate d) {
                value = (int) d.toEpochDay();
            } else if (value instanceof Instant moment) {
                value = ChronoUnit.MICROS.between(Instant.EPOCH, moment);
            }
            record.put(i, value);
        }
        return record;
    }

    private Object parse(Column column, String text) {
        return switch (column.type()) {
            case STRING -> text;
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> parseBoolean(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> moment(text).instant();
        };
    }

    /** A moment and the day the record itself names, in its own offset or zone: what "on the as-of day" means to its writer. */
    private record Moment(Instant instant, LocalDate localDate) {
    }

    /**
     * A moment: a date-time with offset as written; a date alone as the start of that day in the
     * landing folder's time zone (UTC when none is set); a local date-time only when the folder
     * names its zone, and then only when the zone's clocks showed it exactly once. Parsed once for
     * both the instant and the local day.
     */
    private Moment moment(String text) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return new Moment(day.atStartOfDay(zone.orElse(java.time.ZoneOffset.UTC)).toInstant(), day);
        }
        try {
            OffsetDateTime written = OffsetDateTimes.parse(text);
            return new Moment(written.toInstant(), written.toLocalDate());
        } catch (DateTimeParseException withoutOffset) {
            if (zone.isEmpty()) {
                throw withoutOffset;
            }
            java.time.LocalDateTime local = java.time.LocalDateTime.parse(text);
            List<java.time.ZoneOffset> offsets = zone.get().getRules().getValidOffsets(local);
            if (offsets.size() != 1) {
                throw new LocalTimeProblem("'" + text + "' " + (offsets.isEmpty()
                        ? "does not exist in " + zone.get() + " (the clocks skipped it)"
                        : "happened twice in " + zone.get() + " (the clocks went back)") + ": give its offset");
            }
            return new Moment(local.toInstant(offsets.get(0)), local.toLocalDate());
        }
    }

    /** A local time the landing folder's zone does not show exactly once. */
    private static final class LocalTimeProblem extends RuntimeException {
        LocalTimeProblem(String message) {
            super(message);
        }
    }

    private static boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new NumberFormatException(text);
    }

    private static String describe(Column column) {
        return switch (column.type()) {
            case DATE -> "ISO-8601 date (YYYY-MM-DD)";
            case TIMESTAMP -> "ISO-8601 date-time with offset (YYYY-MM-DDThh:mm:ss+hh:mm) or date (YYYY-MM-DD)"
                    + " (a local date-time needs timezone= in landing.properties)";
            case INT, LONG -> "whole number";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean (true or false)";
            case STRING -> "text";
        };
    }

    private static ConvertedRow rejected(LandingRow row, String field, RejectReason reason, String message) {
        StringWriter original = new StringWriter();
        try {
            CSVFormat.DEFAULT.builder().setRecordSeparator("").get().printRecord(original, row.values().values().toArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new ConvertedRow(row.fileIndex(), row.line(), null, null,
                new Reject(row.file(), row.line(), field, reason, message, original.toString()));
    }
}
