package org.datastamp.acquisition.hdf5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.core.hdf5.Hdf5;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scan being written: the master file plus data files of {@code framesPerDataFile} frames each, started as
 * frames arrive. A sidecar ({@link ProgressFile}) records what {@link #flush()} made durable, for recovery.
 */
final class NexusScanFile implements ScanFile {

    private static final Logger LOG = LoggerFactory.getLogger(NexusScanFile.class);

    private final Hdf5 h5;
    private final WriterSettings settings;
    private final ScanFileLayout layout;
    private final MasterFile master;
    private final List<String> dataFiles = new ArrayList<>();
    private DataFile current;
    private long appended;
    private long flushed;
    private boolean closed;

    private NexusScanFile(Hdf5 h5, WriterSettings settings, ScanFileLayout layout) {
        this.h5 = h5;
        this.settings = settings;
        this.layout = layout;
        this.master = new MasterFile(h5, layout.directory().resolve(layout.scanId() + ".nxs"), layout.geometry());
    }

    static NexusScanFile create(Hdf5 h5, WriterSettings settings, ScanFileLayout layout) throws IOException {
        NexusScanFile scan = new NexusScanFile(h5, settings, layout);
        Files.createDirectories(layout.directory());
        if (Files.exists(scan.master.path())) {
            throw new IOException("Scan file " + scan.master.path() + " already exists; refusing to overwrite it");
        }
        String first = dataFileName(layout.scanId(), 1);
        if (Files.exists(layout.directory().resolve(first))) {
            throw new IOException("Data file " + layout.directory().resolve(first) + " already exists; refusing to"
                    + " overwrite it");
        }
        scan.master.create(layout, first);
        scan.startDataFile();
        return scan;
    }

    static String dataFileName(String scanId, int number) {
        return String.format(Locale.ROOT, "%s_data_%06d.h5", scanId, number);
    }

    private void startDataFile() throws IOException {
        String name = dataFileName(layout.scanId(), dataFiles.size() + 1);
        current = DataFile.create(h5, layout.directory().resolve(name), layout.geometry(), layout.encoding(),
                settings.rawCompression(), settings.earlyWritebackBytes());
        dataFiles.add(name);
        if (dataFiles.size() > 1) {
            master.linkDataFile(dataFiles.size(), name);
        }
        new ProgressFile(layout.scanId(), layout.geometry(), layout.framesPerDataFile(), dataFiles, flushed).write(master.path(),
                settings.fsync());
        LOG.debug("Scan {}: data file {} started", layout.scanId(), name);
    }

    @Override
    public void append(Frame frame) throws IOException {
        requireOpen();
        if (frame.index() != appended) {
            throw new IOException("Scan " + layout.scanId() + " expects frame " + appended + " next but got frame "
                    + frame.index() + "; frames are appended in index order without gaps");
        }
        if (!frame.geometry().equals(layout.geometry()) || frame.encoding() != layout.encoding()) {
            throw new IOException("Scan " + layout.scanId() + " frame " + frame.index() + " is " + frame.encoding()
                    + " " + frame.geometry() + " but the scan was created for " + layout.encoding() + " "
                    + layout.geometry());
        }
        if (current.frames() == layout.framesPerDataFile()) {
            current.flush(settings.fsync());
            current.close();
            current = null;
            flushed = appended;
            startDataFile();
        }
        current.append(frame);
        appended++;
        if (settings.flushEveryFrames() > 0 && appended - flushed >= settings.flushEveryFrames()) {
            flush();
        }
    }

    @Override
    public long flush() throws IOException {
        requireOpen();
        current.flush(settings.fsync());
        new ProgressFile(layout.scanId(), layout.geometry(), layout.framesPerDataFile(), dataFiles, appended).write(master.path(),
                settings.fsync());
        flushed = appended;
        return flushed;
    }

    @Override
    public void finish(Instant end, List<MetadataEntry> endMetadata) throws IOException {
        requireOpen();
        end(end, endMetadata, true);
        LOG.info("Scan {} written: {} frames in {} data file(s)", layout.scanId(), appended, dataFiles.size());
    }

    @Override
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        files.add(master.path());
        dataFiles.forEach(f -> files.add(layout.directory().resolve(f)));
        return files;
    }

    /** A failed scan: keeps every frame appended (the process is alive, so all are intact) and marks it incomplete. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            end(null, List.of(), false);
            LOG.warn("Scan {} closed unfinished: {} frames kept", layout.scanId(), appended);
        }
    }

    private void end(Instant end, List<MetadataEntry> endMetadata, boolean complete) throws IOException {
        closed = true;
        try {
            current.flush(settings.fsync());
        } finally {
            current.close(); // on failure the sidecar stays, so recover() can finish the job later
        }
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < dataFiles.size(); i++) {
            counts.add(ProgressFile.framesIn(i, appended, layout.framesPerDataFile()));
        }
        master.close(end, endMetadata, dataFiles, counts, complete);
        ProgressFile.delete(master.path());
    }

    private void requireOpen() throws IOException {
        if (closed) {
            throw new IOException("Scan " + layout.scanId() + " files are already closed");
        }
    }
}
