package org.mentoringanalytics.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment and a configuration file, so operations can set the
 * warehouse, master or job repository once. Precedence: the command line, then an environment
 * variable {@code MENTORING_<OPTION>} (e.g. {@code MENTORING_WAREHOUSE}, {@code MENTORING_MIN_GROUP}),
 * then the configuration file (key {@code <command>.<option>} before {@code <option>}, e.g.
 * {@code refresh.quarter} or {@code warehouse}), then the built-in default. The file is the one named
 * by {@code MENTORING_CONFIG} (or the system property {@code mentoring.config}), else
 * {@code ./mentoring-analytics.properties} when it exists.
 */
final class Settings implements IDefaultValueProvider {

    static final String FILE_NAME = "mentoring-analytics.properties";

    private final Map<String, String> environment;
    private final Properties file;
    private final Path location;

    Settings(Map<String, String> environment, Path location) {
        this.environment = environment;
        this.location = location;
        this.file = new Properties();
        if (location != null) {
            try (Reader in = Files.newBufferedReader(location, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the configuration file " + location + ": " + e.getMessage(), e);
            }
        }
    }

    /** The settings of this process: its environment and the configuration file it names or finds. */
    static Settings current() {
        String named = System.getProperty("mentoring.config", System.getenv("MENTORING_CONFIG"));
        Path location = named != null ? Path.of(named) : Files.isRegularFile(Path.of(FILE_NAME)) ? Path.of(FILE_NAME) : null;
        if (location != null && !Files.isRegularFile(location)) {
            throw new IllegalArgumentException("configuration file not found: " + location.toAbsolutePath());
        }
        return new Settings(System.getenv(), location);
    }

    Path location() {
        return location;
    }

    /**
     * A value from the configuration file alone, for settings that widen access: neither the
     * environment nor the command line can set them, so they stay with whoever owns the file.
     */
    String fileOnly(String key) {
        String value = file.getProperty(key);
        return value == null ? null : value.trim();
    }

    @Override
    public String defaultValue(ArgSpec spec) {
        if (!(spec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp() || option.isMultiValue()) {
            return null;
        }
        String name = option.longestName().replaceFirst("^-+", "");
        String value = environment.get("MENTORING_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        if (value == null || value.isBlank()) {
            String command = spec.command() == null ? null : spec.command().name();
            value = command != null && file.containsKey(command + "." + name) ? file.getProperty(command + "." + name)
                    : file.getProperty(name);
        }
        if (value != null && (option.type() == boolean.class || option.type() == Boolean.class)) {
            // Environment flags are often written 1/0 or yes/no.
            value = switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "yes", "on", "true" -> "true";
                default -> "false";
            };
        }
        return value == null ? null : value.trim();
    }
}
