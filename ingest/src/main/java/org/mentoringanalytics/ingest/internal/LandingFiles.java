package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.text.LandingText;

/** Finding landing files (sorted, case-insensitive names, no link out) and reading them in their folder's encoding. */
public final class LandingFiles {

    private LandingFiles() {
    }

    /**
     * The files of the source in name order, then its exports (see {@code Exports}); empty when there
     * are none. Names match whatever their case ({@code EMPLOYEES.CSV}); a link leading out of the
     * landing folder is never followed.
     */
    public static List<Path> list(Path landing, LandingSource source) throws IOException {
        Path folder = landing.resolve(source.folder());
        List<Path> result = new ArrayList<>();
        PathMatcher names = FileSystems.getDefault().getPathMatcher("glob:" + source.glob());
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                for (Path p : stream) {
                    String name = p.getFileName().toString();
                    if (names.matches(Path.of(name.toLowerCase(java.util.Locale.ROOT))) && Files.isRegularFile(p)
                            && !name.startsWith(".")) {
                        result.add(p);
                    }
                }
            }
        }
        result.sort(null);
        // Tools' raw exports feeding the same source come after its landing-format files.
        result.addAll(org.mentoringanalytics.ingest.exports.Exports.list(landing, source.name()));
        List<Path> inside = new ArrayList<>();
        for (Path p : result) {
            if (inside(landing, p)) {
                inside.add(p);
            }
        }
        return inside;
    }

    /** Whether the file, links resolved, is inside the landing folder. */
    static boolean inside(Path landing, Path file) throws IOException {
        return !Files.isSymbolicLink(file) || Files.exists(file) && file.toRealPath().startsWith(landing.toRealPath());
    }

    /** Files of the folder itself, not data: its settings, and the planted effects a generated folder records. */
    private static final java.util.Set<String> FOLDER_FILES = java.util.Set.of("landing.properties", "ground-truth.properties");

    /** An entry of the landing folder that no source reads, and why. */
    public record Ignored(String file, String reason) {
    }

    /**
     * Every file, link or odd entry under the landing folder that no source reads: nothing is passed
     * over without a word. Hidden names (".DS_Store"), landing.properties, a generated folder's
     * ground-truth.properties and the Slack export's own files are not listed.
     */
    public static List<Ignored> ignored(Path landing, java.util.Set<Path> read, java.util.Set<String> folders)
            throws IOException {
        List<Ignored> ignored = new ArrayList<>();
        Path slack = landing.resolve(org.mentoringanalytics.ingest.exports.Exports.SLACK);
        try (java.util.stream.Stream<Path> walk = Files.walk(landing)) {
            for (Path p : walk.sorted().toList()) {
                String name = p.getFileName().toString();
                String relative = landing.relativize(p).toString().replace('\\', '/');
                if (p.equals(landing) || read.contains(p) || p.startsWith(slack) || FOLDER_FILES.contains(relative)
                        || landing.relativize(p).toString().startsWith(".") || name.startsWith(".")) {
                    continue;
                }
                boolean directory = Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                String parent = p.getParent().equals(landing) ? "" : landing.relativize(p.getParent()).toString().replace('\\', '/');
                String reason;
                if (directory) {
                    if (!name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(csv|gz|zip)$")) {
                        continue;
                    }
                    reason = "a folder named like a file: nothing in it is read";
                } else if (Files.isSymbolicLink(p)) {
                    reason = !Files.exists(p) ? "a link to nothing" : !inside(landing, p)
                            ? "a link to outside the landing folder: refused" : "a link no source reads";
                } else if (!Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    reason = "not a regular file (a pipe, socket or device): not read";
                } else if (name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(zip|7z|tar|tgz|rar)$")) {
                    reason = "an archive: unpack it into its folder to have it read";
                } else if (!folders.contains(parent)) {
                    reason = parent.isEmpty() ? "a file at the top of the landing folder: files go into a source's folder"
                            : "in a folder no source reads (" + parent + "/)";
                } else {
                    reason = "its name matches no source of " + parent + "/";
                }
                ignored.add(new Ignored(relative.replaceAll("[\\t\\n\\r]", "?"), reason));
            }
        }
        return ignored;
    }

    /**
     * The zone of local date-times in the landing CSV files: {@code timezone} in landing.properties (an
     * IANA name such as Europe/Berlin); empty when not set, and then a date-time must carry its offset.
     */
    public static java.util.Optional<java.time.ZoneId> zone(Path landing) throws IOException {
        Path file = landing.resolve("landing.properties");
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        java.util.Properties properties = new java.util.Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String zone = properties.getProperty("timezone");
        if (zone == null || zone.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.ZoneId.of(zone.trim()));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("landing.properties: timezone '" + zone.trim() + "' is not a time zone ("
                    + e.getMessage() + "); use an IANA name such as Europe/Berlin");
        }
    }

    /**
     * The encoding of a landing folder's files: {@code encoding.<folder>} in landing.properties (for
     * example {@code encoding.hr=windows-1252}), else {@code encoding}, else UTF-8.
     */
    public static Charset charset(Path landing, String folder) throws IOException {
        Path file = landing.resolve("landing.properties");
        if (!Files.isRegularFile(file)) {
            return StandardCharsets.UTF_8;
        }
        java.util.Properties properties = new java.util.Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        String key = properties.containsKey("encoding." + folder) ? "encoding." + folder : "encoding";
        String name = properties.getProperty(key);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (java.nio.charset.IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new IllegalArgumentException("landing.properties: " + key + " '" + name.trim()
                    + "' is not an encoding this Java knows; use a name such as UTF-8, windows-1252 or ISO-8859-15");
        }
    }

    /**
     * Characters of a landing file in its folder's encoding. A byte sequence that is not text in that
     * encoding becomes {@link #UNDECODABLE}, so its row can be rejected while the rest of the file
     * loads; {@link FileCheck} has already refused files holding a real NUL.
     */
    public static Reader rowReader(Path file, Charset charset) throws IOException {
        return new InputStreamReader(LandingText.open(file), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(UNDECODABLE)));
    }

    /** What {@link #rowReader} reads in place of bytes that are not text in the file's encoding. */
    public static final char UNDECODABLE = '\0';

}
