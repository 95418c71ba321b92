package org.datastamp.acquisition.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A scan's files found unfinished after a crash, now finalised so that they open in any HDF5 reader.
 *
 * @param scanId     the scan
 * @param files      master file first, then data files
 * @param framesKept frames the files hold (every frame acknowledged by {@link ScanFile#flush()} before the crash)
 */
public record RecoveredScanFile(String scanId, List<Path> files, long framesKept) {
    public RecoveredScanFile {
        Objects.requireNonNull(scanId, "scanId");
        files = List.copyOf(files);
        if (framesKept < 0) {
            throw new IllegalArgumentException("framesKept must not be negative, got " + framesKept);
        }
    }
}
