package org.mentoringanalytics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.mentoringanalytics.ingest.internal.LandingCsvReader;

/**
 * SHA-256 over the relative names and contents of every landing file the sources read. Two
 * landing folders with the same files have the same fingerprint wherever they are.
 */
public final class LandingFingerprint {

    private LandingFingerprint() {
    }

    public static String of(Path landing) {
        try {
            MessageDigest all = MessageDigest.getInstance("SHA-256");
            for (LandingSource source : LandingSources.ALL) {
                for (Path file : LandingCsvReader.files(landing, source)) {
                    all.update(landing.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                    all.update((byte) 0);
                    all.update(contentDigest(file));
                }
            }
            return HexFormat.of().formatHex(all.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] contentDigest(Path file) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return md.digest();
    }
}
