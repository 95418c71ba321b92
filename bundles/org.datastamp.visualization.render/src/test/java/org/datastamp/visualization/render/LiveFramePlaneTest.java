package org.datastamp.visualization.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Random;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.simulator.ChunkEncoder;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;
import org.datastamp.visualization.api.VisualizationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A live frame binned while it is decoded gives the plane (and so the PNG) of decoding it whole and binning the
 * array, and the plane a plain bin-by-bin reference gives.
 */
class LiveFramePlaneTest {

    // 30653 pixels: several bitshuffle blocks per row group, a partial last block and 5 elements stored raw;
    // a 40x40 viewport bins by 6, leaving partial bins at the right and bottom edges
    private static final int WIDTH = 203;
    private static final int HEIGHT = 151;

    private final RendererComponent renderer = new RendererComponent();
    private final ChunkEncoder encoder = new ChunkEncoder();

    /**
     * Poisson-like counts with detector gaps (columns 100-102 and rows 70-71 at the invalid value 2^n-1, NaN for
     * floats, -1 for int32 which has no invalid value), a bin (0, 0) with only invalid pixels, a few hot pixels
     * near the type's top.
     */
    private static byte[] pixels(PixelType type) {
        Random random = new Random(6);
        ByteBuffer b = ByteBuffer.allocate(WIDTH * HEIGHT * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean gap = x >= 100 && x < 103 || y == 70 || y == 71 || x < 6 && y < 6;
                long v = gap ? -1 : random.nextInt(20) == 0 ? random.nextInt(1000) : random.nextInt(4);
                if (!gap && random.nextInt(3000) == 0) {
                    v = type == PixelType.UINT8 ? 254 : type == PixelType.UINT16 ? 65534 : 0xfffffffeL;
                }
                switch (type) {
                    case UINT8 -> b.put((byte) (gap ? 0xff : Math.min(v, 254)));
                    case UINT16 -> b.putShort((short) v);
                    case UINT32, INT32 -> b.putInt((int) v);
                    case FLOAT32 -> b.putFloat(gap ? Float.NaN : v);
                }
            }
        }
        return b.array();
    }

    private Frame frame(PixelType type, FrameEncoding encoding) {
        byte[] raw = pixels(type);
        byte[] bytes = switch (encoding) {
            case RAW -> raw;
            case LZ4 -> encoder.lz4Chunk(raw);
            case BSLZ4 -> encoder.bslz4Chunk(raw, type.bytes());
        };
        // a position inside a larger buffer, as frames received from a stream have
        ByteBuffer padded = ByteBuffer.allocateDirect(bytes.length + 7);
        padded.position(7).put(bytes).position(7);
        return new Frame(42, new FrameGeometry(WIDTH, HEIGHT, type), encoding, padded, Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"UINT32, BSLZ4, MAX", "UINT32, LZ4, MAX", "UINT32, RAW, MAX", "UINT16, BSLZ4, MAX",
        "UINT16, LZ4, MAX", "UINT16, RAW, MAX", "UINT8, BSLZ4, MAX", "INT32, BSLZ4, MAX", "FLOAT32, BSLZ4, MAX",
        "UINT32, BSLZ4, MIN", "UINT16, BSLZ4, MIN", "UINT32, BSLZ4, MEAN", "UINT16, LZ4, MEAN", "FLOAT32, RAW, MEAN"})
    void aFrameBinnedWhileDecodedIsTheFrameDecodedThenBinned(PixelType type, FrameEncoding encoding, Binning binning)
            throws Exception {
        Frame frame = frame(type, encoding);
        Plane whole = renderer.plane(renderer.pixels(frame), 40, 40, binning);
        Plane onePass = renderer.framePlane(frame, 40, 40, binning);
        assertEquals(whole.width(), onePass.width());
        assertEquals(whole.height(), onePass.height());
        assertEquals(6, onePass.binX());
        assertEquals(whole.sourceType(), onePass.sourceType());
        assertArrayEquals(whole.values(), onePass.values());
        assertEquals(type != PixelType.INT32, Float.isNaN(onePass.values()[0]), "a bin of invalid pixels only is"
                + " masked (int32 has no invalid value)");
        if (binning != Binning.MEAN) {
            assertArrayEquals(reference(pixels(type), type, 6, binning), onePass.values());
        }
        double[] limits = renderer.percentiles(onePass, 0.1, 99.9);
        ImageStyle style = new ImageStyle("viridis", Scale.LOG, Math.max(limits[0], 1), limits[1]);
        assertArrayEquals(renderer.png(whole, style), renderer.png(onePass, style), "the same PNG");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BSLZ4, MAX", "BSLZ4, MEAN", "LZ4, MAX", "RAW, MIN"})
    void largeFramesBinnedInBandsOnTheRenderersThreadsGiveTheSamePlane(FrameEncoding encoding, Binning binning)
            throws Exception {
        // 1.1 Mpixel: above the size the renderer splits into bands; band edges fall inside bitshuffle blocks
        int width = 1031;
        int height = 1067;
        ByteBuffer raw = ByteBuffer.allocate(width * height * 4).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(8);
        for (int i = 0; i < width * height; i++) {
            raw.putInt(i % width == 500 ? -1 : random.nextInt(50) == 0 ? random.nextInt(100_000) : random.nextInt(5));
        }
        byte[] bytes = switch (encoding) {
            case RAW -> raw.array();
            case LZ4 -> encoder.lz4Chunk(raw.array());
            case BSLZ4 -> encoder.bslz4Chunk(raw.array(), 4);
        };
        Frame frame = new Frame(1, new FrameGeometry(width, height, PixelType.UINT32), encoding, ByteBuffer.wrap(bytes),
                Instant.EPOCH);
        RendererComponent threaded = new RendererComponent();
        threaded.activate();
        try {
            Plane whole = renderer.plane(renderer.pixels(frame), 300, 200, binning);
            Plane inBands = threaded.framePlane(frame, 300, 200, binning);
            assertEquals(6, inBands.binX());
            assertArrayEquals(whole.values(), inBands.values());
        } finally {
            threaded.deactivate();
        }
    }

    /** Min or max of each bin's valid pixels, bin by bin, as plainly as it can be written. */
    private static float[] reference(byte[] raw, PixelType type, int factor, Binning binning) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        int outW = (WIDTH + factor - 1) / factor;
        int outH = (HEIGHT + factor - 1) / factor;
        float[] out = new float[outW * outH];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                double best = Double.NaN;
                for (int y = oy * factor; y < Math.min(HEIGHT, (oy + 1) * factor); y++) {
                    for (int x = ox * factor; x < Math.min(WIDTH, (ox + 1) * factor); x++) {
                        int i = y * WIDTH + x;
                        double v = switch (type) {
                            case UINT8 -> (b.get(i) & 0xff) == 0xff ? Double.NaN : b.get(i) & 0xff;
                            case UINT16 -> (b.getShort(2 * i) & 0xffff) == 0xffff ? Double.NaN
                                    : b.getShort(2 * i) & 0xffff;
                            case UINT32 -> b.getInt(4 * i) == -1 ? Double.NaN : b.getInt(4 * i) & 0xffffffffL;
                            case INT32 -> b.getInt(4 * i);
                            case FLOAT32 -> b.getFloat(4 * i);
                        };
                        if (!Double.isNaN(v) && (Double.isNaN(best) || (binning == Binning.MAX ? v > best
                                : v < best))) {
                            best = v;
                        }
                    }
                }
                out[oy * outW + ox] = (float) best;
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BSLZ4", "LZ4"})
    void aCorruptFrameIsAnErrorNamingTheFrame(FrameEncoding encoding) {
        Frame good = frame(PixelType.UINT32, encoding);
        byte[] bytes = new byte[good.pixels().remaining()];
        good.pixels().duplicate().get(bytes);
        java.util.Arrays.fill(bytes, 16, bytes.length, (byte) 0x55);
        Frame bad = new Frame(7, good.geometry(), encoding, ByteBuffer.wrap(bytes), Instant.EPOCH);
        VisualizationException e = assertThrows(VisualizationException.class, () -> renderer.framePlane(bad, 40, 40,
                Binning.MAX));
        assertTrue(e.getMessage().startsWith("Frame 7 is not a valid"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BSLZ4", "LZ4"})
    void aChunkOfTheWrongSizeForTheGeometryIsRefused(FrameEncoding encoding) {
        Frame good = frame(PixelType.UINT32, encoding);
        Frame wrong = new Frame(8, new FrameGeometry(WIDTH, HEIGHT - 1, PixelType.UINT32), encoding, good.pixels(),
                Instant.EPOCH);
        VisualizationException e = assertThrows(VisualizationException.class, () -> renderer.framePlane(wrong, 40, 40,
                Binning.MAX));
        assertTrue(e.getMessage().contains("geometry needs"), e.getMessage());
    }
}
