package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.FrameGeometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks scan requests, queues them and runs them one at a time on its own thread (a beamline has one beam). Owns
 * that thread: {@link #shutdown} ends it. Usable without a framework.
 */
final class ScanQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ScanQueue.class);

    private final ScanSettings settings;
    private final ScanResources resources;
    private final Clock clock;
    private final ScanBook book;
    private final ScanCounter counter;
    private final ThreadPoolExecutor executor;
    /** Scans queued or running, so a departing detector can stop the ones using it. */
    private final Set<ScanRun> pending = ConcurrentHashMap.newKeySet();

    ScanQueue(ScanSettings settings, ScanResources resources, Clock clock) {
        this.settings = settings;
        this.resources = resources;
        this.clock = clock;
        this.book = new ScanBook(settings.recentScans());
        this.counter = new ScanCounter(settings.counterFile());
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), r -> {
                    Thread t = new Thread(r, "datastamp-scan");
                    t.setDaemon(true);
                    return t;
                });
    }

    ScanStatus start(ScanRequest request) throws ScanException {
        DetectorDriver detector = resources.detector(request.detectorId()).orElseThrow(() -> new ScanException(
                "Unknown detector '" + request.detectorId() + "'; " + known()));
        if (resources.scanFileWriter().isEmpty()) {
            checkFits(request, detector.geometry());
        }
        if (resources.storage().isEmpty()) {
            throw new ScanException("Storage tier '" + settings.storageId() + "' for raw data is not available;"
                    + " start it or set storageId in the scan service configuration");
        }
        ScanId id;
        try {
            id = counter.next();
        } catch (IOException e) {
            throw new ScanException("Could not allocate a scan id: " + e.getMessage(), e);
        }
        ScanRun run = new ScanRun(id, request, settings, resources, book, clock);
        ScanStatus queued = run.queued();
        book.put(queued);
        pending.add(run);
        try {
            executor.execute(() -> {
                try {
                    run.run();
                } finally {
                    pending.remove(run);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(run);
            book.forget(id);
            throw new ScanException(executor.isShutdown() ? "The scan service is stopping"
                    : "The scan queue is full (" + settings.queueCapacity() + " scans waiting); start this scan"
                            + " when one has finished");
        }
        LOG.info("Scan {} queued: {} frames from {}, '{}'", id, request.frameCount(), request.detectorId(),
                request.title());
        return queued;
    }

    /**
     * Recovers the scans a crash interrupted (journals left in staging), on the scan thread before any new scan:
     * activation does not wait for it, and a new scan cannot race with it.
     */
    void recoverInterruptedScans() {
        ScanRecovery recovery = new ScanRecovery(settings, resources, book);
        try {
            executor.execute(recovery::recoverAll);
        } catch (RejectedExecutionException e) {
            LOG.warn("The scan service stopped before it could recover interrupted scans; they are recovered at the"
                    + " next start");
        }
    }

    Optional<ScanStatus> status(ScanId id) {
        return book.get(id);
    }

    List<ScanStatus> recent() {
        return book.recent();
    }

    /** Fails the scans that are acquiring from, or waiting for, a detector that has gone away. */
    void detectorLeft(String detectorId) {
        for (ScanRun run : pending) {
            if (run.request().detectorId().equals(detectorId)) {
                run.abort("Detector '" + detectorId + "' went away during the scan");
            }
        }
    }

    /**
     * Stops taking scans, fails the waiting ones, ends a running acquisition and waits up to {@code timeout} for
     * a scan that is writing its file to finish.
     */
    void shutdown(long timeout, TimeUnit unit) {
        executor.shutdown();
        List<Runnable> waiting = new ArrayList<>();
        executor.getQueue().drainTo(waiting);
        for (ScanRun run : pending) {
            run.abort("The scan service stopped");
        }
        for (ScanStatus s : book.recent()) {
            if (s.state() == ScanState.QUEUED) {
                book.put(new ScanStatus(s.id(), s.request(), ScanState.FAILED, 0, Optional.empty(),
                        Optional.of("The scan service stopped before the scan started")));
            }
        }
        pending.clear();
        try {
            if (!executor.awaitTermination(timeout, unit)) {
                LOG.warn("A scan was still running {} {} after the scan service stopped; interrupting it", timeout, unit);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Scan service stopped; {} waiting scans were not run", waiting.size());
    }

    private void checkFits(ScanRequest request, FrameGeometry geometry) throws ScanException {
        long bytes = geometry.frameBytes() * request.frameCount();
        if (bytes > settings.maxScanBytes()) {
            throw new ScanException("A scan of " + request.frameCount() + " frames of " + FrameStack.describe(geometry)
                    + " needs " + mib(bytes) + " MiB, above the limit of " + mib(settings.maxScanBytes())
                    + " MiB (maxScanMegabytes): the built-in jhdf writer holds a whole scan in memory. Take fewer frames,"
                    + " or install an HDF5 scan-file writer bundle, which streams frames to disk");
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private String known() {
        List<String> ids = new ArrayList<>(resources.detectorIds());
        ids.sort(null);
        return ids.isEmpty() ? "no detectors are available" : "known detectors: " + String.join(", ", ids);
    }
}
