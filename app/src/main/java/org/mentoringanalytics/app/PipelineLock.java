package org.mentoringanalytics.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One pipeline run per warehouse at a time. An operating-system file lock on
 * {@code <warehouse>/_locks/pipeline.lock}: the operating system releases it when the process
 * ends, however it ends, so a crash never leaves the warehouse locked. The file names the holder
 * for the message another run prints.
 */
final class PipelineLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private PipelineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Path file(Path warehouse) {
        return Path.of(new org.mentoringanalytics.contracts.Warehouse(warehouse.toAbsolutePath().toString()).pipelineLock());
    }

    /** The lock, or empty when another process (or another run in this one) holds it. */
    static Optional<PipelineLock> tryAcquire(Path warehouse, String what) throws IOException {
        Path file = file(warehouse);
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((what + " by process " + ProcessHandle.current().pid() + " since " + Instant.now()
                + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return Optional.of(new PipelineLock(channel, lock));
    }

    /** Who holds the lock, as its file says. */
    static String holder(Path warehouse) {
        try {
            return Files.readString(file(warehouse), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Takes the lock or throws {@link Busy} naming the holder. */
    static PipelineLock acquire(Path warehouse, String what) throws IOException {
        return tryAcquire(warehouse, what).orElseThrow(() -> new Busy(warehouse));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another run holds the warehouse. */
    static final class Busy extends RuntimeException {
        Busy(Path warehouse) {
            super("another run is using the warehouse " + warehouse.toAbsolutePath() + " (" + holder(warehouse)
                    + "); try again when it has finished");
        }
    }
}
