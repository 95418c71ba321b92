package org.datastamp.detector.dectris.simulator;

import java.util.Objects;

/**
 * What one simulated series looks like on the wire.
 *
 * @param version       SIMPLON stream version: 1 (multipart JSON) or 2 (CBOR)
 * @param width         pixels along the fast axis
 * @param height        pixels along the slow axis
 * @param bits          bits per pixel: 8, 16 or 32 (unsigned)
 * @param compression   how frames are compressed
 * @param frames        images in the series
 * @param rate          frames per second; 0 sends as fast as the receiver takes them
 * @param endpoint      ZeroMQ endpoint the PUSH socket binds, e.g. {@code tcp://*:9999}
 * @param seriesId      series number carried by every message
 * @param headerDetail  stream v1 global header detail: {@code all}, {@code basic} or {@code none}
 */
public record SimulatorSettings(int version, int width, int height, int bits, Compression compression, int frames,
        double rate, String endpoint, long seriesId, String headerDetail) {

    public SimulatorSettings {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("Stream version must be 1 or 2, got " + version);
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("Frame size must be positive, got " + width + "x" + height);
        }
        if ((long) width * height * (bits / 8) > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("A " + width + "x" + height + " frame of " + bits
                    + "-bit pixels does not fit in one message");
        }
        if (bits != 8 && bits != 16 && bits != 32) {
            throw new IllegalArgumentException("Bit depth must be 8, 16 or 32, got " + bits);
        }
        Objects.requireNonNull(compression, "compression");
        if (frames < 0) {
            throw new IllegalArgumentException("Frame count must not be negative, got " + frames);
        }
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("Rate must be 0 (as fast as possible) or a positive number of frames/s, got "
                    + rate);
        }
        Objects.requireNonNull(endpoint, "endpoint");
        if (seriesId < 0) {
            throw new IllegalArgumentException("Series id must not be negative, got " + seriesId);
        }
        if (!headerDetail.equals("all") && !headerDetail.equals("basic") && !headerDetail.equals("none")) {
            throw new IllegalArgumentException("Header detail must be all, basic or none, got '" + headerDetail + "'");
        }
    }

    /** An unpaced series number 1 with basic header detail, as tests want it. */
    public static SimulatorSettings of(int version, int width, int height, int bits, Compression compression,
            int frames, String endpoint) {
        return new SimulatorSettings(version, width, height, bits, compression, frames, 0, endpoint, 1, "basic");
    }

    /** Bytes per pixel. */
    public int bytesPerPixel() {
        return bits / 8;
    }

    /** DECTRIS' name of the pixel type: uint8, uint16 or uint32. */
    public String dtype() {
        return "uint" + bits;
    }

    /** Nanoseconds between frames; 0 when unpaced. */
    long framePeriodNanos() {
        return rate == 0 ? 0 : Math.round(1e9 / rate);
    }
}
