package org.mentoringanalytics.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of the compiled code that computes the tables: the SHA-256 of the class files of
 * the given classes' jars (or class folders), by name and content, ignoring jar timestamps. New
 * code gives a new fingerprint, so a refresh recomputes every table once after an upgrade; the
 * same code built twice gives the same one.
 */
final class CodeVersion {

    private CodeVersion() {
    }

    static String of(Class<?>... classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Class<?> type : classes) {
                URL location = type.getProtectionDomain().getCodeSource().getLocation();
                hash(location, digest);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException | IOException | RuntimeException e) {
            // Unknown code: never equal to a recorded version, so everything is recomputed.
            return "unknown-" + System.nanoTime();
        }
    }

    static void hash(URL location, MessageDigest digest) throws IOException {
        if ("jar".equals(location.getProtocol()) || "jar".equals(location.getProtocol().split(":")[0])) {
            JarURLConnection connection = (JarURLConnection) location.openConnection();
            // A private copy: closing it must not close the jar the class loader reads from.
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                hash(jar, digest);
            }
            return;
        }
        Path path;
        try {
            path = Path.of(location.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
            }
            for (Path file : files) {
                digest.update(path.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        } else {
            try (JarFile jar = new JarFile(path.toFile())) {
                hash(jar, digest);
            }
        }
    }

    private static void hash(JarFile jar, MessageDigest digest) throws IOException {
        List<JarEntry> entries = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.getName().endsWith(".class")) {
                entries.add(entry);
            }
        }
        entries.sort(java.util.Comparator.comparing(JarEntry::getName));
        for (JarEntry entry : entries) {
            digest.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(entry)) {
                digest.update(in.readAllBytes());
            }
        }
    }
}
