package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

class CodeVersionTest {

    @TempDir
    Path dir;

    @Test
    void theSameCodeGivesTheSameFingerprintAndOtherCodeAnother() {
        String jobsAndContracts = CodeVersion.of(MetricsJob.class, Tables.class);
        assertThat(jobsAndContracts).hasSize(16).isEqualTo(CodeVersion.of(MetricsJob.class, Tables.class));
        assertThat(CodeVersion.of(MetricsJob.class)).isNotEqualTo(jobsAndContracts);
    }

    @Test
    void jarTimestampsDoNotCountButClassBytesDo() throws Exception {
        Path first = jar("a.jar", 1_000_000L, new byte[]{1, 2, 3});
        Path second = jar("b.jar", 9_000_000L, new byte[]{1, 2, 3});
        Path changed = jar("c.jar", 1_000_000L, new byte[]{1, 2, 4});
        assertThat(fingerprint(first)).isEqualTo(fingerprint(second)).isNotEqualTo(fingerprint(changed));
    }

    private Path jar(String name, long time, byte[] bytes) throws Exception {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            JarEntry entry = new JarEntry("x/Y.class");
            entry.setTime(time);
            out.putNextEntry(entry);
            out.write(bytes);
            out.closeEntry();
        }
        return jar;
    }

    /** The fingerprint of a jar as a class's code source would give it. */
    private static String fingerprint(Path jar) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        CodeVersion.hash(jar.toUri().toURL(), digest);
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
