package org.datastamp.acquisition.hdf5;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration of the writer.
 *
 * @param library          the libhdf5 shared library
 * @param pluginDir        folder with HDF5 filter plugins added to libhdf5's search path, if any
 * @param rawCompression   compression libhdf5 applies to raw frames
 * @param flushEveryFrames also flush on its own after this many frames (0: only when the caller flushes)
 * @param fsync            flush also forces the data to the storage device (survives power loss, not only a
 *                         crash of the process)
 * @param earlyWritebackBytes start the kernel writing a data file's pages each time this many bytes were appended
 *                         (Linux), so flushes wait less; 0: off
 */
record WriterSettings(Path library, Optional<Path> pluginDir, RawCompression rawCompression, int flushEveryFrames,
        boolean fsync, long earlyWritebackBytes) {

    WriterSettings {
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(pluginDir, "pluginDir");
        Objects.requireNonNull(rawCompression, "rawCompression");
        if (flushEveryFrames < 0) {
            throw new IllegalArgumentException("flushEveryFrames must be 0 (off) or positive, got " + flushEveryFrames);
        }
        if (earlyWritebackBytes < 0) {
            throw new IllegalArgumentException("earlyWritebackKiB must be 0 (off) or positive, got "
                    + earlyWritebackBytes / 1024);
        }
    }
}
