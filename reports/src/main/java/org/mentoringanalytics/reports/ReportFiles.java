package org.mentoringanalytics.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.mentoringanalytics.contracts.TableManifest;

/**
 * Where one quarter's report lives and how it gets there whole. The PDF
 * ({@code <out>/mentoring-<quarter>.pdf}) and its folder ({@code <out>/<quarter>/}) are written into
 * a hidden working folder, listed with their SHA-256 in {@code <quarter>/SHA256SUMS} (the format of
 * {@code sha256sum -c}, paths relative to {@code <out>}), and only then renamed into place: the folder
 * first, the PDF last. A report is complete when its SHA256SUMS and every file it lists are present
 * and match; a report cut short anywhere (killed, disk full) is not, and is written again.
 */
public final class ReportFiles {

    static final String SUMS = "SHA256SUMS";
    private static final String WORKING_PREFIX = ".report-";

    private final Path out;
    private final Quarter quarter;
    private final Path working;

    private ReportFiles(Path out, Quarter quarter, Path working) {
        this.out = out;
        this.quarter = quarter;
        this.working = working;
    }

    /** A new working folder for the quarter; leftovers of earlier attempts at it are removed. */
    static ReportFiles begin(Path out, Quarter quarter) throws IOException {
        Files.createDirectories(out);
        for (Path leftover : leftovers(out, quarter)) {
            deleteTree(leftover);
        }
        Path working = out.resolve(WORKING_PREFIX + quarter + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(working.resolve(quarter.toString()));
        return new ReportFiles(out, quarter, working);
    }

    /** The PDF being written. */
    Path pdf() {
        return working.resolve(pdfName(quarter));
    }

    /** The workbook being written, published beside the PDF. */
    Path workbook() {
        return working.resolve("mentoring-" + quarter + ".xlsx");
    }

    /** The HTML page being written, published beside the PDF. */
    Path html() {
        return working.resolve("mentoring-" + quarter + ".html");
    }

    /** The folder of charts and tables being written. */
    Path folder() {
        return working.resolve(quarter.toString());
    }

    /**
     * Lists the written files with their checksums and moves them into place.
     *
     * @param written every file written, PDF first, all inside the working folder
     * @return the same files at their published places, SHA256SUMS last
     */
    List<Path> publish(List<Path> written) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (Path file : written) {
            sums.append(sha256(file)).append("  ").append(working.relativize(file).toString().replace('\\', '/')).append('\n');
        }
        Files.writeString(folder().resolve(SUMS), sums, StandardCharsets.UTF_8);
        Path folder = out.resolve(quarter.toString());
        Path previous = working.resolveSibling(working.getFileName() + "-previous");
        if (Files.exists(folder)) {
            Files.move(folder, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(folder(), folder, StandardCopyOption.ATOMIC_MOVE);
        // Files beside the PDF (the workbook) go before it: the PDF's arrival ends the publication.
        for (Path file : written) {
            if (file.getParent().equals(working) && !file.equals(pdf())) {
                Files.move(file, out.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(pdf(), out.resolve(pdfName(quarter)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteTree(previous);
        deleteTree(working);
        List<Path> published = new ArrayList<>();
        for (Path file : written) {
            published.add(out.resolve(working.relativize(file)));
        }
        published.add(folder.resolve(SUMS));
        return published;
    }

    /** What is missing or different in the quarter's report under {@code out}; empty when it is complete. */
    public static List<String> problems(Path out, Quarter quarter) throws IOException {
        Path sums = out.resolve(quarter.toString()).resolve(SUMS);
        if (!Files.isRegularFile(out.resolve(pdfName(quarter)))) {
            return List.of(pdfName(quarter) + " is missing");
        }
        if (!Files.isRegularFile(sums)) {
            return List.of(quarter + "/" + SUMS + " is missing (the report was not finished)");
        }
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String digest = line.substring(0, 64);
            String name = line.substring(66);
            Path file = out.resolve(name);
            if (!Files.isRegularFile(file)) {
                problems.add(name + " is missing");
            } else if (!sha256(file).equals(digest)) {
                problems.add(name + " differs from the report it was written with");
            }
        }
        return problems;
    }

    /** Whether the quarter's report under {@code out} is complete and unchanged. */
    public static boolean complete(Path out, Quarter quarter) throws IOException {
        return problems(out, quarter).isEmpty();
    }

    static String pdfName(Quarter quarter) {
        return "mentoring-" + quarter + ".pdf";
    }

    private static List<Path> leftovers(Path out, Quarter quarter) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(WORKING_PREFIX + quarter + "-")).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TableManifest.sha256(in);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
