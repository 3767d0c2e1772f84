package org.mentoringanalytics.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.TableManifest;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.internal.ParquetTables;

/**
 * Ingest into a warehouse on another file system (hdfs://). Ingest relies on what HDFS does not
 * offer (hard links for unchanged parts, operating-system locks, an H2 file as job repository), so
 * it runs on a local <em>working copy</em>, and this class keeps the warehouse's ingest items equal
 * to it through the Hadoop FileSystem API: every staging table, the embedded job repository and the
 * key fingerprint, plus each run's rejects folder.
 *
 * <p>{@link #fetch} runs before anything opens the working copy: an item the warehouse holds in another
 * version than the copy last agreed with it is fetched (a new or wiped working copy starts from the
 * warehouse). {@link #publishStaging} runs after a completed ingest: every staging table the run changed
 * is uploaded beside its published place and renamed into it, so a reader sees the old or the new table,
 * never a mix of parts; so are the key fingerprint and the run's rejects. {@link #publishJobRepository}
 * runs once the job repository is closed, at the end of the command. The state file
 * records each item's digest when copy and warehouse last agreed; it is written after each item, so a
 * process killed while publishing publishes the rest on its next invocation.
 *
 * <p>One working copy per warehouse: an item changed both in the copy and in the warehouse since they
 * last agreed is refused, not merged.
 */
public final class RemoteWarehouse {

    private static final String ABSENT = "absent";
    private static final String STATE = "_working-copy.properties";
    private static final String JOB_REPOSITORY = "job_repository";

    private final java.nio.file.Path copyRoot;
    private final Warehouse copy;
    private final Warehouse remote;
    private final FileSystem fs;
    private final Properties state = new Properties();

    /** One item kept equal in both places: its key in the state file and its two locations. */
    private record Item(String key, String local, String remote, boolean table) {
    }

