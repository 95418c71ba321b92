package org.datastamp.acquisition.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes scans as NeXus/HDF5 files while frames arrive. The scan service uses one such service; a site may replace
 * it (another HDF5 library, another layout).
 */
public interface ScanFileWriter {

    /** Creates a new scan's files; refuses to overwrite existing ones. */
    ScanFile create(ScanFileLayout layout) throws IOException;

    /**
     * Finalises a scan whose writer stopped mid-scan (a crash, a kill): keeps every complete frame, marks the file
     * as incomplete with the count, and closes it so HDF5 readers open it. Empty if {@code masterFile} is not an
     * unfinished scan of this writer.
     */
    Optional<RecoveredScanFile> recover(Path masterFile) throws IOException;
}
