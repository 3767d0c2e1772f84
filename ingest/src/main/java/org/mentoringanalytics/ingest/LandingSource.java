package org.mentoringanalytics.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mentoringanalytics.contracts.Column;
import org.mentoringanalytics.contracts.TableContract;

/**
 * One source entity of the landing format and the staging table it feeds.
 *
 * @param name          source name, used for step names and rejects files
 * @param folder        folder under the landing root
 * @param filePattern   glob of the file names in that folder, e.g. {@code *.csv}; the same names
 *                      with {@code .gz} appended are read too
 * @param table         staging table written from it; its columns drive parsing, required fields
 *                      and accepted values
 * @param personFields  staging column to landing field, for person identifiers that are
 *                      pseudonymized on the way in
 * @param droppedFields landing fields deliberately not stored in the table (emails, free text)
 * @param rules         further validation rules, checked in order after types
 * @param restricted    a restricted side table fed from the same rows, if any
 * @param cautions      checks whose findings keep the row and are listed as warnings
 * @param snapshot      whether each version of the source's files is the whole truth (HR, programs,
 *                      matches): a run that reads a new version builds the staging table from the
 *                      files present alone, and keys they no longer hold are retired; otherwise the
 *                      files are an append log whose rows stay until rebuilt
 */
public record LandingSource(String name, String folder, String filePattern, TableContract table,
                            Map<String, String> personFields, List<String> droppedFields, List<Rule> rules,
                            Optional<RestrictedOutput> restricted, List<Caution> cautions, boolean snapshot) {

    public LandingSource(String name, String folder, String filePattern, TableContract table,
                         Map<String, String> personFields, List<String> droppedFields, List<Rule> rules,
                         Optional<RestrictedOutput> restricted) {
        this(name, folder, filePattern, table, personFields, droppedFields, rules, restricted, List.of(), false);
    }

    /** This source with warnings checked on its loaded rows. */
    public LandingSource withCautions(List<Caution> checks) {
        return new LandingSource(name, folder, filePattern, table, personFields, droppedFields, rules, restricted, checks,
                snapshot);
    }

    /** This source as a full snapshot: its newest files are the truth. */
    public LandingSource asSnapshot() {
        return new LandingSource(name, folder, filePattern, table, personFields, droppedFields, rules, restricted, cautions,
                true);
    }

    /**
     * A side table of sensitive free text, written only for rows where {@code whenPresent} is set.
     *
     * @param table       restricted table; its columns are read from landing fields of the same name
     * @param whenPresent landing field that must be non-empty for a row to be written
     */
    public record RestrictedOutput(TableContract table, String whenPresent) {
    }

    public LandingSource {
        Objects.requireNonNull(name, "name");
        personFields = Map.copyOf(personFields);
        droppedFields = List.copyOf(droppedFields);
        rules = List.copyOf(rules);
        cautions = List.copyOf(cautions);
        for (String column : personFields.keySet()) {
            table.column(column);
        }
    }

    /** The landing field a staging column is read from. */
    public String landingField(String column) {
        return personFields.getOrDefault(column, column);
    }

    public boolean isPerson(String column) {
        return personFields.containsKey(column);
    }

    /** Glob matching the plain and the gzip-compressed files of this source. */
    public String glob() {
        return "{" + filePattern + "," + filePattern + ".gz}";
    }

    /** Landing fields a file must have in its header. */
    public Set<String> requiredFields() {
        Set<String> fields = new LinkedHashSet<>();
        for (Column c : table.columns()) {
            if (!c.nullable()) {
                fields.add(landingField(c.name()));
            }
        }
        return fields;
    }

    /** Every landing field the source knows; other header names are ignored with a warning. */
    public Set<String> knownFields() {
        Set<String> fields = new LinkedHashSet<>();
        table.columns().forEach(c -> fields.add(landingField(c.name())));
        fields.addAll(droppedFields);
        restricted.ifPresent(r -> r.table().columns().forEach(c -> fields.add(c.name())));
        return fields;
    }

    /** Staging tables this source's rules look up. */
    public List<TableContract> referencedTables() {
        List<TableContract> tables = new ArrayList<>();
        List<List<TableContract>> referenced = new ArrayList<>();
        rules.forEach(r -> referenced.add(r.referencedTables()));
        cautions.forEach(c -> referenced.add(c.referencedTables()));
        for (List<TableContract> list : referenced) {
            for (TableContract t : list) {
                if (!tables.contains(t)) {
                    tables.add(t);
                }
            }
        }
        return tables;
    }

    /** Tables this source writes: its staging table and the restricted side table, if any. */
    public List<TableContract> outputTables() {
        List<TableContract> tables = new ArrayList<>();
        tables.add(table);
        restricted.ifPresent(r -> tables.add(r.table()));
        return tables;
    }
}
