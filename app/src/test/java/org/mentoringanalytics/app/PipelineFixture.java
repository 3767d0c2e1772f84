package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/**
 * One generated organisation taken through {@code run} once per test JVM, shared by the end-to-end
 * test classes: they read it, or work on a copy of it ({@link #copyTo}) when they change or damage it.
 */
final class PipelineFixture {

    static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

    final Path dir;
    final Path landing;
    final Path warehouse;
    final Path reports;
    final Path key;
    final int firstExit;

    private static PipelineFixture shared;

    private PipelineFixture(Path dir) throws IOException {
        this.dir = dir;
        this.landing = dir.resolve("landing");
        this.warehouse = dir.resolve("warehouse");
        this.reports = dir.resolve("reports");
        this.key = dir.resolve("key.txt");
        Files.writeString(key, "end-to-end-test-key-0123456789abcdef");
        SampleData.generate(new GeneratorConfig(11L, 300, 4, AS_OF, 0.6), landing);
        this.firstExit = run(landing, warehouse, reports, key);
    }

    static synchronized PipelineFixture get() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("pipeline-fixture");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            shared = new PipelineFixture(dir);
        }
        return shared;
    }

    static int run(Path landing, Path warehouse, Path reports, Path key) {
        return Main.execute("run", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                "--reports", reports.toString(), "--key-file", key.toString(), "--master", "local[2]");
    }

    /** A copy of the landing folder, warehouse (links kept as links), reports and key under {@code target}. */
    PipelineFixture copyTo(Path target) throws IOException {
        for (String name : new String[]{"landing", "warehouse", "reports", "key.txt"}) {
            copy(dir.resolve(name), target.resolve(name));
        }
        return new PipelineFixture(target, firstExit);
    }

    private PipelineFixture(Path dir, int firstExit) {
        this.dir = dir;
        this.landing = dir.resolve("landing");
        this.warehouse = dir.resolve("warehouse");
        this.reports = dir.resolve("reports");
        this.key = dir.resolve("key.txt");
        this.firstExit = firstExit;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder: the system cleans it up eventually.
        }
    }
}
