package org.datastamp.detector.api;

import org.datastamp.core.api.Capability;

/** A detector the platform can acquire from. Register one service per detector. */
public interface DetectorDriver extends Capability {

    /** Geometry of the frames the detector produces with its current configuration. */
    FrameGeometry geometry();

    /**
     * Acquires {@code frameCount} frames and hands each to {@code consumer} in order, blocking until the series
     * ends.
     *
     * @throws DetectorException    if the detector fails or the consumer throws
     * @throws InterruptedException if the calling thread is interrupted (the series is aborted)
     */
    AcquisitionSummary acquire(int frameCount, FrameConsumer consumer) throws DetectorException, InterruptedException;
}
