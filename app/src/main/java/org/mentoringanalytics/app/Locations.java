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

    /**
     * The warehouse root for Spark: a file:// or hdfs:// URI as given, else the absolute local path.
     * Object stores are refused by name: the application bundles no S3, GCS or Azure file system.
     */
    static String warehouseRoot(PipelineOptions options) {
        String text = options.warehouseText;
        if (!text.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            return options.warehouse.toAbsolutePath().toString();
        }
        String scheme = text.substring(0, text.indexOf("://")).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("file") && !scheme.equals("hdfs")) {
            throw new UsageError("--warehouse " + text + ": " + scheme + ":// is not supported; use a local or shared "
                    + "folder, a file:// URI or an hdfs:// URI");
        }
        return text;
    }

    /**
     * The working copy of a remote warehouse when none is given: under the user's cache folder,
     * one per warehouse URI.
     */
    static Path defaultWorkingCopy(String uri) {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        java.net.URI parsed = java.net.URI.create(uri);
        String authority = parsed.getAuthority() == null ? "default" : parsed.getAuthority().replace(':', '_');
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+", "");
        return base.resolve("mentoring-analytics").resolve("warehouses").resolve(authority).resolve(path.isEmpty() ? "root" : path);
    }

    static boolean isLocal(PipelineOptions options) {
        String root = warehouseRoot(options);
        return root.startsWith("/") || root.startsWith("file:");
    }
}
