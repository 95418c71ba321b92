package org.datastamp.acquisition.api;

import java.util.List;
import java.util.Optional;

/** Runs scans: acquire frames, write a NeXus file with metadata, record the dataset in the catalogue. */
public interface ScanService {

    /** Queues a scan and returns at once; follow it with {@link #status(ScanId)}. */
    ScanStatus start(ScanRequest request) throws ScanException;

    /** The scan's current status, if known. */
    Optional<ScanStatus> status(ScanId id);

    /** Recent scans, newest first. */
    List<ScanStatus> recent();
}