    /**
     * @param workingCopy local folder of the working copy (created when missing)
     * @param remote      the warehouse, on a Hadoop file system
     * @param conf        Hadoop configuration reaching it
     * @throws IllegalArgumentException when the working copy belongs to another warehouse
     */
    public RemoteWarehouse(java.nio.file.Path workingCopy, Warehouse remote, Configuration conf) throws IOException {
        this.copyRoot = workingCopy.toAbsolutePath();
        this.copy = new Warehouse(copyRoot.toString());
        this.remote = remote;
        this.fs = new Path(remote.root()).getFileSystem(conf);
        Files.createDirectories(copyRoot);
        java.nio.file.Path file = copyRoot.resolve(STATE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(in);
            }
            String of = state.getProperty("warehouse");
            if (of != null && !of.equals(remote.root())) {
                throw new IllegalArgumentException("the working copy " + copyRoot + " belongs to the warehouse " + of
                        + ", not " + remote.root() + ": give each warehouse its own working copy");
            }
        }
        state.setProperty("warehouse", remote.root());
    }

    private List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (TableContract table : Tables.all()) {
            if (table.layer() == Layer.STAGING) {
                items.add(new Item("table." + table.name(), copy.location(table), remote.location(table), true));
            }
        }
        items.add(new Item(JOB_REPOSITORY, copy.jobRepositoryFolder(), remote.jobRepositoryFolder(), false));
        items.add(new Item("key_fingerprint", copy.keyFingerprint(), remote.keyFingerprint(), false));
        return items;
    }

    /**
     * Fetches every item the warehouse changed since the copy last agreed with it.
     *
     * @return the items fetched, by key
     * @throws IllegalStateException when an item changed in both places
     */
    public List<String> fetch() throws IOException {
        List<String> fetched = new ArrayList<>();
        for (Item item : items()) {
            String agreed = state.getProperty(item.key(), ABSENT);
            String local = localDigest(item);
            String there = remoteDigest(item);
            if (there.equals(local)) {
                agree(item, local);
            } else if (local.equals(agreed)) {
                download(item);
                agree(item, localDigest(item));
                fetched.add(item.key());
            } else if (!there.equals(agreed) && !there.equals(ABSENT)) {
                throw new IllegalStateException(item.key().replaceFirst("^table\\.", "") + " changed both in the working copy "
                        + copyRoot + " and in the warehouse " + remote.root() + " since they last agreed: another working copy "
                        + "ingested into the warehouse. Delete this working copy to start again from the warehouse.");
            }
            // Otherwise the copy holds a version a stopped run has not published yet: publish() sends it.
        }
        return fetched;
    }

    /**
     * Publishes every staging table and the key fingerprint where they differ from the warehouse, and
     * each rejects folder the warehouse lacks.
     *
     * @return the items and rejects folders published
     */
    public List<String> publishStaging() throws IOException {
        List<String> published = publish(item -> !item.key().equals(JOB_REPOSITORY));
        java.nio.file.Path rejects = java.nio.file.Path.of(copy.rejectsFolder());
        if (Files.isDirectory(rejects)) {
            try (Stream<java.nio.file.Path> runs = Files.list(rejects)) {
                for (java.nio.file.Path run : runs.filter(Files::isDirectory).sorted().toList()) {
                    Path target = new Path(remote.rejectsFolder(), run.getFileName().toString());
                    if (!fs.exists(target)) {
                        uploadFolder(run, target);
                        published.add("rejects/" + run.getFileName());
                    }
                }
            }
        }
        return published;
    }

    /** Publishes the embedded job repository when it differs; call only while no one has it open. */
    public List<String> publishJobRepository() throws IOException {
        return publish(item -> item.key().equals(JOB_REPOSITORY));
    }

    private List<String> publish(java.util.function.Predicate<Item> which) throws IOException {
        List<String> published = new ArrayList<>();
        for (Item item : items().stream().filter(which).toList()) {
            String local = localDigest(item);
            if (local.equals(ABSENT) || local.equals(remoteDigest(item))) {
                agree(item, local);
                continue;
            }
            upload(item);
            String there = remoteDigest(item);
            if (!there.equals(local)) {
                throw new IOException(item.remote() + " differs from the working copy after publishing it");
            }
            agree(item, local);
            published.add(item.key());
        }
        return published;
    }

    private void agree(Item item, String digest) throws IOException {
        if (digest.equals(state.getProperty(item.key(), ABSENT))) {
            return;
        }
        state.setProperty(item.key(), digest);
        java.nio.file.Path file = copyRoot.resolve(STATE);
        java.nio.file.Path temporary = copyRoot.resolve("." + STATE + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            state.store(out, "what this working copy and " + remote.root() + " last agreed on");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A table by its manifest (which names every part's checksum); any other item by all its bytes. */
    private String localDigest(Item item) throws IOException {
        java.nio.file.Path path = java.nio.file.Path.of(item.local());
        if (!Files.exists(path)) {
            return ABSENT;
        }
        if (item.table()) {
            java.nio.file.Path manifest = path.resolve(TableManifest.FILE);
            return Files.isRegularFile(manifest) ? sha256(Files.readAllBytes(manifest)) : ABSENT;
        }
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            names.add("");
        } else {
            try (Stream<java.nio.file.Path> walk = Files.walk(path)) {
                walk.filter(Files::isRegularFile).forEach(f -> names.add(path.relativize(f).toString()));
            }
        }
        return filesDigest(names, name -> Files.newInputStream(name.isEmpty() ? path : path.resolve(name)));
    }

    /** Opens a file of an item by its name relative to the item ("" for an item that is one file). */
    @FunctionalInterface
    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    /** SHA-256 over each file's relative name and checksum, in name order: the same for both places. */
    private static String filesDigest(List<String> names, Opener opener) throws IOException {
        var digest = sha256();
        for (String name : names.stream().sorted().toList()) {
            digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = opener.open(name)) {
                digest.update(TableManifest.sha256(in).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private String remoteDigest(Item item) throws IOException {
        Path path = new Path(item.remote());
        if (!fs.exists(path)) {
            return ABSENT;
        }
        if (item.table()) {
            Path manifest = new Path(path, TableManifest.FILE);
            if (!fs.exists(manifest)) {
                return ABSENT;
            }
            try (InputStream in = fs.open(manifest)) {
                return sha256(in.readAllBytes());
            }
        }
        List<String> names = new ArrayList<>();
        if (fs.getFileStatus(path).isFile()) {
            names.add("");
        } else {
            String base = fs.getFileStatus(path).getPath().toUri().getPath();
            var files = fs.listFiles(path, true);
            while (files.hasNext()) {
                names.add(files.next().getPath().toUri().getPath().substring(base.length() + 1));
            }
        }
        return filesDigest(names, name -> fs.open(name.isEmpty() ? path : new Path(path, name)));
    }

    /** Uploads beside the published place, then renames into it (the old version moved aside, then deleted). */
    private void upload(Item item) throws IOException {
        Path target = new Path(item.remote());
        Path parent = target.getParent();
        fs.mkdirs(parent);
        String id = UUID.randomUUID().toString().substring(0, 8);
        removeLeftovers(parent, target.getName());
        Path next = new Path(parent, "." + target.getName() + ".upload-" + id);
        java.nio.file.Path source = java.nio.file.Path.of(item.local());
        if (Files.isDirectory(source)) {
            uploadFolder(source, next);
        } else {
            fs.copyFromLocalFile(false, true, new Path(source.toUri()), next);
        }
        Path previous = new Path(parent, "." + target.getName() + ".previous-" + id);
        if (fs.exists(target) && !fs.rename(target, previous)) {
            throw new IOException("cannot move " + target + " aside");
        }
        if (!fs.rename(next, target)) {
            throw new IOException("cannot move " + next + " to " + target);
        }
        fs.delete(previous, true);
    }

    private void uploadFolder(java.nio.file.Path source, Path target) throws IOException {
        fs.mkdirs(target);
        try (Stream<java.nio.file.Path> files = Files.list(source)) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                Path to = new Path(target, file.getFileName().toString());
                if (Files.isDirectory(file)) {
                    uploadFolder(file, to);
                } else {
                    fs.copyFromLocalFile(false, true, new Path(file.toUri()), to);
                }
            }
        }
    }

    /** Uploads and moved-aside versions a killed process left beside an item. */
    private void removeLeftovers(Path parent, String name) throws IOException {
        for (FileStatus entry : fs.listStatus(parent)) {
            String other = entry.getPath().getName();
            if (other.startsWith("." + name + ".upload-") || other.startsWith("." + name + ".previous-")) {
                fs.delete(entry.getPath(), true);
            }
        }
    }

    /** Downloads beside the copy's place, then moves it into place; an item the warehouse lacks is removed. */
    private void download(Item item) throws IOException {
        java.nio.file.Path target = java.nio.file.Path.of(item.local());
        Files.createDirectories(target.getParent());
        java.nio.file.Path next = target.resolveSibling("." + target.getFileName() + ".download");
        java.nio.file.Path previous = target.resolveSibling("." + target.getFileName() + ".previous");
        ParquetTables.deleteTree(next);
        ParquetTables.deleteTree(previous);
        Path source = new Path(item.remote());
        if (fs.exists(source)) {
            fs.copyToLocalFile(false, source, new Path(next.toUri()), true);
        }
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(next)) {
            Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
        }
        ParquetTables.deleteTree(previous);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
