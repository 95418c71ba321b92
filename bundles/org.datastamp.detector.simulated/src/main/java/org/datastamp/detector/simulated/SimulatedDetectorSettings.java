package org.datastamp.detector.simulated;

import java.util.Objects;

import org.datastamp.detector.api.FrameGeometry;

/**
 * How the simulated detector behaves; the validated form of its Configuration Admin configuration.
 *
 * @param geometry    frame shape and pixel type
 * @param frameRateHz frames per second to pace the series at; 0 delivers frames as fast as the consumer takes them
 */
public record SimulatedDetectorSettings(FrameGeometry geometry, double frameRateHz) {

    public SimulatedDetectorSettings {
        Objects.requireNonNull(geometry, "geometry");
        if (!(frameRateHz >= 0) || Double.isInfinite(frameRateHz)) {
            throw new IllegalArgumentException("Simulated detector: frameRateHz must be 0 (unpaced) or a positive"
                    + " number, got " + frameRateHz);
        }
    }

    /** Nanoseconds between frames, 0 when unpaced. */
    long framePeriodNanos() {
        return frameRateHz == 0 ? 0 : Math.round(1e9 / frameRateHz);
    }
}
