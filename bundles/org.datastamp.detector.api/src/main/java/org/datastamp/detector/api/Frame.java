package org.datastamp.detector.api;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * One detector image.
 *
 * @param index     position in the series, from 0
 * @param geometry  shape and pixel type
 * @param encoding  how {@code pixels} is encoded; consumers that only handle raw pixels must check it
 * @param pixels    the frame's bytes as {@code encoding} says: raw little-endian pixels,
 *                  {@code geometry.frameBytes()} long, or one compressed HDF5 chunk; read-only for consumers
 * @param timestamp when the detector produced it
 */
public record Frame(long index, FrameGeometry geometry, FrameEncoding encoding, ByteBuffer pixels, Instant timestamp) {

    public Frame {
        if (index < 0) {
            throw new IllegalArgumentException("Frame index must not be negative, got " + index);
        }
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(encoding, "encoding");
        if (encoding != FrameEncoding.RAW && pixels.remaining() < 12) {
            throw new IllegalArgumentException("Frame " + index + " is " + encoding + " encoded but holds only "
                    + pixels.remaining() + " bytes, less than the 12-byte chunk header");
        }
        if (encoding == FrameEncoding.RAW && pixels.remaining() != geometry.frameBytes()) {
            throw new IllegalArgumentException("Frame " + index + " holds " + pixels.remaining()
                    + " bytes but its geometry needs " + geometry.frameBytes());
        }
    }

    /** An uncompressed frame. */
    public Frame(long index, FrameGeometry geometry, ByteBuffer pixels, Instant timestamp) {
        this(index, geometry, FrameEncoding.RAW, pixels, timestamp);
    }
}
