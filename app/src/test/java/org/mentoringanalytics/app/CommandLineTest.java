package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[]{"generate", "ingest", "metrics", "report", "run", "refresh", "schedule",
                "history", "sql"}) {
            Captured captured = capture(() -> Main.execute(command, "--help"));
            assertThat(captured.exit).as(command).isZero();
            assertThat(captured.out).as(command).contains("Usage: mentoring-analytics " + command).contains("Examples:");
        }
    }

    @Test
    void theSuppressionThresholdCannotBeLoweredBelowTheFloor() {
        for (String k : new String[]{"0", "1", "4"}) {
            Captured report = capture(() -> Main.execute("report", "--warehouse", dir.resolve("none").toString(),
                    "--min-group", k));
            assertThat(report.exit).as(k).isEqualTo(2);
            assertThat(report.err).as(k).contains("below the floor of 5");
            Captured cut = capture(() -> Main.execute("metrics", "--output", "x", "--by", "department",
                    "--warehouse", dir.resolve("none").toString(), "--min-group", k));
            assertThat(cut.exit).as(k).isEqualTo(2);
        }
    }

    @Test
    void badUsageExitsWithTwoAndAMissingLandingFolderWithOneAndOneLine() {
        assertThat(capture(() -> Main.execute("ingest", "--no-such-option")).exit).isEqualTo(2);
        Captured missing = capture(() -> Main.execute("ingest", "--landing", dir.resolve("nowhere").toString(),
                "--warehouse", dir.resolve("wh").toString()));
        assertThat(missing.exit).isEqualTo(1);
        assertThat(missing.err.strip()).startsWith("error: landing folder not found").doesNotContain("\n");
    }

    @Test
    void mastersAndStoresThisBuildCannotRunOnAreRefusedInOneLine() {
        for (String master : new String[]{"yarn", "k8s://https://10.0.0.1:6443", "bogus"}) {
            Captured metrics = capture(() -> Main.execute("metrics", "--warehouse", dir.resolve("wh").toString(),
                    "--master", master));
            assertThat(metrics.exit).as(master).isEqualTo(2);
            assertThat(metrics.err.strip()).as(master).doesNotContain("\n")
                    .contains(master.equals("bogus") ? "use local[*], local[N] or spark://host:7077" : "is not supported");
        }
        Captured s3 = capture(() -> Main.execute("metrics", "--warehouse", "s3a://bucket/warehouse"));
        assertThat(s3.exit).isEqualTo(2);
        assertThat(s3.err.strip()).contains("s3a:// is not supported").doesNotContain("\n");
        assertThat(SparkOptions.checked("local[2]")).isEqualTo("local[2]");
        assertThat(SparkOptions.checked("spark://10.0.0.5:7077")).isEqualTo("spark://10.0.0.5:7077");
    }

    @Test
    void realDataWithoutAKeyIsRefused() {
        Captured generated = capture(() -> Main.execute("generate", "--output", dir.resolve("landing").toString(),
                "--employees", "100", "--years", "2"));
        assertThat(generated.exit).isZero();
        Captured ingest = capture(() -> Main.execute("ingest", "--landing", dir.resolve("landing").toString(),
                "--warehouse", dir.resolve("wh").toString()));
        assertThat(ingest.exit).as("a key mistake is a usage error").isEqualTo(2);
        assertThat(ingest.err).contains("no pseudonymization key");
    }

    @Test
    void optionsComeFromTheCommandLineThenTheEnvironmentThenTheConfigurationFile() throws Exception {
        Path file = dir.resolve("mentoring-analytics.properties");
        java.nio.file.Files.writeString(file, "warehouse=" + dir.resolve("from-file") + "\nhistory.limit=3\nverbose=no\n");
        picocli.CommandLine commandLine = new picocli.CommandLine(new Main());
        var history = commandLine.getSubcommands().get("history").getCommandSpec();
        Settings fileOnly = new Settings(java.util.Map.of(), file);
        assertThat(fileOnly.defaultValue(history.findOption("--warehouse"))).isEqualTo(dir.resolve("from-file").toString());
        assertThat(fileOnly.defaultValue(history.findOption("--limit"))).isEqualTo("3");
        assertThat(fileOnly.defaultValue(commandLine.getSubcommands().get("metrics").getCommandSpec().findOption("--limit")))
                .isNull();
        Settings withEnvironment = new Settings(java.util.Map.of("MENTORING_WAREHOUSE", "/from/env", "MENTORING_VERBOSE", "1"), file);
        assertThat(withEnvironment.defaultValue(history.findOption("--warehouse"))).isEqualTo("/from/env");
        assertThat(withEnvironment.defaultValue(history.findOption("--verbose"))).isEqualTo("true");

        // Through the program: the file named by mentoring.config sets the warehouse history reads.
        System.setProperty("mentoring.config", file.toString());
        try {
            Captured listed = capture(() -> Main.execute("history"));
            assertThat(listed.exit).isZero();
            assertThat(listed.out).contains("no runs recorded yet");
            assertThat(dir.resolve("from-file/_repository")).isDirectory();
            // The command line still wins.
            assertThat(capture(() -> Main.execute("history", "--warehouse", dir.resolve("explicit").toString())).exit).isZero();
            assertThat(dir.resolve("explicit/_repository")).isDirectory();
            System.setProperty("mentoring.config", dir.resolve("missing.properties").toString());
            Captured missing = capture(() -> Main.execute("history"));
            assertThat(missing.exit).isEqualTo(2);
            assertThat(missing.err).contains("configuration file not found");
        } finally {
            System.clearProperty("mentoring.config");
        }
    }

    record Captured(int exit, String out, String err) {
    }

    static Captured capture(java.util.function.IntSupplier action) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = action.getAsInt();
            return new Captured(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
