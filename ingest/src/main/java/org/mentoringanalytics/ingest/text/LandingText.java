package org.mentoringanalytics.ingest.text;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Opening a landing file's text, for the landing-format readers and the export readers alike:
 * gzip by the file's name, a UTF-8 byte-order mark dropped, malformed UTF-8 an error.
 */
public final class LandingText {

    /** RFC 4180 with a header row; surrounding spaces are trimmed, empty lines skipped. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();

    /** {@link #FORMAT} with blank lines read as rows, so a row's line number is its physical line. */
    public static final CSVFormat ROWS = FORMAT.builder().setIgnoreEmptyLines(false).get();

    private LandingText() {
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
    public static Reader reader(Path file) throws IOException {
        return strictUtf8(open(file));
    }

    public static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
