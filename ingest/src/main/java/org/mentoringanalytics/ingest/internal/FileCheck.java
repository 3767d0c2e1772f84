package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.mentoringanalytics.ingest.LandingSource;
import org.mentoringanalytics.ingest.text.LandingText;

/**
 * Checks a landing file before any of its rows is read: content hash, text in its folder's
 * encoding without binary bytes, and a header with every required field. A file failing these is
 * rejected whole; a few lines with undecodable bytes only reject their rows.
 */
public final class FileCheck {

    /**
     * @param hash        SHA-256 of the file's bytes, hex
     * @param rejectWhole why the whole file is rejected, or null
     * @param warnings    things worth telling that do not stop the file
     */
    public record Result(String hash, String rejectWhole, List<String> warnings) {
    }

    /** Longest header row read: a header names a few dozen columns. */
    private static final int HEADER_LIMIT = 100_000;

    private FileCheck() {
    }

    /** More lines than this with bytes that are not text: the file is in another encoding, not damaged here and there. */
    static final int MAX_UNDECODABLE_LINES = 10;

    /**
     * @param charset the encoding of the file's folder ({@link LandingFiles#charset}); a few
     *                undecodable rows are left to the row reader to reject, more reject the file
     */
    public static Result check(Path file, LandingSource source, java.nio.charset.Charset charset) throws IOException {
        if (Files.size(file) == 0) {
            return new Result(hash(file), "the file is empty: it has no header row", List.of());
        }
        String notText = notText(file, charset);
        if (notText != null) {
            return new Result(hash(file), notText, List.of());
        }
        Scan scan;
        MessageDigest md = sha256();
        try (InputStream raw = new DigestInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16), md)) {
            scan = scan(LandingText.decode(file, raw), charset);
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new Result(hash(file), "the file is not valid gzip (" + e.getMessage() + ")", List.of());
        }
        String hash = HexFormat.of().formatHex(md.digest());
        if (scan.nul()) {
            return new Result(hash, "the file holds binary data (NUL bytes), not CSV text", List.of());
        }
        String encoding = encodingName(charset);
        if (scan.firstByLine().containsKey(1L)) {
            return new Result(hash, "the header row is not " + encoding + " text: " + scan.firstByLine().get(1L)
                    + encodingHint(source, charset), List.of());
        }
        if (scan.lines() > MAX_UNDECODABLE_LINES) {
            return new Result(hash, "the file is not " + encoding + " text: " + scan.lines() + " lines hold bytes that are not "
                    + encoding + ", the first " + scan.firstByLine().values().iterator().next() + encodingHint(source, charset),
                    List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (scan.lines() > 0) {
            warnings.add(scan.lines() + " line(s) hold bytes that are not " + encoding + ": their rows are rejected as bad_encoding");
        }
        List<String> header;
        try (BoundedRecordReader reader = new BoundedRecordReader(LandingFiles.rowReader(file, charset), HEADER_LIMIT);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingText.FORMAT).get()) {
            header = parser.getHeaderNames();
            if (!reader.tooLong().isEmpty() && reader.tooLong().get(0).firstLine() == 1) {
                return new Result(hash, "the header row is longer than " + String.format("%,d", HEADER_LIMIT)
                        + " characters: this is not a landing CSV", List.of());
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            return new Result(hash, "the header row cannot be read: " + e.getMessage(), List.of());
        }
        Set<String> missing = new LinkedHashSet<>(source.requiredFields());
        missing.removeAll(header);
        if (!missing.isEmpty()) {
            return new Result(hash, "the header lacks required columns " + missing + " (found " + header + ")", List.of());
        }
        Set<String> unknown = new LinkedHashSet<>(header);
        unknown.removeAll(source.knownFields());
        if (!unknown.isEmpty()) {
            warnings.add("ignored unknown columns " + unknown);
        }
        Set<String> absent = new LinkedHashSet<>(source.knownFields());
        absent.removeAll(header);
        if (!absent.isEmpty()) {
            warnings.add("optional columns absent, read as empty: " + absent);
        }
        return new Result(hash, null, warnings);
    }

    /** What a landing folder's files are read as, in messages: UTF-8, windows-1252. */
    static String encodingName(java.nio.charset.Charset charset) {
        return charset.name().equals("UTF-8") ? "UTF-8" : charset.name();
    }

    private static String encodingHint(LandingSource source, java.nio.charset.Charset charset) {
        return charset.equals(java.nio.charset.StandardCharsets.UTF_8)
                ? "; save it as UTF-8, or set encoding." + source.folder() + "=windows-1252 (or its real encoding) in landing.properties"
                : "; check encoding." + source.folder() + " in landing.properties";
    }

    /**
     * Where the bytes that are not text in {@code charset} are: the first per physical line (at most
     * a few hundred kept, every line counted), and whether the text holds a NUL.
     *
     * @param firstByLine line to "byte 0xE9 at byte 116 (line 2) is not UTF-8..." for the first bad byte on it
     * @param lines       how many lines hold a bad byte
     */
    record Scan(java.util.Map<Long, String> firstByLine, long lines, boolean nul) {
    }

    /** The undecodable bytes of a landing file by line, for the row reader's messages. */
    static java.util.Map<Long, String> undecodable(Path file, java.nio.charset.Charset charset) throws IOException {
        try (InputStream in = LandingText.open(file)) {
            return scan(in, charset).firstByLine();
        }
    }

    private static Scan scan(InputStream in, java.nio.charset.Charset charset) throws IOException {
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.util.Map<Long, String> first = new java.util.LinkedHashMap<>();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long offset = 0;
        long line = 1;
        long lines = 0;
        boolean cr = false;
        boolean nul = false;
        boolean end = false;
        while (!end) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            while (true) {
                int start = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, end);
                offset += bytes.position() - start;
                chars.flip();
                // Physical lines as the row reader counts them: LF, CRLF and a lone CR each end one.
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    nul |= c == '\0';
                    if (c == '\n') {
                        line += cr ? 0 : 1;
                        cr = false;
                    } else {
                        line += c == '\r' ? 1 : 0;
                        cr = c == '\r';
                    }
                }
                chars.clear();
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xFF;
                    if (!first.containsKey(line)) {
                        lines++;
                        if (first.size() < 1000) {
                            first.put(line, String.format("byte 0x%02X at byte %,d (line %d) is not %s%s", bad, offset, line,
                                    encodingName(charset), charset.equals(java.nio.charset.StandardCharsets.UTF_8) && bad >= 0xA0
                                            ? "; the file looks like Latin-1 or Windows-1252" : ""));
                        }
                    }
                    bytes.position(bytes.position() + result.length());
                    offset += result.length();
                    continue;
                }
                if (result.isOverflow()) {
                    continue;
                }
                break;
            }
            bytes.compact();
        }
        return new Scan(first, lines, nul);
    }

    /** Why a file is not text at all for this encoding (UTF-16, gzip under a .csv name), or null. */
    static String notText(Path file, java.nio.charset.Charset charset) throws IOException {
        byte[] head = new byte[4];
        int headLength;
        try (InputStream raw = Files.newInputStream(file)) {
            headLength = raw.readNBytes(head, 0, 4);
        }
        boolean utf16 = charset.name().startsWith("UTF-16");
        if (!utf16 && headLength >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
            return "the file is not valid " + encodingName(charset) + " text: it is UTF-16 (it starts with a UTF-16 byte-order mark); "
                    + "save it as UTF-8";
        }
        if (headLength >= 2 && head[0] == (byte) 0x1F && head[1] == (byte) 0x8B && !file.getFileName().toString().endsWith(".gz")) {
            return "the file is not valid " + encodingName(charset) + " text: it is gzip-compressed but its name does not end in .gz; "
                    + "rename it to " + file.getFileName() + ".gz";
        }
        return null;
    }

    public static String hash(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
