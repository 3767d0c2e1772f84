package org.mentoringanalytics.ingest.exports;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * Employee reports of an HR information system, turned into rows of the landing employees file by
 * a column mapping: {@code hr/mappings/<name>.csv} with {@code source_column,landing_field,values},
 * where {@code values} maps the system's words to the landing format's
 * ({@code Resignation=voluntary;Termination=involuntary}). A BambooHR employee report
 * ({@code exports/bamboohr/}) needs no mapping file: its standard field names are mapped here,
 * Resignation is voluntary, Termination involuntary and any other termination type is recorded as
 * other; a mapping file of the same name adds or overrides columns (BambooHR has no standard job
 * level field). Any other system's custom report goes in {@code exports/hris/} with its mapping.
 * A rehire keeps the employee number; the latest hire date starts the employment counted.
 */
public final class HrisEmployees {

    /** BambooHR's standard fields, by the names its custom reports and API use. */
    static final Map<String, String> BAMBOOHR = bamboohr();

    private static Map<String, String> bamboohr() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("employeeNumber", "employee_id");
        columns.put("workEmail", "email");
        columns.put("hireDate", "hire_date");
        columns.put("terminationDate", "termination_date");
        columns.put("terminationType", "termination_type");
        columns.put("department", "department");
        columns.put("location", "location");
        columns.put("jobLevel", "job_level");
        columns.put("supervisorEId", "manager_id");
        columns.put("gender", "gender");
        columns.put("ethnicity", "ethnicity");
        return columns;
    }

    private record Mapping(Map<String, String> columns, Map<String, Map<String, String>> values) {
    }

    private HrisEmployees() {
    }

    private static Mapping mapping(Path landing, Path file, boolean bamboo) throws IOException {
        String name = bamboo ? "bamboohr" : file.getFileName().toString().replaceFirst("\\.csv(\\.gz)?$", "");
        Map<String, String> columns = new LinkedHashMap<>(bamboo ? BAMBOOHR : Map.of());
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (bamboo) {
            values.put("terminationType", new LinkedHashMap<>(Map.of("resignation", "voluntary", "termination", "involuntary")));
        }
        Path mappingFile = landing.resolve("hr/mappings").resolve(name + ".csv");
        if (!Files.isRegularFile(mappingFile)) {
            if (!bamboo) {
                throw new IllegalArgumentException("no mapping for HR report '" + name + "': add hr/mappings/" + name
                        + ".csv (source_column,landing_field,values)");
            }
            return new Mapping(columns, values);
        }
        try (Reader reader = LandingText.reader(mappingFile);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            for (CSVRecord r : parser) {
                columns.values().remove(r.get("landing_field"));
                columns.put(r.get("source_column"), r.get("landing_field"));
                String text = r.isMapped("values") && r.isSet("values") ? r.get("values") : "";
                for (String pair : text.split(";")) {
                    if (!pair.isBlank()) {
                        String[] kv = pair.split("=", 2);
                        values.computeIfAbsent(r.get("source_column"), k -> new LinkedHashMap<>())
                                .put(kv[0].trim().toLowerCase(Locale.ROOT), kv[1].trim());
                    }
                }
            }
        }
        return new Mapping(columns, values);
    }

    /** The employees rows of the report, each with its line. */
    public static List<Exports.Row> read(Path landing, Path file, boolean bamboo) throws IOException {
        Mapping mapping = mapping(landing, file, bamboo);
        List<Exports.Row> rows = new ArrayList<>();
        try (Reader reader = LandingText.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            for (String required : List.of("employee_id", "hire_date")) {
                String source = mapping.columns().entrySet().stream().filter(e -> e.getValue().equals(required))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (source == null || !parser.getHeaderNames().contains(source)) {
                    throw new IllegalArgumentException("the HR report lacks the column mapped to " + required
                            + (source == null ? "" : " ('" + source + "')") + "; columns: " + parser.getHeaderNames());
                }
            }
            for (CSVRecord r : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
                    if (!r.isMapped(column.getKey()) || !r.isSet(column.getKey())) {
                        continue;
                    }
                    String value = r.get(column.getKey()).trim();
                    Map<String, String> words = mapping.values().get(column.getKey());
                    if (words != null && !value.isEmpty()) {
                        String mapped = words.get(value.toLowerCase(Locale.ROOT));
                        // A termination type the mapping does not name is still a termination: recorded as other.
                        value = mapped != null ? mapped : column.getValue().equals("termination_type") ? "other" : value;
                    } else if (column.getValue().equals("termination_type") && !value.isEmpty()
                            && !List.of("voluntary", "involuntary", "other").contains(value)) {
                        value = "other";
                    }
                    values.put(column.getValue(), value);
                }
                rows.add(new Exports.Row(parser.getCurrentLineNumber(), values));
            }
        }
        return rows;
    }

    /** BambooHR reports, or another HR system's reports with a mapping, into employees. */
    static final class Export extends CsvExportReader {

        Export(String folder) {
            super(folder, "employees");
        }

        @Override
        public Exports.Check check(Path landing, Path file) throws IOException {
            return new Exports.Check(null, tool() + ": " + rows(landing, file).size() + " employee row(s)");
        }

        @Override
        public List<Exports.Row> rows(Path landing, Path file) throws IOException {
            return read(landing, file, folder().equals(Exports.BAMBOOHR));
        }
    }
}
