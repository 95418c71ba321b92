package org.datastamp.visualization.api;

import java.nio.file.Path;
import java.util.Objects;

import org.datastamp.storage.api.RecallStatus;

/**
 * Where a dataset file is, as {@link DatasetFileLocator} found it: readable now, or being recalled from tape.
 *
 * @since 1.2
 */
public sealed interface FileLocation permits FileLocation.Readable, FileLocation.Recalling {

    /** The file can be opened read-only in place. */
    record Readable(Path file) implements FileLocation {
        public Readable {
            Objects.requireNonNull(file, "file");
        }
    }

    /** The file is on a tier that must recall it first; the recall has been requested. */
    record Recalling(String tier, RecallStatus status) implements FileLocation {
        public Recalling {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(status, "status");
        }
    }
}
