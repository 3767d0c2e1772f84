package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each case runs in its own JVM, which prints what HotSpot compiles: after {@code offForSmallData}
 * a hot method is compiled by C1 only (tier 1), where otherwise C2 (tier 4) takes it over; a
 * long-lived process keeps C2.
 */
class OptimizingCompilerTest {

    /** A child JVM's main: optionally marks itself long-lived, optionally turns C2 off, then runs a hot loop. */
    public static final class Probe {
        public static void main(String[] args) {
            if (List.of(args).contains("long-lived")) {
                OptimizingCompiler.keepForLongLivedProcess();
            }
            if (List.of(args).contains("off")) {
                System.out.println("off: " + OptimizingCompiler.offForSmallData());
            }
            double sum = 0;
            for (int round = 0; round < 3000; round++) {
                sum += hot(round);
            }
            System.out.println("sum: " + sum);
        }

        static double hot(int seed) {
            double s = 0;
            for (int i = 0; i < 2000; i++) {
                s += Math.sqrt(i + seed) * ((i ^ seed) & 7);
            }
            return s;
        }
    }

    /** What a probe printed (its lines and HotSpot's, possibly interleaved), and the tiers Probe.hot was compiled at. */
    private record Printed(String output, java.util.Set<String> tiers) {
    }

    // PrintCompilation: time, compile id, up to five flag characters, tier, method.
    private static final Pattern HOT = Pattern.compile("(?m)^\\s*\\d+\\s+\\d+\\s+[%sb!n ]*?(\\d)\\s+\\S+Probe::hot \\(");

    private static Printed run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+PrintCompilation", "-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        java.util.Set<String> tiers = new java.util.TreeSet<>();
        HOT.matcher(output).results().forEach(m -> tiers.add("tier " + m.group(1)));
        return new Printed(output, tiers);
    }

    private static String sum(Printed printed) {
        Matcher sum = Pattern.compile("sum: \\S+").matcher(printed.output());
        assertThat(sum.find()).as(printed.output()).isTrue();
        return sum.group();
    }

    @Test
    void afterItIsTurnedOffAHotMethodIsCompiledByC1Only() throws Exception {
        Printed off = run("off");
        assertThat(off.output()).contains("off: true");
        assertThat(off.tiers()).as(off.output()).contains("tier 1").doesNotContain("tier 4");
        // The same loop otherwise reaches C2, and computes the same sum.
        Printed usual = run();
        assertThat(usual.tiers()).as(usual.output()).contains("tier 4");
        assertThat(sum(off)).isEqualTo(sum(usual));
    }

    @Test
    void aLongLivedProcessKeepsC2() throws Exception {
        Printed longLived = run("long-lived", "off");
        assertThat(longLived.output()).contains("off: false");
        assertThat(longLived.tiers()).as(longLived.output()).contains("tier 4");
    }
}
