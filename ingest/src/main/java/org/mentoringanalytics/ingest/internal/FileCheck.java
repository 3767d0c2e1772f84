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

    private FileCheck() {
    }

    public static Result check(Path file, LandingSource source) throws IOException {
        String hash = hash(file);
        if (Files.size(file) == 0) {
            return new Result(hash, "the file is empty: it has no header row", List.of());
        }
        try (Reader reader = LandingFiles.reader(file)) {
            char[] buffer = new char[1 << 16];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\0') {
                        return new Result(hash, "the file holds binary data (NUL bytes), not CSV text", List.of());
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return new Result(hash, "the file is not valid UTF-8 text (" + e.getMessage() + ")", List.of());
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            return new Result(hash, "the file is not valid gzip (" + e.getMessage() + ")", List.of());
        }
        List<String> header;
        try (Reader reader = LandingFiles.reader(file);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(LandingFiles.FORMAT).get()) {
            header = parser.getHeaderNames();
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

    public static String hash(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
