package org.mentoringanalytics.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mentoringanalytics.contracts.TableContract;

/**
 * One source entity of the landing format and the staging table it feeds.
 *
 * @param name          source name, used for step names and rejects files
 * @param folder        folder under the landing root
 * @param filePattern   glob of the file names in that folder, e.g. {@code sessions-*.csv}
 * @param table         staging table written from it; its columns drive parsing and validation
 * @param personFields  staging column to landing field, for person identifiers that are
 *                      pseudonymized on the way in
 * @param droppedFields landing fields deliberately not stored (emails, free text)
 */
public record LandingSource(String name, String folder, String filePattern, TableContract table,
                            Map<String, String> personFields, List<String> droppedFields) {

    public LandingSource {
        Objects.requireNonNull(name, "name");
        personFields = Map.copyOf(personFields);
        droppedFields = List.copyOf(droppedFields);
        for (String column : personFields.keySet()) {
            table.column(column);
        }
    }

    /** The landing field a staging column is read from. */
    public String landingField(String column) {
        return personFields.getOrDefault(column, column);
    }

    /** Every landing field the source expects in its header. */
    public List<String> expectedFields() {
        List<String> fields = new java.util.ArrayList<>(table.columnNames().stream().map(this::landingField).toList());
        fields.addAll(droppedFields);
        return fields;
    }
}
