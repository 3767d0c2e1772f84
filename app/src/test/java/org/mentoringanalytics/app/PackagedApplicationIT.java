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
 * its native library from lib/ instead of unpacking it to a temporary file for every query.
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
}
