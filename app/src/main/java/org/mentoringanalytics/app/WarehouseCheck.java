package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mentoringanalytics.contracts.DamagedTable;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.reports.Quarter;
import org.mentoringanalytics.reports.ReportFiles;

/**
 * Checks a local warehouse and its reports against what their writers recorded: every staging and
 * restricted table against its manifest, the published metrics generation (complete, committed, one
 * generation in every layer, every table as written), left-over folders of failed runs, and every
 * quarter's report against its checksums. Reads only; each finding says what to do.
 */
final class WarehouseCheck {

    enum Severity { OK, NOTE, WARNING, DAMAGED }

    /** One thing found: what it is about, what is wrong (or how it is), and what to do. */
    record Finding(Severity severity, String subject, String detail, String remedy) {
    }

    private static final String METRICS_REMEDY = "run metrics: it recomputes every mart and publishes a new generation";
    private static final List<Layer> GENERATIONAL = List.of(Layer.INTERMEDIATE, Layer.MARTS, Layer.SAFE);
    private static final Pattern REPORT_PDF = Pattern.compile("mentoring-(\\d{4}-Q[1-4])\\.pdf");

    private final Path root;
    private final Warehouse warehouse;
    private final List<Finding> findings = new ArrayList<>();

    private WarehouseCheck(Path root) {
        this.root = root.toAbsolutePath();
        this.warehouse = new Warehouse(this.root.toString());
    }

    static List<Finding> run(Path warehouseRoot, Path reports) throws IOException {
        WarehouseCheck check = new WarehouseCheck(warehouseRoot);
        check.staging();
        check.generation();
        if (reports != null && Files.isDirectory(reports)) {
            check.reports(reports);
        }
        return check.findings;
    }

    private void staging() throws IOException {
        for (TableContract table : Tables.all()) {
            if (table.layer() != Layer.STAGING && table.layer() != Layer.RESTRICTED) {
                continue;
            }
            Path folder = Path.of(warehouse.location(table));
            if (!Files.isDirectory(folder)) {
                continue;
            }
            table(table, folder, DamagedTable.stagingRemedy(table), "the next ingest that writes it adds one");
        }
    }

    private void table(TableContract table, Path folder, String remedy, String noManifest) throws IOException {
        String subject = table.layer().folder() + "/" + table.name();
        TableManifest manifest;
        try {
            manifest = TableManifest.readLocal(folder);
        } catch (IllegalArgumentException e) {
            findings.add(new Finding(Severity.DAMAGED, subject, TableManifest.FILE + " cannot be read", remedy));
            return;
        }
        if (manifest == null) {
            findings.add(new Finding(Severity.WARNING, subject, "no manifest (written before manifests), so it cannot be checked",
                    noManifest));
            return;
        }
        List<String> problems = manifest.problems(TableManifest.local(folder));
        if (problems.isEmpty()) {
            findings.add(new Finding(Severity.OK, subject, String.format("%,d rows in %d file%s, as written", manifest.rows(),
                    manifest.parts().size(), manifest.parts().size() == 1 ? "" : "s"), ""));
        } else {
            findings.add(new Finding(Severity.DAMAGED, subject, String.join("; ", problems), remedy));
        }
    }

