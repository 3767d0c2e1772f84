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
    private final Map<String, Set<String>> keys = new HashMap<>();
    private final Map<String, int[]> scales = new HashMap<>();

    private ReferenceData(LocalDate asOf) {
        this.asOf = asOf;
    }

    static ReferenceData load(List<TableContract> tables, Warehouse warehouse, RunFolders run, LocalDate asOf)
            throws IOException {
        ReferenceData data = new ReferenceData(asOf);
        for (TableContract table : tables) {
            // A reference with no rows is a reference like any other: its dependants are unknown_reference rejects.
            data.keys.computeIfAbsent(table.name() + "." + table.primaryKey().get(0), k -> new HashSet<>());
            for (Path folder : List.of(Path.of(warehouse.location(table)), run.parts(table))) {
                for (Path file : ParquetTables.dataFiles(folder)) {
                    data.add(table, file);
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
                keys.computeIfAbsent(table.name() + "." + key, k -> new HashSet<>()).add(id);
                scales.put(id, new int[]{(Integer) r.get("scale_min"), (Integer) r.get("scale_max")});
            });
            return;
        }
        Set<String> values = keys.computeIfAbsent(table.name() + "." + key, k -> new HashSet<>());
        ParquetTables.read(file, ParquetTables.project(full, List.of(key)), r -> values.add(r.get(key).toString()));
    }

    @Override
    public LocalDate asOf() {
        return asOf;
    }

    @Override
    public boolean exists(TableContract table, String column, String value) {
        Set<String> values = keys.get(table.name() + "." + column);
        if (values == null) {
            throw new IllegalStateException(table.name() + "." + column + " was not loaded as reference data");
        }
        return values.contains(value);
    }

    @Override
    public boolean isEmpty(TableContract table) {
        Set<String> values = keys.get(table.name() + "." + table.primaryKey().get(0));
        return values == null || values.isEmpty();
    }

    @Override
    public Optional<int[]> questionScale(String questionId) {
        return Optional.ofNullable(scales.get(questionId));
    }
}
