package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the container image without a Docker daemon: the Dockerfile's base is
 * the Java the build compiles for, it installs the fonts the report needs, copies exactly what the
 * build makes and what .dockerignore lets through, runs as a user, and the README's CronJob (its
 * args and the settings it names) is a command and options the application has.
 */
class ContainerRecipeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static List<String> instructions() throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            current.append(line.strip().replaceAll("\\\\$", "")).append(' ');
            if (!line.strip().endsWith("\\")) {
                lines.add(current.toString().strip().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return lines;
    }

    @Test
    void theImageRunsTheBuiltJarWithItsJavaAndFontsAsAUser() throws Exception {
        List<String> dockerfile = instructions();
        String release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>")
                .matcher(Files.readString(ROOT.resolve("pom.xml"))).results().findFirst().orElseThrow().group(1);
        assertThat(dockerfile.get(0)).startsWith("FROM eclipse-temurin:" + release + "-jre");
        // ReportTheme finds DejaVu Sans in /usr/share/fonts/truetype/dejavu, where Debian's package puts it.
        assertThat(dockerfile).anyMatch(i -> i.startsWith("RUN") && i.contains("fonts-dejavu-core"));
        List<String> copied = new ArrayList<>();
        for (String i : dockerfile) {
            Matcher copy = Pattern.compile("^COPY (?:--\\S+ )*(\\S+) (\\S+)$").matcher(i);
            if (copy.matches()) {
                copied.add(copy.group(1));
                assertThat(copy.group(2)).as("the launcher finds the jar beside it: same layout").isEqualTo(copy.group(1));
            }
        }
        assertThat(copied).containsExactly("bin/mentoring-analytics", "app/target/mentoring-analytics.jar", "app/target/lib");
        assertThat(Files.isExecutable(ROOT.resolve("bin/mentoring-analytics"))).isTrue();
        assertThat(Files.readString(ROOT.resolve("bin/mentoring-analytics"))).contains("app/target/mentoring-analytics.jar");
        assertThat(Files.readString(ROOT.resolve("app/pom.xml"))).contains("<finalName>mentoring-analytics</finalName>");
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(ignore).containsExactly("*", "!bin/mentoring-analytics", "!app/target/mentoring-analytics.jar", "!app/target/lib",
                "app/target/lib/libduckdb_java.so_macos_*", "app/target/lib/libduckdb_java.so_windows_*");
        String user = dockerfile.stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).isNotIn("USER root", "USER 0");
        assertThat(dockerfile.get(dockerfile.size() - 2)).isEqualTo("ENTRYPOINT [\"/opt/mentoring-analytics/bin/mentoring-analytics\"]");
    }

    @Test
    void theReadmesCronJobNamesACommandAndSettingsTheApplicationHas() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher args = Pattern.compile("args: \\[\"(\\w+)\"\\]").matcher(readme);
        assertThat(args.find()).isTrue();
        CommandLineTest.Captured help = CommandLineTest.capture(() -> Main.execute(args.group(1), "--help"));
        assertThat(help.exit()).isZero();
        Matcher settings = Pattern.compile("# (MENTORING_[A-Z_]+(?:, MENTORING_[A-Z_]+)*)").matcher(readme);
        assertThat(settings.find()).isTrue();
        for (String variable : settings.group(1).split(", ")) {
            // MENTORING_<OPTION> sets --<option> (Settings): the option must exist on the command.
            String option = "--" + variable.substring("MENTORING_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertThat(help.out()).as(variable).contains(option);
        }
        for (String variable : List.of("MENTORING_LANDING", "MENTORING_WAREHOUSE", "MENTORING_REPORTS")) {
            String option = "--" + variable.substring("MENTORING_".length()).toLowerCase(java.util.Locale.ROOT);
            assertThat(help.out()).as("the image's " + variable).contains(option);
        }
    }
}
