package org.datastamp.acquisition.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.Frame;

/**
 * The NeXus files of one scan being written. Used from one thread. Frames are appended in index order; after
 * {@link #flush()} returns, every appended frame survives a crash of the writing process.
 */
public interface ScanFile extends AutoCloseable {

    /** Stores one frame; compressed frames are stored as they are, never decompressed. */
    void append(Frame frame) throws IOException;

    /** Makes every appended frame durable; returns how many frames the files now hold on disk. */
    long flush() throws IOException;

    /** Writes the end time and the metadata read at scan end, and closes the files complete. */
    void finish(Instant end, List<MetadataEntry> endMetadata) throws IOException;

    /** The master file first, then the data files written so far. */
    List<Path> files();

    /** Closes without finishing (the scan failed); the files keep every flushed frame. */
    @Override
    void close() throws IOException;
}
