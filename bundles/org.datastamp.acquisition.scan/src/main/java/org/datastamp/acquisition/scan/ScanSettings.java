package org.datastamp.acquisition.scan;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the scan service behaves; the validated form of its configuration.
 *
 * @param instrument      beamline name recorded with every dataset
 * @param storageId       capability id of the storage tier raw data goes to
 * @param staging         directory files are written in before they are stored
 * @param counterFile     file keeping the last scan number
 * @param queueCapacity   scans that may wait while one runs
 * @param recentScans     statuses kept for {@code recent()}
 * @param maxScanBytes    largest scan accepted by the built-in jhdf writer, which holds a whole scan in memory
 * @param deflateLevel    0 for uncompressed frames, 1-9 for shuffled and deflated chunks of one frame (jhdf writer)
 * @param pipeline        how frames travel from the detector to the files
 */
record ScanSettings(String instrument, String storageId, Path staging, Path counterFile, int queueCapacity,
        int recentScans, long maxScanBytes, int deflateLevel, PipelineSettings pipeline) {

    ScanSettings {
        if (instrument == null || instrument.isBlank()) {
            throw new IllegalArgumentException("The scan service needs an instrument name");
        }
        if (storageId == null || storageId.isBlank()) {
            throw new IllegalArgumentException("The scan service needs the id of the storage tier for raw data");
        }
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(counterFile, "counterFile");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        }
        if (maxScanBytes < 1) {
            throw new IllegalArgumentException("maxScanBytes must be positive, got " + maxScanBytes);
        }
        if (deflateLevel < 0 || deflateLevel > 9) {
            throw new IllegalArgumentException("deflateLevel must be 0 (no compression) to 9, got " + deflateLevel);
        }
        Objects.requireNonNull(pipeline, "pipeline");
    }

    /** Where a scan's journal lives while the scan runs (see {@link ScanJournal}). */
    Path journal(String scanId) {
        return staging.resolve(scanId + ".scan.json");
    }
}
