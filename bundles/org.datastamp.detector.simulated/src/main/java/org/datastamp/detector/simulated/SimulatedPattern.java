package org.datastamp.detector.simulated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * The simulated detector's image: a diagonal ramp that shifts with every frame, plus a bright disc that moves
 * across the sensor. Every pixel is a pure function of (frame, x, y), so tests can check any byte written to disk
 * against {@link #value}.
 */
public final class SimulatedPattern {

    /** The ramp repeats every this many counts; small enough for every pixel type, UINT8 included. */
    public static final int RAMP_PERIOD = 200;

    /** Radius in pixels of the bright spot. */
    public static final int SPOT_RADIUS = 4;

    /** Counts in the bright spot (clipped to 255 for UINT8). */
    public static final int SPOT_COUNTS = 10_000;

    private SimulatedPattern() {
    }

    /** The pixel value at column {@code x}, row {@code y} of frame {@code frame}. */
    public static int value(long frame, int x, int y, FrameGeometry geometry) {
        long dx = x - spotX(frame, geometry);
        long dy = y - spotY(frame, geometry);
        if (dx * dx + dy * dy <= (long) SPOT_RADIUS * SPOT_RADIUS) {
            return geometry.pixelType() == PixelType.UINT8 ? 255 : SPOT_COUNTS;
        }
        return (int) ((x + 2L * y + 3L * frame) % RAMP_PERIOD);
    }

    /** Column of the spot's centre in frame {@code frame}: it moves 7 pixels right per frame, wrapping. */
    public static int spotX(long frame, FrameGeometry geometry) {
        return (int) ((frame * 7) % geometry.width());
    }

    /** Row of the spot's centre in frame {@code frame}: it moves 5 pixels down per frame, wrapping. */
    public static int spotY(long frame, FrameGeometry geometry) {
        return (int) ((frame * 5) % geometry.height());
    }

    /** A new little-endian buffer holding frame {@code frame}, positioned at 0 and read-only. */
    public static ByteBuffer render(long frame, FrameGeometry geometry) {
        ByteBuffer pixels = ByteBuffer.allocate(Math.toIntExact(geometry.frameBytes())).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < geometry.height(); y++) {
            for (int x = 0; x < geometry.width(); x++) {
                int v = value(frame, x, y, geometry);
                switch (geometry.pixelType()) {
                    case UINT8 -> pixels.put((byte) v);
                    case UINT16 -> pixels.putShort((short) v);
                    case UINT32, INT32 -> pixels.putInt(v);
                    case FLOAT32 -> pixels.putFloat(v);
                }
            }
        }
        return pixels.flip().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }
}
