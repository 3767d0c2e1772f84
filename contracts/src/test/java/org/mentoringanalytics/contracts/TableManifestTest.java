package org.mentoringanalytics.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableManifestTest {

    @TempDir
    Path dir;

    private TableManifest.Part part(String name, long rows) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            return new TableManifest.Part(name, Files.size(file), rows, TableManifest.sha256(in));
        }
    }

    @Test
    void theSha256IsTheStandardOne() throws Exception {
        // FIPS 180-2 example: SHA-256("abc").
        assertThat(TableManifest.sha256(new java.io.ByteArrayInputStream("abc".getBytes())))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aFolderAsWrittenHasNoProblemsAndEveryKindOfDamageIsNamed() throws Exception {
        Files.writeString(dir.resolve("part-0.parquet"), "first part");
        Files.writeString(dir.resolve("part-1.parquet"), "second part");
        Files.writeString(dir.resolve("part-2.parquet"), "third part");
        TableManifest manifest = new TableManifest("stg_sessions", List.of(part("part-0.parquet", 10), part("part-1.parquet", 20),
                part("part-2.parquet", 30)));
        Files.writeString(dir.resolve(TableManifest.FILE), manifest.toText());
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve(".part-0.parquet.crc"), "checksum of the file system");

        TableManifest read = TableManifest.readLocal(dir);
        assertThat(read).isEqualTo(manifest);
        assertThat(read.rows()).isEqualTo(60);
        assertThat(read.problems(TableManifest.local(dir))).isEmpty();

        Files.delete(dir.resolve("part-0.parquet"));
        Files.writeString(dir.resolve("part-1.parquet"), "second");
        Files.writeString(dir.resolve("part-2.parquet"), "THIRD part");
        Files.writeString(dir.resolve("part-3.parquet"), "put here by hand");
        assertThat(read.problems(TableManifest.local(dir))).containsExactly(
                "part-0.parquet is missing (it held 10 rows)",
                "part-1.parquet has 6 bytes, 11 were written (it held 20 rows)",
                "part-2.parquet has changed since it was written (checksum differs; it held 30 rows)",
                "part-3.parquet was not written with the table (readers would include its rows)");
    }

    @Test
    void aFolderWithoutManifestHasNoneAndGarbageIsNotAManifest() {
        assertThat(TableManifest.readLocal(dir)).isNull();
        assertThatThrownBy(() -> TableManifest.parse("file\tbytes\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGenerationHeldByAReaderIsNotDeletedUntilTheReaderLetsGo() throws Exception {
        Path generation = Files.createDirectories(dir.resolve(".marts-g1"));
        boolean[] deleted = {false};
        try (AutoCloseable reader = GenerationReaders.hold(dir, "g1")) {
            assertThat(GenerationReaders.deleteUnlessRead(dir, "g1", () -> deleted[0] = true)).isFalse();
            assertThat(deleted[0]).isFalse();
        }
        assertThat(GenerationReaders.deleteUnlessRead(dir, "g1", () -> {
            deleted[0] = true;
            Files.delete(generation);
        })).isTrue();
        assertThat(deleted[0]).isTrue();
        assertThat(dir.resolve("_locks").resolve("generation-g1.lock")).doesNotExist();
    }
}
