package org.mentoringanalytics.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a person identifier into a keyed pseudonym: the first 128 bits of HMAC-SHA-256 over the
 * trimmed identifier, in hex. Without the key the pseudonym cannot be reversed or recomputed;
 * with the same key the same person always gets the same pseudonym, so tables still join.
 *
 * <p>Identifiers repeat across millions of rows (the same people log many sessions), so recent
 * pseudonyms are remembered per thread.
 */
public final class Pseudonymizer {

    private static final int MIN_KEY_BYTES = 16;
    private static final int CACHE_SIZE = 200_000;

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;
    private final ThreadLocal<Map<String, String>> recent;

    public Pseudonymizer(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonymization key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
        this.recent = ThreadLocal.withInitial(() -> new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > CACHE_SIZE;
            }
        });
    }

    public String pseudonym(String identifier) {
        String id = identifier.trim();
        return recent.get().computeIfAbsent(id, this::compute);
    }

    private String compute(String id) {
        byte[] digest = mac.get().doFinal(id.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
