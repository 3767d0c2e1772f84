package org.mentoringanalytics.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person identifier into a keyed pseudonym: the first 128 bits of HMAC-SHA-256 over the
 * trimmed identifier, in hex. Without the key the pseudonym cannot be reversed or recomputed;
 * with the same key the same person always gets the same pseudonym, so tables still join.
 */
public final class Pseudonymizer {

    private static final int MIN_KEY_BYTES = 16;
    private final SecretKeySpec key;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonymization key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String pseudonym(String identifier) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(identifier.trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
