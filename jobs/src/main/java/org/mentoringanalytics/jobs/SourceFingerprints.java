package org.mentoringanalytics.jobs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fingerprint per landing source: the SHA-256 of the sorted file versions (path and content
 * hash) ingest has processed for it, loaded or rejected whole. A new or changed file changes its
 * source's fingerprint, and nothing else does, which is what lets a refresh skip the tables a
 * change cannot affect.
 */
final class SourceFingerprints {

    private SourceFingerprints() {
    }

    /** @param files stg_ingest_files */
    static Map<String, String> of(Dataset<Row> files) {
        Map<String, List<String>> versions = new TreeMap<>();
        for (Row r : files.select("source", "file", "content_hash").collectAsList()) {
            versions.computeIfAbsent(r.getString(0), k -> new java.util.ArrayList<>()).add(r.getString(1) + "\t" + r.getString(2));
        }
        Map<String, String> prints = new TreeMap<>();
        versions.forEach((source, list) -> prints.put(source, sha256(list.stream().sorted().toList())));
        return prints;
    }

    private static String sha256(List<String> lines) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
