package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Finds and checks the pseudonymization key. Precedence: {@code --key-file} on the command line,
 * then the environment variable {@code MENTORING_PSEUDONYM_KEY}, then the file named by
 * {@code MENTORING_PSEUDONYM_KEY_FILE}; only the bundled sample may fall back to its public demo
 * key, and the run says so. A key must have at least 32 characters and 10 different ones (make one
 * with {@code openssl rand -base64 32}); the demo key is refused for any other landing folder; a
 * named key file that does not exist is an error. The warehouse keeps the key's fingerprint (an
 * HMAC of a fixed label, never the key) and refuses a different key, which would give every person
 * a second pseudonym. Every mistake is a {@link UsageError} (exit 2).
 */
final class PseudonymKey {

    static final String ENV_KEY = "MENTORING_PSEUDONYM_KEY";
    static final String ENV_KEY_FILE = "MENTORING_PSEUDONYM_KEY_FILE";
    static final int MIN_LENGTH = 32;
    static final int MIN_DISTINCT = 10;
    /** Fingerprint of sample-data/sample/demo-pseudonym.key. */
    static final String DEMO_FINGERPRINT = "f033f5d56b4b945be6bfec9fa20a82dc";
    private static final String HOW_TO_MAKE = "make one with: openssl rand -base64 32";

    private PseudonymKey() {
    }

    static byte[] resolve(Path keyFile, Path landing, java.io.PrintStream err) {
        return resolve(keyFile, landing, err, System.getenv(ENV_KEY), System.getenv(ENV_KEY_FILE));
    }

    static byte[] resolve(Path keyFile, Path landing, java.io.PrintStream err, String inline, String envFile) {
        byte[] key;
        if (keyFile != null) {
            key = read(keyFile);
        } else if (inline != null && !inline.isBlank()) {
            key = inline.trim().getBytes(StandardCharsets.UTF_8);
        } else if (envFile != null && !envFile.isBlank()) {
            key = read(Path.of(envFile));
        } else if (Locations.isBundledSample(landing)) {
            err.println("WARNING: using the sample's public demo pseudonymization key ("
                    + Locations.bundledSample().resolve("demo-pseudonym.key") + "); set " + ENV_KEY
                    + " or " + ENV_KEY_FILE + " for real data.");
            return read(Locations.bundledSample().resolve("demo-pseudonym.key"));
        } else {
            throw new UsageError("no pseudonymization key: pass --key-file, or set " + ENV_KEY + " or " + ENV_KEY_FILE
                    + " (" + HOW_TO_MAKE + ")");
        }
        // Known by its fingerprint, so it is recognised wherever the sample folder is.
        if (fingerprint(key).equals(DEMO_FINGERPRINT) && !Locations.isBundledSample(landing)) {
            throw new UsageError("the public demo key is only for the bundled sample: anyone can reverse pseudonyms made "
                    + "with it; " + HOW_TO_MAKE);
        }
        String text = new String(key, StandardCharsets.UTF_8);
        if (text.length() < MIN_LENGTH || text.chars().distinct().count() < MIN_DISTINCT) {
            throw new UsageError("the pseudonymization key is too weak: it needs at least " + MIN_LENGTH
                    + " characters with " + MIN_DISTINCT + " different ones; " + HOW_TO_MAKE);
        }
        return key;
    }

    /**
     * Records the key's fingerprint in a new warehouse, or checks it against the recorded one.
     *
     * @throws UsageError when the warehouse was built with another key
     */
    static void checkFingerprint(byte[] key, Path warehouse) {
        Path file = Path.of(new org.mentoringanalytics.contracts.Warehouse(warehouse.toAbsolutePath().toString()).keyFingerprint());
        String print = fingerprint(key);
        try {
            if (Files.isRegularFile(file)) {
                String recorded = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!recorded.equals(print)) {
                    throw new UsageError("this warehouse was built with another pseudonymization key (fingerprint "
                            + recorded + ", this key " + print + "): use the same key, or re-key into a new warehouse "
                            + "as README's \"Pseudonymization key\" describes");
                }
                return;
            }
            Files.createDirectories(warehouse);
            Files.writeString(file, print + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    /** HMAC-SHA-256 of a fixed label under the key: tells keys apart, reveals nothing of them. */
    static String fingerprint(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal("mentoring-analytics key fingerprint v1".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            Path absolute = file.toAbsolutePath();
            throw new UsageError("pseudonymization key file not found: " + absolute
                    + " (a warehouse needs the key it was first ingested with; for a new one, " + HOW_TO_MAKE
                    + " > " + absolute + ")");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageError("cannot read the pseudonymization key file " + file + ": " + e.getMessage());
        }
    }
}
