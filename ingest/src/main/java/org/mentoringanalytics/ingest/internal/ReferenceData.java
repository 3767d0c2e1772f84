package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.mentoringanalytics.contracts.AvroSchemas;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.ValidationContext;

/**
 * The keys a source's rules look up, loaded before its step from the published staging table and
 * from the rows this run has written so far. Referenced entities are small (people, programs,
 * matches, questions), so they are held in memory.
 */
final class ReferenceData implements ValidationContext {

    private final LocalDate asOf;
    // Each referenced table's key values, by table name (only the first key column is loaded).
    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Map<String, int[]> scales = new HashMap<>();
    // Details for the warnings, by key; this run's rows (index 1) stand over the published ones (index 0).
    private final List<Map<String, MatchSpan>> matches = List.of(new HashMap<>(), new HashMap<>());
    private final List<Map<String, LocalDate[]>> employees = List.of(new HashMap<>(), new HashMap<>());
    private final List<Map<String, LocalDate>> programs = List.of(new HashMap<>(), new HashMap<>());

    private ReferenceData(LocalDate asOf) {
        this.asOf = asOf;
    }

    static ReferenceData load(List<TableContract> tables, Warehouse warehouse, RunFolders run, LocalDate asOf)
            throws IOException {
        ReferenceData data = new ReferenceData(asOf);
        for (TableContract table : tables) {
            // A reference with no rows is a reference like any other: its dependants are unknown_reference rejects.
            data.keys.computeIfAbsent(table.name(), k -> new HashSet<>());
            List<Path> folders = List.of(Path.of(warehouse.location(table)), run.parts(table));
            for (int layer = 0; layer < folders.size(); layer++) {
                for (Path file : ParquetTables.dataFiles(folders.get(layer))) {
                    data.add(table, file);
                    data.addDetails(table, file, layer);
                }
            }
        }
        return data;
    }

    private void add(TableContract table, Path file) throws IOException {
        Schema full = AvroSchemas.of(table);
        String key = table.primaryKey().get(0);
        if (table == Tables.STG_SURVEY_QUESTIONS) {
            ParquetTables.read(file, ParquetTables.project(full, List.of(key, "scale_min", "scale_max")), r -> {
                String id = r.get(key).toString();
                keys.computeIfAbsent(table.name(), k -> new HashSet<>()).add(id);
                scales.put(id, new int[]{(Integer) r.get("scale_min"), (Integer) r.get("scale_max")});
            });
            return;
        }
        Set<String> values = keys.computeIfAbsent(table.name(), k -> new HashSet<>());
        ParquetTables.read(file, ParquetTables.project(full, List.of(key)), r -> values.add(r.get(key).toString()));
    }

    private void addDetails(TableContract table, Path file, int layer) throws IOException {
        Schema full = AvroSchemas.of(table);
        if (table == Tables.STG_MATCHES) {
            Map<String, MatchSpan> spans = matches.get(layer);
            ParquetTables.read(file, ParquetTables.project(full, List.of("match_id", "mentor_key", "mentee_key", "matched_at",
                    "ended_at")), r -> {
                // A group match has a row per mentee: its span runs from the first row's start to the last row's end.
                MatchSpan row = new MatchSpan(instant(r.get("matched_at")), instant(r.get("ended_at")),
                        Set.of(r.get("mentor_key").toString(), r.get("mentee_key").toString()));
                spans.merge(r.get("match_id").toString(), row, (a, b) -> {
                    Set<String> people = new HashSet<>(a.people());
                    people.addAll(b.people());
                    return new MatchSpan(a.matchedAt().isBefore(b.matchedAt()) ? a.matchedAt() : b.matchedAt(),
                            a.endedAt() == null || b.endedAt() == null ? null
                                    : a.endedAt().isAfter(b.endedAt()) ? a.endedAt() : b.endedAt(), people);
                });
            });
        } else if (table == Tables.STG_EMPLOYEES) {
            ParquetTables.read(file, ParquetTables.project(full, List.of("employee_key", "hire_date", "termination_date")),
                    r -> employees.get(layer).put(r.get("employee_key").toString(),
                            new LocalDate[]{day(r.get("hire_date")), day(r.get("termination_date"))}));
        } else if (table == Tables.STG_PROGRAMS) {
            ParquetTables.read(file, ParquetTables.project(full, List.of("program_id", "start_date")),
                    r -> programs.get(layer).put(r.get("program_id").toString(), day(r.get("start_date"))));
        }
    }

    private static <T> T latest(List<Map<String, T>> layers, String key) {
        T value = layers.get(1).get(key);
        return value != null ? value : layers.get(0).get(key);
    }

    private static java.time.Instant instant(Object value) {
        if (value == null || value instanceof java.time.Instant) {
            return (java.time.Instant) value;
        }
        return java.time.Instant.EPOCH.plus((Long) value, java.time.temporal.ChronoUnit.MICROS);
    }

    private static LocalDate day(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return LocalDate.ofEpochDay(((Number) value).longValue());
    }

    @Override
    public Optional<MatchSpan> match(String matchId) {
        return Optional.ofNullable(matchId == null ? null : latest(matches, matchId));
    }

    @Override
    public Optional<LocalDate> lastDay(String employeeKey) {
        LocalDate[] dates = latest(employees, employeeKey);
        return Optional.ofNullable(dates == null ? null : dates[1]);
    }

    @Override
    public Optional<LocalDate> hireDay(String employeeKey) {
        LocalDate[] dates = latest(employees, employeeKey);
        return Optional.ofNullable(dates == null ? null : dates[0]);
    }

    @Override
    public Optional<LocalDate> programStart(String programId) {
        return Optional.ofNullable(programId == null ? null : latest(programs, programId));
    }

    @Override
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public boolean exists(TableContract table, String column, String value) {
        // Looked up for every row: no key string is built here.
        Set<String> values = column.equals(table.primaryKey().get(0)) ? keys.get(table.name()) : null;
        if (values == null) {
            throw new IllegalStateException(table.name() + "." + column + " was not loaded as reference data");
        }
        return values.contains(value);
    }

    @Override
    public boolean isEmpty(TableContract table) {
        Set<String> values = keys.get(table.name());
        return values == null || values.isEmpty();
    }

    @Override
    public Optional<int[]> questionScale(String questionId) {
        return Optional.ofNullable(scales.get(questionId));
    }
}
