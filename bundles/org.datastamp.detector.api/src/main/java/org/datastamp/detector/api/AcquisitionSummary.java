package org.datastamp.detector.api;

/**
 * What a detector reports when a series ends.
 *
 * @param framesDelivered frames handed to the consumer
 * @param framesDropped   frames the detector produced but could not deliver; never hidden
 */
public record AcquisitionSummary(long framesDelivered, long framesDropped) {

    public AcquisitionSummary {
        if (framesDelivered < 0 || framesDropped < 0) {
            throw new IllegalArgumentException("Frame counts must not be negative");
        }
    }
}