    private void generation() throws IOException {
        Optional<String> published = Warehouse.publishedGeneration(root);
        if (published.isEmpty()) {
            findings.add(new Finding(Severity.NOTE, "marts", "none published yet", "run metrics"));
            return;
        }
        String generation = published.get();
        for (Layer layer : GENERATIONAL) {
            Path link = root.resolve(layer.folder());
            Optional<String> ofLayer = Files.isSymbolicLink(link)
                    ? Optional.of(Files.readSymbolicLink(link).getFileName().toString().replaceFirst("^\\." + layer.folder() + "-", ""))
                    : Files.isDirectory(link) ? Optional.of(Warehouse.BEFORE_GENERATIONS) : Optional.empty();
            Path folder = Path.of(warehouse.generationFolder(layer, generation));
            if (!Files.isDirectory(folder)) {
                findings.add(new Finding(Severity.DAMAGED, layer.folder(), "the published generation " + generation
                        + " has no " + layer.folder() + " folder (" + folder.getFileName() + ")", METRICS_REMEDY));
                continue;
            }
            if (!ofLayer.equals(published)) {
                findings.add(new Finding(Severity.WARNING, layer.folder(), "points to generation " + ofLayer.orElse("none")
                        + ", the marts to " + generation + " (a publish was cut short); queries read " + generation, METRICS_REMEDY));
            }
            if (!generation.equals(Warehouse.BEFORE_GENERATIONS) && !Files.exists(folder.resolve(Warehouse.COMMITTED))) {
                findings.add(new Finding(Severity.WARNING, layer.folder(), "generation " + generation
                        + " has no commit marker (published before markers existed)", "the next metrics run writes one"));
            }
            for (TableContract table : Tables.all()) {
                if (table.layer() != layer) {
                    continue;
                }
                Path tableFolder = folder.resolve(table.name());
                if (!Files.isDirectory(tableFolder)) {
                    findings.add(new Finding(Severity.DAMAGED, layer.folder() + "/" + table.name(), "missing from generation "
                            + generation, METRICS_REMEDY));
                } else {
                    table(table, tableFolder, METRICS_REMEDY, "the next metrics run writes one");
                }
            }
        }
        leftovers(generation);
    }

    /** Generation folders other than the published one: the previous (kept for readers) or unfinished ones. */
    private void leftovers(String published) throws IOException {
        String prefix = "." + Layer.MARTS.folder() + "-";
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                String generation = entry.getFileName().toString().substring(prefix.length());
                if (generation.equals(published) || generation.startsWith("link-")) {
                    continue;
                }
                if (Files.exists(entry.resolve(Warehouse.COMMITTED)) || generation.equals(Warehouse.BEFORE_GENERATIONS)) {
                    findings.add(new Finding(Severity.NOTE, "generation " + generation, "an earlier complete generation, "
                            + "kept while readers may still use it", ""));
                } else {
                    findings.add(new Finding(Severity.NOTE, "generation " + generation, "left unfinished by a failed or "
                            + "killed metrics run; never published", "nothing: the next successful metrics run removes it"));
                }
            }
        }
    }

    private void reports(Path reports) throws IOException {
        List<String> quarters = new ArrayList<>();
        try (Stream<Path> entries = Files.list(reports)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                Matcher pdf = REPORT_PDF.matcher(name);
                if (pdf.matches()) {
                    quarters.add(pdf.group(1));
                } else if (name.matches("\\d{4}-Q[1-4]") && !Files.exists(reports.resolve("mentoring-" + name + ".pdf"))) {
                    quarters.add(name);
                } else if (name.startsWith(".report-")) {
                    findings.add(new Finding(Severity.NOTE, "reports/" + name, "an unfinished report of a killed run",
                            "nothing: the next report of that quarter removes it"));
                }
            }
        }
        for (String quarter : quarters) {
            List<String> problems = ReportFiles.problems(reports, Quarter.parse(quarter));
            String subject = "report " + quarter;
            if (problems.isEmpty()) {
                findings.add(new Finding(Severity.OK, subject, "complete, every file as written", ""));
            } else if (problems.size() == 1 && problems.get(0).contains("SHA256SUMS is missing")) {
                findings.add(new Finding(Severity.WARNING, subject, "has no SHA256SUMS: it was not finished, or an "
                        + "earlier version wrote it", "mentoring-analytics report --quarter " + quarter + " (refresh also rewrites it)"));
            } else {
                findings.add(new Finding(Severity.DAMAGED, subject, String.join("; ", problems),
                        "mentoring-analytics report --quarter " + quarter + " (refresh also rewrites it)"));
            }
        }
    }
}
