package org.datastamp.detector.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * One detector image.
 *
 * @param index     position in the series, from 0
 * @param geometry  shape and pixel type
 * @param pixels    raw little-endian pixels, {@code geometry.frameBytes()} long, read-only for consumers
 * @param timestamp when the detector produced it
 */
public record Frame(long index, FrameGeometry geometry, ByteBuffer pixels, Instant timestamp) {

    public Frame {
        if (index < 0) {
            throw new IllegalArgumentException("Frame index must not be negative, got " + index);
        }
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(timestamp, "timestamp");
        if (pixels.remaining() != geometry.frameBytes()) {
            throw new IllegalArgumentException("Frame " + index + " holds " + pixels.remaining()
                    + " bytes but its geometry needs " + geometry.frameBytes());
        }
    }
}
