package org.datastamp.detector.dectris.simulator;

import java.util.Locale;

/** How the simulator compresses its frames, named as on its command line. */
public enum Compression {
    /** Raw little-endian pixels. */
    NONE,
    /** LZ4: a bare LZ4 block in stream v1 ({@code lz4<}), HDF5 filter 32004 framing in stream v2. */
    LZ4,
    /** Bitshuffle + LZ4 in HDF5 filter 32008 framing, in both stream versions. */
    BSLZ4;

    /** Parses {@code none}, {@code lz4} or {@code bslz4}. */
    public static Compression parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown compression '" + name + "'; use none, lz4 or bslz4", e);
        }
    }
}
