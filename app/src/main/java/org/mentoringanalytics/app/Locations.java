package org.mentoringanalytics.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Properties;

/**
 * Where things are by default: the installation's bundled sample, the landing folder's
 * extraction date. The launcher passes the installation folder as {@code mentoring.home}.
 */
final class Locations {

    private Locations() {
    }

    static Path home() {
        String home = System.getProperty("mentoring.home", System.getenv("MENTORING_HOME"));
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    static Path bundledSample() {
        return home().resolve("sample-data/sample");
    }

    static Path bundledLanding() {
        return bundledSample().resolve("landing");
    }

    static boolean isBundledSample(Path landing) {
        return landing.toAbsolutePath().normalize().equals(bundledLanding());
    }

    /** The {@code as_of} of {@code landing.properties}, when the landing folder has one. */
    static Optional<LocalDate> extractionDate(Path landing) {
        Path file = landing.resolve("landing.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String asOf = properties.getProperty("as_of");
        return asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf.trim()));
    }

    /** The warehouse root for Spark: a URI (hdfs://, s3a://, file://) as given, else the absolute local path. */
    static String warehouseRoot(PipelineOptions options) {
        String text = options.warehouseText;
        return text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*") ? text : options.warehouse.toAbsolutePath().toString();
    }

    static boolean isLocal(PipelineOptions options) {
        String root = warehouseRoot(options);
        return root.startsWith("/") || root.startsWith("file:");
    }
}
