package org.datastamp.detector.dectris.simulator;

/**
 * The simulator's image, a pure function of (frame, x, y, bit depth) so tests can check every received pixel:
 * low counts 0-7 that look like noise (a hash of frame, x and y), as in a photon-counting background, and sparse
 * "hot" pixels (about one in 1009) at {@code 2^bits - 2}, which set every bit plane and so exercise bitshuffle fully.
 * Real EIGER frames compress about as well (bitshuffle-LZ4 ratio near 10 at 32 bits). The image repeats every
 * {@link #PERIOD} frames, which lets the simulator compress each distinct image once.
 */
public final class PixelPattern {

    /** The pattern of frame {@code f} equals that of frame {@code f + PERIOD}. */
    public static final int PERIOD = 16;

    private PixelPattern() {
    }

    /** The unsigned pixel value at column {@code x}, row {@code y} of frame {@code frame}. */
    public static long value(long frame, int x, int y, int bits) {
        long phase = frame % PERIOD;
        if ((x * 7919L + y * 104729L + phase * 31L) % 1009 == 0) {
            return (1L << bits) - 2;
        }
        return noise(x, y, phase) & 7;
    }

    /** A well-mixed hash of the pixel's coordinates (the finaliser of MurmurHash3), so counts look random. */
    private static long noise(int x, int y, long phase) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ phase * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    /** Frame {@code frame} as little-endian pixels, row by row. */
    public static byte[] render(long frame, int width, int height, int bits) {
        int bytes = bits / 8;
        byte[] out = new byte[Math.multiplyExact(Math.multiplyExact(width, height), bytes)];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                long v = value(frame, x, y, bits);
                for (int b = 0; b < bytes; b++) {
                    out[i++] = (byte) (v >>> (8 * b));
                }
            }
        }
        return out;
    }
}
