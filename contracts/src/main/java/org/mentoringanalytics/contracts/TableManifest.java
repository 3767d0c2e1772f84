package org.mentoringanalytics.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a table folder held when its writer finished: every data file with its size, row count and
 * SHA-256. Written as {@value #FILE} inside the folder (hidden from Parquet readers by its leading
 * underscore) by the stage that writes the table, and checked by every stage before it trusts the
 * table, so a deleted, truncated, damaged or stray part file is found instead of silently read.
 *
 * <p>Format: tab-separated text, one line per data file ({@code file, bytes, rows, sha256}) after a
 * {@code # table <name> rows <n>} line; readable by people and by {@code cut}.
 */
public record TableManifest(String table, List<Part> parts) {

    public static final String FILE = "_manifest.tsv";

    /** One data file of the table. */
    public record Part(String file, long bytes, long rows, String sha256) {
    }

    /** Reads the files of one table folder, wherever it is stored. */
    public interface Folder {
        /** Names of the visible data files (not starting with "." or "_"), in name order. */
        List<String> dataFiles() throws IOException;

        long size(String file) throws IOException;

        InputStream open(String file) throws IOException;
    }

    public TableManifest {
        parts = List.copyOf(parts);
    }

    public long rows() {
        return parts.stream().mapToLong(Part::rows).sum();
    }

    public String toText() {
        StringBuilder text = new StringBuilder("# table " + table + " rows " + rows() + "\n");
        text.append("file\tbytes\trows\tsha256\n");
        for (Part p : parts) {
            text.append(p.file()).append('\t').append(p.bytes()).append('\t').append(p.rows()).append('\t')
                    .append(p.sha256()).append('\n');
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when the text is not a manifest */
    public static TableManifest parse(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2 || !lines.get(0).startsWith("# table ") || !lines.get(1).equals("file\tbytes\trows\tsha256")) {
            throw new IllegalArgumentException("not a table manifest");
        }
        String table = lines.get(0).substring("# table ".length()).split(" ")[0];
        List<Part> parts = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.split("\t");
            if (cells.length != 4) {
                throw new IllegalArgumentException("not a table manifest line: " + line);
            }
            parts.add(new Part(cells[0], Long.parseLong(cells[1]), Long.parseLong(cells[2]), cells[3]));
        }
        return new TableManifest(table, parts);
    }

    /**
     * What differs between this manifest and the folder, one sentence per file: missing, another size,
     * another checksum, or a data file the writer did not write. Empty when the folder is as written.
     */
    public List<String> problems(Folder folder) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Part> expected = new LinkedHashMap<>();
        parts.forEach(p -> expected.put(p.file(), p));
        Set<String> present = new TreeSet<>(folder.dataFiles());
        for (Part p : parts) {
            if (!present.contains(p.file())) {
                problems.add(p.file() + " is missing (it held " + p.rows() + " rows)");
                continue;
            }
            long size = folder.size(p.file());
            if (size != p.bytes()) {
                problems.add(p.file() + " has " + size + " bytes, " + p.bytes() + " were written (it held " + p.rows() + " rows)");
                continue;
            }
            String digest;
            try (InputStream in = folder.open(p.file())) {
                digest = sha256(in);
            }
            if (!digest.equals(p.sha256())) {
                problems.add(p.file() + " has changed since it was written (checksum differs; it held " + p.rows() + " rows)");
            }
        }
        for (String file : present) {
            if (!expected.containsKey(file)) {
                problems.add(file + " was not written with the table (readers would include its rows)");
            }
        }
        return problems;
    }

    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A table folder on the local file system. */
    public static Folder local(Path folder) {
        return new Folder() {
            @Override
            public List<String> dataFiles() throws IOException {
                if (!Files.isDirectory(folder)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(folder)) {
                    return files.map(p -> p.getFileName().toString())
                            .filter(name -> !name.startsWith(".") && !name.startsWith("_")).sorted().toList();
                }
            }

            @Override
            public long size(String file) throws IOException {
                return Files.size(folder.resolve(file));
            }

            @Override
            public InputStream open(String file) throws IOException {
                return Files.newInputStream(folder.resolve(file));
            }
        };
    }

    /** The manifest in a local table folder, or null when the folder has none. */
    public static TableManifest readLocal(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? parse(Files.readString(file)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
