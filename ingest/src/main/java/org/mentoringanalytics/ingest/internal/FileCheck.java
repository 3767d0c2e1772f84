package org.mentoringanalytics.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
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

/**
 * Checks a landing file before any of its rows is read: content hash, decodable UTF-8 without
 * binary bytes, and a header with every required field. A file failing these is rejected whole.
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

    public static Result check(Path file, LandingSource source) throws IOException {
        if (Files.size(file) == 0) {
            return new Result(hash(file), "the file is empty: it has no header row", List.of());
        }
        // One pass over the bytes: the digest sees them raw, the decoder checks them as text.
        MessageDigest md = sha256();
        String problem = null;
        try (InputStream raw = new DigestInputStream(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16), md);
             Reader reader = LandingFiles.strictUtf8(LandingFiles.decode(file, raw))) {
            char[] buffer = new char[1 << 16];
            for (int n = reader.read(buffer); n >= 0 && problem == null; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\0') {
                        problem = "the file holds binary data (NUL bytes), not CSV text";
                        break;
                    }
                }
            }
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (CharacterCodingException e) {
            problem = "the file is not valid UTF-8 text: " + notUtf8(file);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            problem = "the file is not valid gzip (" + e.getMessage() + ")";
        }
        String hash = problem == null ? HexFormat.of().formatHex(md.digest()) : hash(file);
        if (problem != null) {
            return new Result(hash, problem, List.of());
        }
        List<String> header;
        try (BoundedRecordReader reader = new BoundedRecordReader(LandingFiles.reader(file), HEADER_LIMIT);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingFiles.FORMAT).get()) {
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
        List<String> warnings = new ArrayList<>();
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

    /** Where the first byte that is not UTF-8 is, and what the file probably is instead. */
    static String notUtf8(Path file) throws IOException {
        byte[] head = new byte[4];
        int headLength;
        try (InputStream raw = Files.newInputStream(file)) {
            headLength = raw.readNBytes(head, 0, 4);
        }
        if (headLength >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)) {
            return "it is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8";
        }
        if (headLength >= 2 && head[0] == (byte) 0x1F && head[1] == (byte) 0x8B && !file.getFileName().toString().endsWith(".gz")) {
            return "it is gzip-compressed but its name does not end in .gz; rename it to "
                    + file.getFileName() + ".gz";
        }
        java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(1 << 16);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(1 << 16);
        long offset = 0;
        long line = 1;
        try (InputStream raw = LandingFiles.decode(file, new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            boolean end = false;
            while (!end) {
                int n = raw.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int start = bytes.position();
                java.nio.charset.CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                offset += bytes.position() - start;
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xFF;
                    return String.format("byte 0x%02X at byte %,d (line %d) is not UTF-8%s", bad, offset, line,
                            bad >= 0xA0 ? "; the file looks like Latin-1 or Windows-1252: save it as UTF-8" : "");
                }
                chars.clear();
                bytes.compact();
            }
        }
        return "it cannot be decoded as UTF-8";
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
