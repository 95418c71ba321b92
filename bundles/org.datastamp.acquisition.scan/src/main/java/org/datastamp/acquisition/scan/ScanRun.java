package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.controls.api.ControlSystemConnector;
import org.datastamp.controls.api.ControlSystemException;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan from start to catalogue: read the control systems, acquire the frames, write the NeXus file in staging,
 * checksum it, store it in the raw-data tier, record the dataset. Every failure ends the scan FAILED with a message
 * saying what happened and where any data that was saved can be found.
 */
final class ScanRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    /** Thrown inside the run to end the scan FAILED with this message. */
    private static final class ScanFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ScanFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ScanId id;
    private final ScanRequest request;
    private final ScanSettings settings;
    private final ScanResources resources;
    private final ScanBook book;
    private final NexusWriter writer;
    private final Clock clock;

    private final Object phaseLock = new Object();
    private Thread worker;
    private boolean acquiring;
    private String abortReason;

    ScanRun(ScanId id, ScanRequest request, ScanSettings settings, ScanResources resources, ScanBook book, Clock clock) {
        this.id = id;
        this.request = request;
        this.settings = settings;
        this.resources = resources;
        this.book = book;
        this.writer = new NexusWriter(settings.deflateLevel());
        this.clock = clock;
    }

    ScanId id() {
        return id;
    }

    ScanRequest request() {
        return request;
    }

    ScanStatus queued() {
        return status(ScanState.QUEUED, 0, null, null);
    }

    /**
     * Ends the acquisition if it is under way (the scan fails with {@code reason}); a scan past acquisition finishes
     * writing, since its frames are complete. Safe to call from any thread.
     */
    void abort(String reason) {
        synchronized (phaseLock) {
            if (abortReason == null) {
                abortReason = reason;
            }
            if (acquiring) {
                worker.interrupt();
            }
        }
    }

    @Override
    public void run() {
        try {
            execute();
        } catch (ScanFailure f) {
            LOG.error("Scan {} failed: {}", id, f.getMessage(), f.getCause());
            book.put(status(ScanState.FAILED, framesWritten(), null, f.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Scan {} failed unexpectedly", id, e);
            book.put(status(ScanState.FAILED, framesWritten(), null, "Unexpected error: " + e));
        }
    }

    private void execute() throws ScanFailure {
        DetectorDriver detector = resources.detector(request.detectorId()).orElseThrow(() -> new ScanFailure(
                "Detector '" + request.detectorId() + "' went away before the scan started", null));
        book.put(status(ScanState.RUNNING, 0, null, null));
        List<VariableReading> controls = readControls();
        Instant start = clock.instant();
        LOG.info("Scan {} acquiring {} frames from {}", id, request.frameCount(), request.detectorId());
        FrameStack frames = new FrameStack(detector.geometry(), request.frameCount());
        AcquisitionSummary summary = acquire(detector, frames);
        Instant end = clock.instant();

        Path staged = settings.staging().resolve(id.value() + ".nxs");
        NexusScan scan = new NexusScan(id, request.title(), request.sampleName(), settings.instrument(), start, end,
                detector.capabilityId(), detector.displayName(), frames, summary.framesDropped(), controls);
        try {
            writer.write(staged, scan);
        } catch (IOException e) {
            throw new ScanFailure("Could not write the NeXus file: " + e.getMessage(), e);
        }
        book.put(status(ScanState.RUNNING, frames.count(), null, null));

        String location = "raw/" + start.atZone(ZoneOffset.UTC).getYear() + "/" + id.value();
        String fileName = id.value() + ".nxs";
        Datafile file = store(staged, location + "/" + fileName, fileName);
        Dataset dataset = record(scan, location, file);
        book.put(status(ScanState.COMPLETED, frames.count(), dataset.id(), null));
        LOG.info("Scan {} completed: {} frames, {} bytes, dataset {}", id, frames.count(), file.size(), dataset.id());
    }

    private List<VariableReading> readControls() throws ScanFailure {
        List<VariableReading> readings = new ArrayList<>();
        for (ControlSystemConnector connector : resources.controlSystems()) {
            try {
                readings.addAll(connector.readAll());
            } catch (ControlSystemException | RuntimeException e) {
                // Failing before the detector runs costs no beam time; a scan without its metadata would.
                throw new ScanFailure("Could not read control system '" + connector.capabilityId()
                        + "' before acquiring: " + e.getMessage(), e);
            }
        }
        return readings;
    }

    private AcquisitionSummary acquire(DetectorDriver detector, FrameStack frames) throws ScanFailure {
        synchronized (phaseLock) {
            if (abortReason != null) {
                throw new ScanFailure(abortReason + " after 0 of " + request.frameCount() + " frames", null);
            }
            worker = Thread.currentThread();
            acquiring = true;
        }
        try {
            AcquisitionSummary summary = detector.acquire(request.frameCount(), frames::add);
            if (frames.count() != request.frameCount()) {
                throw new ScanFailure("Detector '" + request.detectorId() + "' delivered " + frames.count() + " of "
                        + request.frameCount() + " frames (" + summary.framesDropped() + " dropped)", null);
            }
            return summary;
        } catch (InterruptedException e) {
            throw new ScanFailure(reasonOr("Scan interrupted") + " after " + frames.count() + " of "
                    + request.frameCount() + " frames", e);
        } catch (DetectorException e) {
            throw new ScanFailure(reasonOr("Detector '" + request.detectorId() + "' failed") + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ScanFailure(reasonOr("Detector '" + request.detectorId() + "' failed") + ": " + e, e);
        } finally {
            synchronized (phaseLock) {
                acquiring = false;
                // An abort that raced with the last frame must not interrupt the file writing that follows.
                Thread.interrupted();
            }
        }
    }

    private String reasonOr(String fallback) {
        synchronized (phaseLock) {
            return abortReason != null ? abortReason : fallback;
        }
    }

    private Datafile store(Path staged, String key, String fileName) throws ScanFailure {
        StorageBackend storage = resources.storage().orElseThrow(() -> new ScanFailure("Storage tier '"
                + settings.storageId() + "' is not available; the NeXus file is kept at " + staged, null));
        String sha256;
        long size;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(staged), digest)) {
                storage.put(key, in);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
            size = Files.size(staged);
        } catch (StorageException | IOException e) {
            throw new ScanFailure("Could not store the NeXus file as " + key + " in " + settings.storageId()
                    + "; it is kept at " + staged + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try {
            Files.delete(staged);
        } catch (IOException e) {
            // The stored copy is complete; a leftover in staging wastes space but loses nothing.
            LOG.warn("Scan {}: stored {} but could not remove the staging copy {}: {}", id, key, staged, e.toString());
        }
        return new Datafile(fileName, size, "SHA-256", sha256, clock.instant());
    }

    private Dataset record(NexusScan scan, String location, Datafile file) throws ScanFailure {
        Catalog catalog = resources.catalog().orElseThrow(() -> new ScanFailure("No catalogue is available; the"
                + " NeXus file is stored as " + location + "/" + file.path() + " in " + settings.storageId()
                + " but is not recorded", null));
        NewDataset dataset = new NewDataset(scan.title(), DatasetType.RAW, scan.instrument(), scan.sampleName(),
                location, scan.start(), scan.end(), List.of(file), metadata(scan));
        try {
            return catalog.register(dataset);
        } catch (CatalogException | RuntimeException e) {
            throw new ScanFailure("The NeXus file is stored as " + location + "/" + file.path() + " in "
                    + settings.storageId() + " but could not be recorded in the catalogue: " + e.getMessage(), e);
        }
    }

    /** The dataset's scientific metadata: the scan, the detector, then every control variable with its unit. */
    static List<MetadataEntry> metadata(NexusScan scan) {
        FrameGeometry g = scan.frames().geometry();
        List<MetadataEntry> metadata = new ArrayList<>();
        metadata.add(new MetadataEntry("scan_id", scan.id().value(), ""));
        metadata.add(new MetadataEntry("detector_id", scan.detectorId(), ""));
        // Pixel counts are plain numbers: "pixel" is no unit of measurement, and the catalogue refuses unknown units.
        metadata.add(new MetadataEntry("detector_width", (long) g.width(), ""));
        metadata.add(new MetadataEntry("detector_height", (long) g.height(), ""));
        metadata.add(new MetadataEntry("detector_pixel_type", g.pixelType().name(), ""));
        metadata.add(new MetadataEntry("frame_count", (long) scan.frames().count(), ""));
        metadata.add(new MetadataEntry("frames_dropped", scan.framesDropped(), ""));
        for (VariableReading r : scan.controls()) {
            metadata.add(new MetadataEntry(r.variable().name(), r.value(), r.variable().unit()));
        }
        return metadata;
    }

    private long framesWritten() {
        return book.get(id).map(ScanStatus::framesWritten).orElse(0L);
    }

    private ScanStatus status(ScanState state, long framesWritten, DatasetId dataset, String error) {
        return new ScanStatus(id, request, state, framesWritten, Optional.ofNullable(dataset),
                Optional.ofNullable(error));
    }
}
