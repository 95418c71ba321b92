package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;

/**
 * Collects a scan's frames as a typed Java array [frame][row][column], the form the HDF5 writer takes. One array
 * per frame is allocated as it arrives, so a scan that fails early holds little memory.
 */
final class FrameStack {

    private final FrameGeometry geometry;
    private final Object frames;
    private final int capacity;
    private int count;

    FrameStack(FrameGeometry geometry, int frameCount) {
        this.geometry = geometry;
        this.capacity = frameCount;
        this.frames = switch (geometry.pixelType()) {
            case UINT8 -> new byte[frameCount][][];
            case UINT16 -> new short[frameCount][][];
            case UINT32, INT32 -> new int[frameCount][][];
            case FLOAT32 -> new float[frameCount][][];
        };
    }

    /** Takes the next frame; frames must arrive in order, with the scan's geometry. */
    void add(Frame frame) throws IOException {
        if (!frame.geometry().equals(geometry)) {
            throw new IOException("Frame " + frame.index() + " is " + describe(frame.geometry())
                    + " but the scan started with " + describe(geometry));
        }
        if (frame.index() != count) {
            throw new IOException("Expected frame " + count + " next, the detector delivered frame " + frame.index());
        }
        if (count == capacity) {
            throw new IOException("The detector delivered more than the " + capacity + " frames asked for");
        }
        ByteBuffer pixels = frame.pixels().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int h = geometry.height();
        int w = geometry.width();
        switch (geometry.pixelType()) {
            case UINT8 -> {
                byte[][] image = new byte[h][w];
                for (byte[] row : image) {
                    pixels.get(row);
                }
                ((byte[][][]) frames)[count] = image;
            }
            case UINT16 -> {
                short[][] image = new short[h][w];
                var in = pixels.asShortBuffer();
                for (short[] row : image) {
                    in.get(row);
                }
                ((short[][][]) frames)[count] = image;
            }
            case UINT32, INT32 -> {
                int[][] image = new int[h][w];
                var in = pixels.asIntBuffer();
                for (int[] row : image) {
                    in.get(row);
                }
                ((int[][][]) frames)[count] = image;
            }
            case FLOAT32 -> {
                float[][] image = new float[h][w];
                var in = pixels.asFloatBuffer();
                for (float[] row : image) {
                    in.get(row);
                }
                ((float[][][]) frames)[count] = image;
            }
        }
        count++;
    }

    int count() {
        return count;
    }

    FrameGeometry geometry() {
        return geometry;
    }

    /** The frames received, as {@code byte/short/int/float[count][height][width]}. */
    Object frames() {
        if (count == capacity) {
            return frames;
        }
        return switch (geometry.pixelType()) {
            case UINT8 -> Arrays.copyOf((byte[][][]) frames, count);
            case UINT16 -> Arrays.copyOf((short[][][]) frames, count);
            case UINT32, INT32 -> Arrays.copyOf((int[][][]) frames, count);
            case FLOAT32 -> Arrays.copyOf((float[][][]) frames, count);
        };
    }

    /** Whether the Java array holds unsigned values in signed types (HDF5 must be told). */
    boolean unsigned() {
        return switch (geometry.pixelType()) {
            case UINT8, UINT16, UINT32 -> true;
            case INT32, FLOAT32 -> false;
        };
    }

    static String describe(FrameGeometry g) {
        return g.width() + "x" + g.height() + " " + g.pixelType();
    }
}
