package org.mentoringanalytics.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The command-line program in its own JVM, with the test's classpath and JVM options; output goes to a file. */
final class ChildProgram implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ChildProgram(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildProgram start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("--add-opens") || option.startsWith("-Djava.awt.headless")) {
                command.add(option);
            }
        }
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ChildProgram(process, output);
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    /** Waits until the output contains the text; fails with the output so far when it does not in time. */
    void awaitOutput(String text, Duration timeout) throws Exception {
        Instant end = Instant.now().plus(timeout);
        while (!output().contains(text)) {
            if (!process.isAlive() && !output().contains(text)) {
                throw new AssertionError("the program ended without printing '" + text + "':\n" + output());
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("no '" + text + "' within " + timeout + ":\n" + output());
            }
            Thread.sleep(100);
        }
    }

    Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
