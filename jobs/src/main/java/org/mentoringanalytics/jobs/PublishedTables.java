package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.mentoringanalytics.contracts.Warehouse;

/** The warehouse as its readers must see it: pinned to the published generation on HDFS. */
public final class PublishedTables {

    private PublishedTables() {
    }

    /** {@link Warehouse#pinnedToPublished}, reading the pointer through the Hadoop file system of the root. */
    public static Warehouse pin(Warehouse warehouse, Configuration conf) {
        try {
            return warehouse.pinnedToPublished(location -> {
                Path file = new Path(location);
                FileSystem fs = file.getFileSystem(conf);
                if (!fs.exists(file)) {
                    return Optional.empty();
                }
                try (InputStream in = fs.open(file)) {
                    return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + warehouse.publishedPointer() + ": " + e.getMessage(), e);
        }
    }
}
