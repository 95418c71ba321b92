package org.datastamp.acquisition.api;

import java.util.Optional;

import org.datastamp.detector.api.Frame;

/**
 * The live tap of running acquisitions: the most recent frame of each detector, kept by the scan service at a
 * bounded rate. Reading it never slows the writer; a viewer polls at the rate it wants and may skip frames.
 */
public interface LiveFrames {

    /** The newest frame seen from the detector, if a scan has run on it since start. */
    Optional<Frame> latest(String detectorId);
}
