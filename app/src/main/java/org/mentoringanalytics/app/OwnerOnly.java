package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Warehouse folders that hold one row per person (staging, intermediate, restricted, rejects,
 * ingest's working folders, the job repository and the audit log) are made owner-only: folders
 * 700, files 600. Run after every stage that writes them; a no-op on file systems without POSIX
 * permissions and for warehouses on HDFS, whose own access control applies.
 */
final class OwnerOnly {

    static final List<String> PERSON_LEVEL_FOLDERS = org.mentoringanalytics.contracts.Warehouse.PERSON_LEVEL_FOLDERS;
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    static void apply(Path warehouse) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix") || !Files.isDirectory(warehouse)) {
            return;
        }
        for (String name : PERSON_LEVEL_FOLDERS) {
            Path folder = warehouse.resolve(name);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            // Published layers are links to their current generation: protect what they point to.
            folder = folder.toRealPath();
            try (Stream<Path> tree = Files.walk(folder)) {
                for (Path p : tree.toList()) {
                    if (Files.isSymbolicLink(p)) {
                        continue;
                    }
                    Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER : FILE);
                }
            }
        }
        Path fingerprint = Path.of(new org.mentoringanalytics.contracts.Warehouse(warehouse.toAbsolutePath().toString()).keyFingerprint());
        if (Files.isRegularFile(fingerprint)) {
            Files.setPosixFilePermissions(fingerprint, FILE);
        }
    }
}
