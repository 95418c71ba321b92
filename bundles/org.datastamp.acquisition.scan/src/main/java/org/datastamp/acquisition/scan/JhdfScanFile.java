package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;

/**
 * The built-in fallback used while no {@link org.datastamp.acquisition.api.ScanFileWriter} service is bound: the
 * {@link NexusWriter} (io.jhdf) behind the streaming interface. jhdf writes a whole file at once, so frames are
 * collected in memory and nothing is on disk before {@link #finish}: {@link #flush()} reports 0 until then, and a
 * crash loses the scan. It stores raw frames only.
 */
final class JhdfScanFile implements ScanFile {

    /** The end-metadata entry the scan service always passes; the jhdf layout keeps it in the NXdetector group. */
    static final String FRAMES_DROPPED = "frames_dropped";

    private final ScanFileLayout layout;
    private final List<VariableReading> startReadings;
    private final NexusWriter writer;
    private final Path master;
    private FrameStack frames;
    private long lastIndex = -1;
    private long onDisk;

    /**
     * @param layout        the scan's files
     * @param frameCount    frames the scan asked for (the in-memory stack's size)
     * @param startReadings the control readings behind {@code layout.startMetadata()}, with device and attribute
     * @param deflateLevel  0 for uncompressed frames, 1-9 for deflated ones
     */
    JhdfScanFile(ScanFileLayout layout, int frameCount, List<VariableReading> startReadings, int deflateLevel) {
        this.layout = layout;
        this.startReadings = List.copyOf(startReadings);
        this.writer = new NexusWriter(deflateLevel);
        this.master = layout.directory().resolve(layout.scanId() + ".nxs");
        this.frames = new FrameStack(layout.geometry(), frameCount);
    }

    @Override
    public void append(Frame frame) throws IOException {
        if (frame.encoding() != FrameEncoding.RAW) {
            throw new IOException("Frame " + frame.index() + " is " + frame.encoding() + " compressed, but the"
                    + " built-in jhdf writer stores only raw frames: install an HDF5 scan-file writer bundle, or set"
                    + " the detector to send uncompressed frames");
        }
        if (frame.index() <= lastIndex) {
            throw new IOException("Frame " + frame.index() + " arrived after frame " + lastIndex
                    + "; frames must arrive in order");
        }
        if (frames == null) {
            throw new IOException("The scan file " + master + " is already closed");
        }
        lastIndex = frame.index();
        // Frames dropped upstream leave gaps in the indices; the file keeps the frames received, one after another,
        // and frames_dropped records how many are missing.
        frames.add(new Frame(frames.count(), frame.geometry(), frame.encoding(), frame.pixels(), frame.timestamp()));
    }

    @Override
    public long flush() {
        return onDisk;
    }

    @Override
    public void finish(Instant end, List<MetadataEntry> endMetadata) throws IOException {
        if (frames == null) {
            throw new IOException("The scan file " + master + " is already closed");
        }
        long dropped = 0;
        List<MetadataEntry> readings = new ArrayList<>();
        for (MetadataEntry e : endMetadata) {
            if (e.name().equals(FRAMES_DROPPED) && e.value() instanceof Number n) {
                dropped = n.longValue();
            } else {
                readings.add(e);
            }
        }
        NexusScan scan = new NexusScan(new ScanId(layout.scanId()), layout.title(), layout.sampleName(),
                layout.instrument(), layout.start(), end, layout.detectorId(), layout.detectorName(), frames, dropped,
                startReadings, readings);
        writer.write(master, scan);
        onDisk = frames.count();
        frames = null;
    }

    @Override
    public List<Path> files() {
        return List.of(master);
    }

    @Override
    public void close() {
        // Nothing is on disk before finish; let the frames go.
        frames = null;
    }
}
