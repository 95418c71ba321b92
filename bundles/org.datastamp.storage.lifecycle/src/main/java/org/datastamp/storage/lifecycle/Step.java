package org.datastamp.storage.lifecycle;

import org.datastamp.catalog.api.CopyFormat;

/** The next thing the engine does for one dataset, as {@link Planner} decides. */
sealed interface Step {

    /** Check the ingest copy on {@code backendId} (read every file, compare checksums) and record it as verified. */
    record Adopt(String backendId) implements Step {
    }

    /** Write a copy on {@code targetId} from the verified copy on {@code sourceId}, read it back, verify it. */
    record Copy(String sourceId, String targetId, CopyFormat format) implements Step {
    }

    /** Release the copy on {@code backendId} while {@code othersRequired} verified copies remain, then delete it. */
    record Release(String backendId, int othersRequired) implements Step {
    }

    /** Nothing can be done now, and why (a backend offline, a copy being written). */
    record Wait(String reason) implements Step {
    }
}
