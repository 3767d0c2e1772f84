package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;

/**
 * Whether the published marts already are what a metrics run would compute, decided from files
 * alone, without a Spark session: the as-of date, the code and every staging table's manifest
 * (which names each part's checksum) are those the published generation was computed from, and
 * every staging table still matches its manifest. A refresh that finds nothing new then stops in
 * well under a second instead of starting Spark.
 */
public final class UpToDate {

    /** Generation metadata: the fingerprint of every staging manifest the generation was computed from. */
    static final String STAGING = "staging_manifests";

    private UpToDate() {
    }

    public static boolean check(MetricsJobConfig config) {
        try {
            Configuration conf = new Configuration();
            FileSystem fs = new Path(config.warehouse().root()).getFileSystem(conf);
            Properties published = new Properties();
            Path metadata = new Path(PublishedTables.pin(config.warehouse(), conf).generationMetadata());
            if (!fs.exists(metadata)) {
                return false;
            }
            try (InputStream in = fs.open(metadata)) {
                published.load(in);
            }
            if (!config.asOf().toString().equals(published.getProperty("as_of"))
                    || !MetricsJob.codeVersion().equals(published.getProperty("code_version"))) {
                return false;
            }
            for (TableContract table : Tables.all()) {
                // A damaged staging table is for the full run to report, with its remedy.
                if (table.layer() == Layer.STAGING
                        && !TableFiles.problems(fs, new Path(config.warehouse().location(table))).isEmpty()) {
                    return false;
                }
            }
            return fingerprint(fs, config).equals(published.getProperty(STAGING));
        } catch (IOException | RuntimeException e) {
            // Anything unclear: let the run decide.
            return false;
        }
    }

    /** SHA-256 over every staging table's manifest, in catalogue order ("-" for a table without one). */
    static String fingerprint(FileSystem fs, MetricsJobConfig config) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (TableContract table : Tables.all()) {
            if (table.layer() != Layer.STAGING) {
                continue;
            }
            digest.update((table.name() + "\n").getBytes(StandardCharsets.UTF_8));
            Path manifest = new Path(new Path(config.warehouse().location(table)), TableManifest.FILE);
            if (fs.exists(manifest)) {
                try (InputStream in = fs.open(manifest)) {
                    digest.update(in.readAllBytes());
                }
            } else {
                digest.update("-\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
