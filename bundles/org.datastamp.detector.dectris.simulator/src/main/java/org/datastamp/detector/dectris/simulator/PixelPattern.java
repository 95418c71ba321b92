package org.datastamp.detector.dectris.simulator;

/**
 * The simulator's image, a pure function of (frame, x, y, bit depth) so tests can check every received pixel:
 * a low-count ramp {@code (x + 2y + 3·frame) mod 16} like a photon-counting background, and sparse "hot" pixels
 * (about one in 1009) at {@code 2^bits - 2}, which set every bit plane and so exercise bitshuffle fully. The image
 * repeats every {@link #PERIOD} frames, which lets the simulator compress each distinct image once.
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
        return (x + 2L * y + 3L * phase) % 16;
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
