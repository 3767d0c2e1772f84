package org.mentoringanalytics.app;

import java.io.IOException;
import java.util.Optional;
import org.mentoringanalytics.contracts.Warehouse;
import org.mentoringanalytics.ingest.RemoteWarehouse;

/**
 * The warehouse held by one command: its pipeline lock, and for an hdfs:// warehouse its working
 * copy, brought up to date from the warehouse once the lock is held (before anything opens the job
 * repository) and whose job repository is published when the command ends. Staging tables are
 * published by the ingest stage itself, as soon as a run completes.
 */
final class HeldWarehouse implements AutoCloseable {

    private final PipelineLock lock;
    private final RemoteWarehouse remote;

    private HeldWarehouse(PipelineLock lock, RemoteWarehouse remote) {
        this.lock = lock;
        this.remote = remote;
    }

    /** Takes the lock or throws {@link PipelineLock.Busy}. */
    static HeldWarehouse acquire(PipelineOptions options, String what) throws IOException {
        return hold(PipelineLock.acquire(options.warehouse, what), options);
    }

    /** The warehouse, or empty when another run holds it. */
    static Optional<HeldWarehouse> tryAcquire(PipelineOptions options, String what) throws IOException {
        Optional<PipelineLock> lock = PipelineLock.tryAcquire(options.warehouse, what);
        return lock.isEmpty() ? Optional.empty() : Optional.of(hold(lock.get(), options));
    }

    private static HeldWarehouse hold(PipelineLock lock, PipelineOptions options) throws IOException {
        try {
            RemoteWarehouse remote = workingCopy(options).orElse(null);
            if (remote != null) {
                try {
                    remote.fetch();
                } catch (IOException e) {
                    throw new IOException("cannot bring the working copy " + options.warehouse + " up to date from "
                            + Locations.warehouseRoot(options) + ": " + e.getMessage(), e);
                }
            }
            return new HeldWarehouse(lock, remote);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The working copy's link to a remote warehouse; empty for a local one. */
    static Optional<RemoteWarehouse> workingCopy(PipelineOptions options) throws IOException {
        if (Locations.isLocal(options)) {
            return Optional.empty();
        }
        return Optional.of(new RemoteWarehouse(options.warehouse, new Warehouse(Locations.warehouseRoot(options)),
                new org.apache.hadoop.conf.Configuration()));
    }

    @Override
    public void close() throws IOException {
        try {
            if (remote != null) {
                remote.publishJobRepository();
            }
        } finally {
            lock.close();
        }
    }
}
