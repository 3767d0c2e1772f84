package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the pseudonymization key: the environment variable {@code MENTORING_PSEUDONYM_KEY}, else
 * the file named by {@code --key-file} or {@code MENTORING_PSEUDONYM_KEY_FILE}. Only the bundled
 * sample may fall back to its documented demo key, and the run says so.
 */
final class PseudonymKey {

    static final String ENV_KEY = "MENTORING_PSEUDONYM_KEY";
    static final String ENV_KEY_FILE = "MENTORING_PSEUDONYM_KEY_FILE";

    private PseudonymKey() {
    }

    static byte[] resolve(Path keyFile, Path landing, java.io.PrintStream err) {
        String inline = System.getenv(ENV_KEY);
        if (inline != null && !inline.isBlank()) {
            return inline.trim().getBytes(StandardCharsets.UTF_8);
        }
        Path file = keyFile;
        if (file == null && System.getenv(ENV_KEY_FILE) != null) {
            file = Path.of(System.getenv(ENV_KEY_FILE));
        }
        if (file != null) {
            return read(file);
        }
        if (Locations.isBundledSample(landing)) {
            err.println("WARNING: using the sample's public demo pseudonymization key ("
                    + Locations.bundledSample().resolve("demo-pseudonym.key") + "); set " + ENV_KEY
                    + " or " + ENV_KEY_FILE + " for real data.");
            return read(Locations.bundledSample().resolve("demo-pseudonym.key"));
        }
        throw new IllegalArgumentException("no pseudonymization key: set " + ENV_KEY + " (at least 16 characters) or "
                + ENV_KEY_FILE + ", or pass --key-file");
    }

    private static byte[] read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the pseudonymization key file " + file + ": " + e.getMessage());
        }
    }
}
