package org.mentoringanalytics.ingest.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;
import org.mentoringanalytics.ingest.LandingSource;

/** Finding and opening landing files: sorted listing, gzip, byte-order mark, strict UTF-8. */
public final class LandingFiles {

    /** RFC 4180 with a header row; surrounding spaces are trimmed, empty lines skipped. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    /** {@link #FORMAT} with blank lines read as rows, so a row's line number is its physical line. */
    public static final CSVFormat ROWS = FORMAT.builder().setIgnoreEmptyLines(false).get();

    private LandingFiles() {
    }

    /** The files of the source in name order, then its exports (see {@code Exports}); empty when there are none. */
    public static List<Path> list(Path landing, LandingSource source) throws IOException {
        Path folder = landing.resolve(source.folder());
        List<Path> result = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, source.glob())) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                        result.add(p);
                    }
                }
            }
        }
        result.sort(null);
        // Tools' raw exports feeding the same source come after its landing-format files.
        result.addAll(org.mentoringanalytics.ingest.exports.Exports.list(landing, source.name()));
        return result;
    }

    /** Raw bytes of the file, decompressed when its name ends in {@code .gz}, without a byte-order mark. */
    public static InputStream open(Path file) throws IOException {
        return decode(file, new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Decompresses (by the file's name) and strips the byte-order mark of raw bytes read from {@code file}. */
    public static InputStream decode(Path file, InputStream raw) throws IOException {
        InputStream in = raw;
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return BOMInputStream.builder().setInputStream(in).get();
    }

    /** Characters of the file; malformed UTF-8 raises an error instead of turning into '?'. */
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

    public static Reader reader(Path file) throws IOException {
        return strictUtf8(open(file));
    }

    public static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
