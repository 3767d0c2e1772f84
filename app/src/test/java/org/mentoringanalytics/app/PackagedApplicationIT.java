package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application as the build packages it (after {@code package}, so run by failsafe): the jar
 * with its libraries in lib/ runs with plain {@code java -jar} from any folder, and DuckDB loads
 * its native library from lib/ instead of unpacking it to a temporary file for every query; the
 * launcher makes a class archive from a run on the sample and uses it until the jar is newer.
 */
class PackagedApplicationIT {

    private static final Path JAR = Path.of("target", "mentoring-analytics.jar").toAbsolutePath();

    private record Outcome(int exit, String output) {
    }

    private static Outcome javaJar(Path workingDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void everyJarTheManifestNamesIsInLibAndTheVersionComesFromIt(@TempDir Path elsewhere) throws Exception {
        Manifest manifest;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            manifest = jar.getManifest();
        }
        String[] classPath = manifest.getMainAttributes().getValue("Class-Path").split(" ");
        assertThat(classPath).hasSizeGreaterThan(100).allMatch(entry -> entry.startsWith("lib/"));
        for (String entry : classPath) {
            assertThat(JAR.resolveSibling(entry)).as(entry).isRegularFile();
        }
        assertThat(classPath).noneMatch(entry -> entry.contains("rocksdbjni"));

        Outcome version = javaJar(elsewhere, "-jar", JAR.toString(), "--version");
        assertThat(version.exit()).isZero();
        assertThat(version.output().strip())
                .isEqualTo("mentoring-analytics " + manifest.getMainAttributes().getValue("Implementation-Version"));
    }

    @Test
    void sqlAnswersWithDuckDbsLibraryFromLibWithoutATemporaryCopy(@TempDir Path dir) throws Exception {
        Path warehouse = Files.createDirectories(dir.resolve("warehouse"));
        // DuckDB copies a library held in its jar to java.io.tmpdir first; here that folder does not exist.
        Outcome answer = javaJar(dir, "-Djava.io.tmpdir=" + dir.resolve("no-such-folder"), "-jar", JAR.toString(),
                "sql", "--warehouse", warehouse.toString(), "--format", "csv", "SELECT 6 * 7 AS answer");
        assertThat(answer.output()).isEqualTo("answer\n42\n");
        assertThat(answer.exit()).isZero();
    }

    /** The launcher of an installation laid out in {@code home}, with {@code MENTORING_JAVA_OPTS} set. */
    private static Outcome launcher(Path home, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/mentoring-analytics").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("MENTORING_JAVA_OPTS", javaOpts);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void theClassArchiveIsMadeFromASampleRunAndUsedUntilTheJarIsNewer(@TempDir Path home) throws Exception {
        // An installation of its own: the launcher, a copy of the jar, the libraries and the sample beside it.
        Path repository = Path.of("").toAbsolutePath().getParent();
        Files.createDirectories(home.resolve("bin"));
        Files.copy(repository.resolve("bin/mentoring-analytics"), home.resolve("bin/mentoring-analytics"));
        Path jar = Files.copy(JAR, Files.createDirectories(home.resolve("app/target")).resolve(JAR.getFileName()));
        Files.createSymbolicLink(home.resolve("app/target/lib"), JAR.resolveSibling("lib"));
        Files.createSymbolicLink(home.resolve("sample-data"), repository.resolve("sample-data"));

        Outcome made = launcher(home, "", "class-archive");
        assertThat(made.exit()).as(made.output()).isZero();
        Path archive = home.resolve("app/target/mentoring-analytics.jsa");
        assertThat(made.output()).contains("Class archive: " + archive);
        assertThat(Files.size(archive)).isGreaterThan(10L << 20);
        assertThat(home.resolve("app/target/mentoring-analytics.jsa.tmp")).doesNotExist();

        // The application's own classes come from the archive ("top", above the JDK's own base archive),
        // except for the quick commands, which start faster without mapping it.
        Outcome used = launcher(home, "-Xlog:class+load=info", "metrics", "--help");
        assertThat(used.exit()).isZero();
        assertThat(used.output()).contains("org.mentoringanalytics.app.Main source: shared objects file (top)");
        Outcome quick = launcher(home, "-Xlog:class+load=info", "--version");
        assertThat(quick.exit()).isZero();
        assertThat(quick.output()).doesNotContain("shared objects file (top)");

        // A build makes the jar newer: the archive is left alone, without a word, until it is made again.
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(archive).toMillis() + 60_000));
        Outcome stale = launcher(home, "-Xlog:class+load=info", "metrics", "--help");
        assertThat(stale.exit()).isZero();
        assertThat(stale.output()).doesNotContain("shared objects file (top)").doesNotContain("warning")
                .contains("org.mentoringanalytics.app.Main source: file:");
    }
}
