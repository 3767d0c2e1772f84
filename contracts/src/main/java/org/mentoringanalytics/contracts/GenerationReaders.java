package org.mentoringanalytics.contracts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Readers of a published generation of a local warehouse hold a shared operating-system lock on
 * {@code _locks/generation-<id>.lock} while they read; clean-up deletes a generation only when it
 * can take that lock exclusively, so a long query keeps its tables however many runs publish
 * meanwhile. The operating system drops the lock when a reader ends, however it ends.
 */
public final class GenerationReaders {

    private GenerationReaders() {
    }

    static Path lockFile(Path warehouseRoot, String generation) {
        return Path.of(new Warehouse(warehouseRoot.toAbsolutePath().toString()).generationLock(generation));
    }

    /**
     * Holds the generation for reading until closed. The caller checks, once holding it, that the
     * generation still exists (clean-up may have removed it just before).
     */
    public static AutoCloseable hold(Path warehouseRoot, String generation) throws IOException {
        Path file = lockFile(warehouseRoot, generation);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.lock(0, Long.MAX_VALUE, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return () -> {
            lock.release();
            channel.close();
        };
    }

    /**
     * Runs {@code delete} unless a reader holds the generation; returns whether it ran. The lock
     * file goes with the generation.
     */
    public static boolean deleteUnlessRead(Path warehouseRoot, String generation, IoAction delete) throws IOException {
        Path file = lockFile(warehouseRoot, generation);
        Files.createDirectories(file.getParent());
        // Always through the lock: a reader that resolved this generation a moment ago may be taking it now.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return false;
            }
            if (lock == null) {
                return false;
            }
            try {
                delete.run();
                Files.deleteIfExists(file);
            } finally {
                lock.release();
            }
            return true;
        }
    }

    /** A file-system action. */
    public interface IoAction {
        void run() throws IOException;
    }
}
