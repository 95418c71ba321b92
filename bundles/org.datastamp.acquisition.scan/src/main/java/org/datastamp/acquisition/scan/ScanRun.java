package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.DetectorDriver;
import org.datastamp.detector.api.DetectorException;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameConsumer;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan from start to catalogue: read the control variables, write a journal, stream the frames through a
 * bounded queue to the writer thread (which appends and flushes them into the scan files), read the variables
 * again at the end, finish the files, store them in the raw-data tier and record the dataset. Every failure ends
 * the scan FAILED with a message saying what happened and where any data that was saved can be found.
 */
final class ScanRun implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRun.class);

    private final ScanId id;
    private final ScanRequest request;
    private final ScanSettings settings;
    private final ScanResources resources;
    private final ScanBook book;
    private final Clock clock;
    private final DatasetRecorder recorder;

    private final Object phaseLock = new Object();
    private Thread worker;
    private boolean acquiring;
    private String abortReason;

    private final AtomicLong onDisk = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    ScanRun(ScanId id, ScanRequest request, ScanSettings settings, ScanResources resources, ScanBook book, Clock clock) {
        this.id = id;
        this.request = request;
        this.settings = settings;
        this.resources = resources;
        this.book = book;
        this.clock = clock;
        this.recorder = new DatasetRecorder(settings, resources);
    }

    ScanId id() {
        return id;
    }

    ScanRequest request() {
        return request;
    }

    ScanStatus queued() {
        return status(ScanState.QUEUED, null, null);
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
        Path journal = settings.journal(id.value());
        try {
            execute(journal);
        } catch (ScanFailure f) {
            LOG.error("Scan {} failed: {}", id, f.getMessage(), f.getCause());
            book.put(status(ScanState.FAILED, null, f.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Scan {} failed unexpectedly", id, e);
            book.put(status(ScanState.FAILED, null, "Unexpected error: " + e));
        } finally {
            // The journal is for crashes only: a scan that ended, well or not, has said where its files are.
            deleteJournal(journal);
        }
    }

    private void deleteJournal(Path journal) {
        try {
            Files.deleteIfExists(journal);
        } catch (IOException e) {
            LOG.warn("Scan {}: could not remove its journal {}; the next start will try to recover it: {}", id,
                    journal, e.toString());
        }
    }

    private void execute(Path journalFile) throws ScanFailure {
        DetectorDriver detector = resources.detector(request.detectorId()).orElseThrow(() -> new ScanFailure(
                "Detector '" + request.detectorId() + "' went away before the scan started", null));
        book.put(status(ScanState.RUNNING, null, null));
        Optional<MetadataConfiguration> configuration = configuration();
        ControlReader reader = configuration.map(ControlReader::of).orElse(ControlReader.everything());
        String definition = configuration.map(MetadataConfiguration::definition).orElse("");
        ControlReader.Readings atStart = reader.read(resources.controlSystems());
        if (!atStart.failures().isEmpty()) {
            // Failing before the detector runs costs no beam time; a scan without its metadata would.
            throw new ScanFailure(String.join("; ", atStart.failures().stream().map(f -> "Could not read " + f.source()
                    + " before acquiring: " + f.reason()).toList()), null);
        }
        List<String> violations = new ArrayList<>();
        if (reader.configured()) {
            violations.addAll(ControlReader.outOfLimits(atStart.values(), ""));
        }
        Instant start = clock.instant();
        List<MetadataEntry> startMetadata = new ArrayList<>(ScanMetadata.scan(id, detector.capabilityId(),
                detector.geometry()));
        startMetadata.addAll(ScanMetadata.readings(atStart.values(), ""));
        Optional<ScanFileWriter> streaming = resources.scanFileWriter();
        DatasetId datasetId = new DatasetId("ds-" + UUID.randomUUID());
        ScanJournal journal = new ScanJournal(id.value(), datasetId.value(), streaming.isPresent() ? ScanJournal.STREAMING
                : ScanJournal.JHDF, request, settings.instrument(), definition, masterFile().toString(), start.toString(),
                ScanJournal.Entry.of(startMetadata), null);
        writeJournal(journal, journalFile);

        FileOpener opener = new FileOpener(detector, definition, start, atStart.values(), streaming);
        Acquired acquired = acquire(detector, opener, reader);
        List<VariableReading> atEnd = acquired.atEnd().values();
        if (reader.configured()) {
            violations.addAll(ControlReader.outOfLimits(atEnd, ScanMetadata.END_SUFFIX));
            acquired.atEnd().failures().forEach(f -> violations.add("Could not read " + f.source() + " at scan end: "
                    + f.reason()));
        }
        long frames = finish(acquired, atEnd);

        List<MetadataEntry> metadata = new ArrayList<>(ScanMetadata.scan(id, detector.capabilityId(),
                detector.geometry()));
        metadata.addAll(ScanMetadata.frames(frames, dropped.get()));
        metadata.addAll(ScanMetadata.readings(atStart.values(), ""));
        metadata.addAll(ScanMetadata.readings(atEnd, ScanMetadata.END_SUFFIX));
        metadata.addAll(ScanMetadata.violations(violations));
        metadata.addAll(SchemaCheck.check(definition, resources.schemas(), List.copyOf(metadata)));
        logProblems(violations, metadata);
        List<Path> staged = acquired.file().files();
        writeJournal(journal.withOutcome(new ScanJournal.Outcome(true, frames, staged.stream().map(Path::toString)
                .toList(), acquired.end().toString(), ScanJournal.Entry.of(metadata))), journalFile);

        String location = DatasetRecorder.location(id, start);
        // Recorded as a recovery after a crash would record it (same id, file times), so that cannot add a twin.
        List<Datafile> files = recorder.store(staged, location, null, false);
        Dataset dataset = recorder.record(new NewDataset(request.title(), DatasetType.RAW, settings.instrument(),
                request.sampleName(), location, start, acquired.end(), files, metadata), Optional.of(datasetId));
        recorder.clearStaging(id, staged);
        // Catalogued: the journal has nothing left to recover, and whoever is told COMPLETED finds staging empty
        deleteJournal(journalFile);
        book.put(status(ScanState.COMPLETED, dataset.id(), null));
        LOG.info("Scan {} completed: {} frames ({} dropped), {} files, dataset {}", id, frames, dropped.get(),
                files.size(), dataset.id());
    }

    private Optional<MetadataConfiguration> configuration() throws ScanFailure {
        Optional<MetadataConfigurations> configurations = resources.metadataConfigurations();
        if (configurations.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(configurations.get().current(settings.instrument()));
        } catch (MetadataConfigurationException | RuntimeException e) {
            throw new ScanFailure("Could not read the metadata configuration of " + settings.instrument()
                    + " before acquiring: " + e.getMessage(), e);
        }
    }

    private Path masterFile() {
        return settings.staging().resolve(id.value() + ".nxs");
    }

    private void writeJournal(ScanJournal journal, Path file) throws ScanFailure {
        try {
            journal.write(file);
        } catch (IOException e) {
            throw new ScanFailure("Could not write the scan journal " + file + " (needed to recover the scan after a"
                    + " crash): " + e.getMessage(), e);
        }
    }

    /** Creates the scan's files when the first frame shows their encoding and geometry. */
    private final class FileOpener implements FrameWriter.Opener {
        private final DetectorDriver detector;
        private final String definition;
        private final Instant start;
        private final List<VariableReading> startReadings;
        private final Optional<ScanFileWriter> streaming;

        FileOpener(DetectorDriver detector, String definition, Instant start, List<VariableReading> startReadings,
                Optional<ScanFileWriter> streaming) {
            this.detector = detector;
            this.definition = definition;
            this.start = start;
            this.startReadings = startReadings;
            this.streaming = streaming;
        }

        @Override
        public ScanFile open(Frame first) throws IOException {
            ScanFileLayout layout = new ScanFileLayout(settings.staging(), id.value(), request.title(),
                    request.sampleName(), settings.instrument(), definition, detector.capabilityId(),
                    detector.displayName(), first.geometry(), first.encoding(),
                    settings.pipeline().framesPerDataFile(), start, ScanMetadata.readings(startReadings, ""));
            return streaming.isPresent() ? streaming.get().create(layout)
                    : new JhdfScanFile(layout, request.frameCount(), startReadings, settings.deflateLevel());
        }
    }

    /** What the acquisition left: the open files, the end time and the readings taken at the end. */
    private record Acquired(ScanFile file, long frames, Instant end, ControlReader.Readings atEnd) {
    }

    /**
     * Runs the detector into the pipeline; returns with the files open and every frame appended, or fails with
     * the files closed.
     */
    private Acquired acquire(DetectorDriver detector, FrameWriter.Opener opener, ControlReader reader)
            throws ScanFailure {
        PipelineSettings p = settings.pipeline();
        FrameQueue queue = new FrameQueue(p.queueFrames(), p.queueBytes(), p.whenQueueFull());
        FrameWriter writer = new FrameWriter(queue, opener, p, resources.liveTap(), detector.capabilityId(), n -> {
            onDisk.set(n);
            book.put(status(ScanState.RUNNING, null, null));
        });
        Thread writerThread = new Thread(writer, "datastamp-scan-writer-" + id);
        writerThread.setDaemon(true);
        AtomicLong received = new AtomicLong();
        FrameConsumer consumer = frame -> {
            received.incrementAndGet();
            if (!queue.put(frame)) {
                if (queue.dropped() == 1) {
                    LOG.warn("Scan {}: the writer cannot keep up, dropping frames (first: frame {}); the scan records"
                            + " how many", id, frame.index());
                }
                dropped.incrementAndGet();
                book.put(status(ScanState.RUNNING, null, null));
            }
        };
        synchronized (phaseLock) {
            if (abortReason != null) {
                throw new ScanFailure(abortReason + " after 0 of " + request.frameCount() + " frames", null);
            }
            worker = Thread.currentThread();
            acquiring = true;
        }
        writerThread.start();
        LOG.info("Scan {} acquiring {} frames from {}", id, request.frameCount(), request.detectorId());
        AcquisitionSummary summary = null;
        Exception detectorError = null;
        try {
            summary = detector.acquire(request.frameCount(), consumer);
        } catch (DetectorException | InterruptedException | RuntimeException e) {
            detectorError = e;
        } finally {
            synchronized (phaseLock) {
                acquiring = false;
                // An abort that raced with the last frame must not interrupt the file writing that follows.
                Thread.interrupted();
            }
            queue.close();
        }
        Instant end = clock.instant();
        ControlReader.Readings atEnd = detectorError == null && reader.configured()
                ? reader.read(resources.controlSystems()) : new ControlReader.Readings(List.of(), List.of());
        join(writerThread);

        if (writer.failure() != null) {
            throw new ScanFailure("Could not write the scan's files: " + writer.failure().getMessage() + "; "
                    + kept(writer), writer.failure());
        }
        if (detectorError != null) {
            close(writer.file());
            throw new ScanFailure(detectorFailure(detectorError, received.get()) + suffix(writer), detectorError);
        }
        if (summary.framesDropped() > 0) {
            dropped.addAndGet(summary.framesDropped());
        }
        if (received.get() != request.frameCount()) {
            close(writer.file());
            throw new ScanFailure("Detector '" + request.detectorId() + "' delivered " + received.get() + " of "
                    + request.frameCount() + " frames (" + summary.framesDropped() + " dropped)" + suffix(writer),
                    null);
        }
        if (queue.dropped() > 0) {
            LOG.warn("Scan {}: {} of {} frames were dropped because the frame queue was full (whenQueueFull = drop)",
                    id, queue.dropped(), request.frameCount());
        }
        return new Acquired(writer.file(), writer.appended(), end, atEnd);
    }

    private String detectorFailure(Exception e, long received) {
        synchronized (phaseLock) {
            if (abortReason != null) {
                return abortReason + " after " + received + " of " + request.frameCount() + " frames";
            }
        }
        if (e instanceof InterruptedException) {
            return "Scan interrupted after " + received + " of " + request.frameCount() + " frames";
        }
        return "Detector '" + request.detectorId() + "' failed: "
                + (e instanceof DetectorException ? e.getMessage() : e.toString());
    }

    /** Waits for the writer to drain the queue; if this thread is interrupted (service stopping), stops it too. */
    private static void join(Thread writerThread) {
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            writerThread.interrupt();
            try {
                writerThread.join(10_000);
            } catch (InterruptedException again) {
                // Keep the interrupt; the writer was told to stop and closes the file itself.
            }
            Thread.currentThread().interrupt();
        }
    }

    /** Finishes the files with the end readings; returns the frames they hold. */
    private long finish(Acquired acquired, List<VariableReading> atEnd) throws ScanFailure {
        List<MetadataEntry> endMetadata = new ArrayList<>(ScanMetadata.readings(atEnd, ""));
        endMetadata.add(new MetadataEntry(JhdfScanFile.FRAMES_DROPPED, dropped.get(), ""));
        try {
            acquired.file().finish(acquired.end(), endMetadata);
        } catch (IOException | RuntimeException e) {
            close(acquired.file());
            throw new ScanFailure("Could not finish the scan's files: " + e.getMessage() + "; " + kept(acquired.file(),
                    onDisk.get()), e);
        }
        onDisk.set(acquired.frames());
        book.put(status(ScanState.RUNNING, null, null));
        return acquired.frames();
    }

    private void close(ScanFile file) {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Scan {}: could not close its files {}: {}", id, file.files(), e.toString());
        }
    }

    private String suffix(FrameWriter writer) {
        return writer.onDisk() > 0 ? "; " + kept(writer) : "";
    }

    private static String kept(FrameWriter writer) {
        return kept(writer.file(), writer.onDisk());
    }

    private static String kept(ScanFile file, long flushed) {
        if (file == null || flushed == 0) {
            return "no frame had been written to disk";
        }
        return "the " + flushed + " frames written before are kept in " + String.join(", ", file.files().stream()
                .map(Path::toString).toList());
    }

    private void logProblems(List<String> violations, List<MetadataEntry> metadata) {
        for (String v : violations) {
            LOG.warn("Scan {}: metadata violation: {}", id, v);
        }
        metadata.stream().filter(e -> e.name().equals(SchemaCheck.VIOLATIONS)).forEach(e -> LOG.warn(
                "Scan {}: schema violations: {}", id, e.value()));
    }

    private ScanStatus status(ScanState state, DatasetId dataset, String error) {
        return new ScanStatus(id, request, state, onDisk.get(), Optional.ofNullable(dataset),
                Optional.ofNullable(error), dropped.get());
    }
}
