package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.sampledata.GeneratorConfig;
import org.mentoringanalytics.sampledata.SampleData;

/** Every misuse of the pseudonymization key, through the command line, with its exit code (2). */
class KeyMisuseTest {

    @TempDir
    static Path dir;
    static Path landing;

    @BeforeAll
    static void landing() throws Exception {
        landing = dir.resolve("landing");
        SampleData.generate(new GeneratorConfig(5L, 60, 2, LocalDate.of(2026, 6, 30), 0.3), landing);
    }

    private record Run(int exit, String err) {
    }

    private static Run ingest(Path warehouse, String keyText) throws Exception {
        Path key = Files.createTempFile(dir, "key", ".txt");
        Files.writeString(key, keyText);
        return ingestWith(warehouse, key);
    }

    private static Run ingestWith(Path warehouse, Path key) {
        PrintStream original = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            int exit = Main.execute("ingest", "--landing", landing.toString(), "--warehouse", warehouse.toString(),
                    "--key-file", key.toString());
            return new Run(exit, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
            System.setOut(originalOut);
        }
    }

    @Test
    void aNamedKeyFileThatDoesNotExistIsAnError() {
        Run run = ingestWith(dir.resolve("w-missing"), dir.resolve("no-such-key"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("pseudonymization key file not found")
                .contains("openssl rand -base64 32 > " + dir.resolve("no-such-key"));
        assertThat(dir.resolve("w-missing/staging")).doesNotExist();
    }

    @Test
    void theCommandLineWinsOverTheEnvironment() {
        Path missing = dir.resolve("absent-key");
        // An environment key is there, but the named file is what the user asked for: it must fail, not fall back.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PseudonymKey.resolve(missing, landing, System.err,
                        "environment-key-0123456789abcdefghijklmnop", null))
                .isInstanceOf(UsageError.class).hasMessageContaining("not found");
    }

    @Test
    void weakKeysAreRefusedWithHowToMakeOne() throws Exception {
        for (String weak : new String[]{"short-key-1234", "a".repeat(40), "abababababababababababababababab"}) {
            Run run = ingest(dir.resolve("w-weak"), weak);
            assertThat(run.exit()).as(weak).isEqualTo(2);
            assertThat(run.err()).as(weak).contains("too weak").contains("openssl rand -base64 32");
        }
        assertThat(dir.resolve("w-weak/staging")).doesNotExist();
    }

    @Test
    void theDemoKeysFingerprintIsTheBundledFilesOne() throws Exception {
        Path demo = Path.of("..", "sample-data", "sample", "demo-pseudonym.key");
        assertThat(PseudonymKey.fingerprint(Files.readString(demo).trim().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PseudonymKey.DEMO_FINGERPRINT);
    }

    @Test
    void theDemoKeyIsOnlyForTheBundledSample() throws Exception {
        Run run = ingestWith(dir.resolve("w-demo"), Path.of("..", "sample-data", "sample", "demo-pseudonym.key"));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("demo key is only for the bundled sample");
    }

    @Test
    void aSecondKeyIsRefusedAndNothingIsDoubled() throws Exception {
        Path warehouse = dir.resolve("w-rekey");
        assertThat(ingest(warehouse, "first-key-0123456789abcdefghijklmnop").exit()).isZero();
        String print = Files.readString(warehouse.resolve("_key-fingerprint")).trim();
        assertThat(print).hasSize(32).doesNotContain("first-key");
        String staging = fingerprint(warehouse.resolve("staging"));
        Run second = ingest(warehouse, "second-key-0123456789abcdefghijklmnop");
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err()).contains("built with another pseudonymization key").contains(print);
        assertThat(fingerprint(warehouse.resolve("staging"))).as("staging untouched: nobody gets a second pseudonym")
                .isEqualTo(staging);
        // Person-level folders are the owner's alone.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(warehouse.resolve("staging"))))
                .isEqualTo("rwx------");
        try (var files = Files.walk(warehouse.resolve("staging"))) {
            assertThat(files.filter(Files::isRegularFile).findFirst().map(f -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).contains("rw-------");
        }
    }

    /** SHA-256 over every file's path and bytes under a folder. */
    private static String fingerprint(Path root) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
