package org.datastamp.visualization.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.Histogram;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;
import org.junit.jupiter.api.Test;

class RenderingTest {

    private final RendererComponent renderer = new RendererComponent();

    /** A uint16 image whose pixel (y, x) is y * width + x. */
    private static NdArray ramp(int height, int width) {
        ByteBuffer b = ByteBuffer.allocate(height * width * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < height * width; i++) {
            b.putShort((short) i);
        }
        return new NdArray(new int[] {height, width}, ElementType.UINT16, b);
    }

    @Test
    void meanMaxAndMinBinningFitTheViewportWithSquareBins() throws Exception {
        NdArray a = ramp(4, 6);
        Plane mean = renderer.plane(a, 3, 3, Binning.MEAN);
        assertEquals(3, mean.width());
        assertEquals(2, mean.height());
        assertEquals(2, mean.binX());
        // bin (0,0) holds 0, 1, 6, 7
        assertEquals(3.5f, mean.values()[0]);
        assertEquals(7f, renderer.plane(a, 3, 3, Binning.MAX).values()[0]);
        assertEquals(0f, renderer.plane(a, 3, 3, Binning.MIN).values()[0]);
        // last bin (1,2) holds 16, 17, 22, 23
        assertEquals(23f, renderer.plane(a, 3, 3, Binning.MAX).values()[5]);
    }

    @Test
    void invalidPixelsOfUnsignedDataAreMaskedOutOfEveryBin() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xffff).putShort((short) 10).putShort((short) 0xffff).putShort((short) 0xffff);
        NdArray a = new NdArray(new int[] {2, 2}, ElementType.UINT16, b);
        assertEquals(10f, renderer.plane(a, 1, 1, Binning.MEAN).values()[0]);
        Plane full = renderer.plane(a, 2, 2, Binning.MAX);
        assertTrue(Float.isNaN(full.values()[0]));
        assertEquals(10f, full.values()[1]);
    }

    @Test
    void everyElementTypeBinsToItsValuesWithUnsignedMaximaMasked() throws Exception {
        // per type: 3 elements [small, large, all bits set], as the file stores them (little-endian)
        Object[][] cases = {
            {ElementType.UINT8, new byte[] {5, (byte) 200, (byte) 0xff}, 200f, true},
            {ElementType.INT8, new byte[] {5, -100, -1}, 5f, false},
            {ElementType.UINT16, le(2, 5, 60000, 0xffff), 60000f, true},
            {ElementType.INT16, le(2, 5, -30000, -1), 5f, false},
            {ElementType.UINT32, le(4, 5, 4_000_000_000L, 0xffffffffL), 4e9f, true},
            {ElementType.INT32, le(4, 5, -2_000_000_000, -1), 5f, false},
            {ElementType.UINT64, le(8, 5, 1L << 40, -1L), (float) (1L << 40), true},
            {ElementType.INT64, le(8, 5, -(1L << 40), -1L), 5f, false},
            {ElementType.FLOAT32, le(4, Float.floatToIntBits(5.5f), Float.floatToIntBits(-2f),
                    Float.floatToIntBits(Float.NaN)), 5.5f, true},
            {ElementType.FLOAT64, le(8, Double.doubleToLongBits(5.5), Double.doubleToLongBits(-2),
                    Double.doubleToLongBits(Double.NaN)), 5.5f, true}};
        for (Object[] c : cases) {
            ElementType type = (ElementType) c[0];
            NdArray a = new NdArray(new int[] {1, 3}, type, ByteBuffer.wrap((byte[]) c[1]));
            Plane all = renderer.plane(a, 1, 1, Binning.MAX);
            assertEquals((float) c[2], all.values()[0], type + " max");
            Plane each = renderer.plane(a, 3, 1, Binning.MEAN);
            assertEquals((boolean) c[3], Float.isNaN(each.values()[2]), type + ": last element masked");
        }
    }

    @Test
    void largeFramesBinnedInBandsOnSeveralThreadsEqualOneThreadsResult() throws Exception {
        int h = 1500;
        int w = 1201; // not a multiple of the bin: partial last bins
        ByteBuffer b = ByteBuffer.allocateDirect(h * w * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < h * w; i++) {
            b.putInt(i % 9973 == 0 || i / w < 12 ? -1 : (i * 31) % 65521 + (i % 7 == 0 ? 0x7fff0000 : 0));
        }
        NdArray a = new NdArray(new int[] {h, w}, ElementType.UINT32, b);
        RendererComponent threaded = new RendererComponent();
        threaded.activate();
        try {
            for (Binning binning : Binning.values()) {
                assertArrayEquals(renderer.plane(a, 256, 256, binning).values(),
                        threaded.plane(a, 256, 256, binning).values(), binning.toString());
            }
            // uint32 max binning works on ints; the same values as uint64 take the general float path
            ByteBuffer wide = ByteBuffer.allocate(h * w * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < h * w; i++) {
                int v = b.getInt(i * 4);
                wide.putLong(v == -1 ? -1L : v);
            }
            NdArray same = new NdArray(new int[] {h, w}, ElementType.UINT64, wide);
            assertArrayEquals(renderer.plane(same, 256, 256, Binning.MAX).values(),
                    threaded.plane(a, 256, 256, Binning.MAX).values());
            assertArrayEquals(renderer.plane(same, 100, 100, Binning.MAX).values(),
                    renderer.plane(a, 100, 100, Binning.MAX).values());
        } finally {
            threaded.deactivate();
        }
    }

    private static byte[] le(int size, long... values) {
        ByteBuffer b = ByteBuffer.allocate(size * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            for (int k = 0; k < size; k++) {
                b.put((byte) (v >>> (8 * k)));
            }
        }
        return b.array();
    }

    @Test
    void pngHasColormapEndsAtContrastLimitsAndTransparentMaskedPixels() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).putInt(100).putInt(200).putInt(-1); // last: 2^32-1, invalid
        NdArray a = new NdArray(new int[] {2, 2}, ElementType.UINT32, b);
        Plane p = renderer.plane(a, 2, 2, Binning.MEAN);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(p,
                new ImageStyle("viridis", Scale.LINEAR, 0, 200))));
        assertEquals(2, image.getWidth());
        assertEquals(0xff440154, image.getRGB(0, 0), "viridis bottom (matplotlib #440154)");
        assertEquals(0xfffde725, image.getRGB(0, 1), "viridis top (matplotlib #fde725)");
        assertEquals(0, image.getRGB(1, 1) >>> 24, "masked pixel is transparent");
        BufferedImage gray = ImageIO.read(new ByteArrayInputStream(renderer.png(p,
                new ImageStyle("gray", Scale.LINEAR, 0, 200))));
        assertEquals(0xff7f7f7f, gray.getRGB(1, 0), "100 of 0..200 is mid gray (index 127 of 255)");
    }

    @Test
    void pngPixelsAreTheColouredPixelsExactlyWithRememberedAndComputedColoursAlike() throws Exception {
        // integral counts (remembered colours), fractions and large values (computed), NaN (transparent), -0
        float[] values = new float[37 * 23];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 11 == 0 ? Float.NaN : i % 7 == 0 ? i / 3f : i % 5 == 0 ? 70_000 + i : i % 40;
        }
        values[1] = -0f;
        Plane p = new Plane(37, 23, values, 1, 1, ElementType.FLOAT32);
        for (Scale scale : Scale.values()) {
            ImageStyle style = new ImageStyle("inferno", scale, 1, 5000);
            int[] colours = Painter.argb(p, style, new Colormaps().argb("inferno"));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(p, style)));
            for (int i = 0; i < values.length; i++) {
                double t = Float.isNaN(values[i]) ? Double.NaN : (Painter.transform(values[i], scale)
                        - Painter.transform(1, scale)) / (Painter.transform(5000, scale) - Painter.transform(1, scale));
                int index = Double.isNaN(t) || t <= 0 ? 0 : t >= 1 ? 255 : (int) (t * 255.999);
                int expected = Float.isNaN(values[i]) ? 0 : new Colormaps().argb("inferno")[index];
                assertEquals(expected, colours[i], "colour of pixel " + i + ", " + scale);
                assertEquals(expected, image.getRGB(i % 37, i / 37), "PNG pixel " + i + ", " + scale);
            }
        }
    }

    @Test
    void logAndSqrtScalesPlaceValuesByTheirTransform() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putFloat(1).putFloat(10).putFloat(100);
        Plane p = renderer.plane(new NdArray(new int[] {3}, ElementType.FLOAT32, b), 3, 1, Binning.MEAN);
        BufferedImage log = ImageIO.read(new ByteArrayInputStream(renderer.png(p,
                new ImageStyle("gray", Scale.LOG, 1, 100))));
        assertEquals(0xff7f7f7f, log.getRGB(1, 0), "10 is halfway between 1 and 100 in log");
        BufferedImage sqrt = ImageIO.read(new ByteArrayInputStream(renderer.png(p,
                new ImageStyle("gray", Scale.SQRT, 0, 100))));
        assertEquals(0xff505050, sqrt.getRGB(1, 0), "sqrt(10)/sqrt(100) = 0.316 of the gray ramp (index 80)");
    }

    @Test
    void percentilesIgnoreMaskedPixelsForAutoContrast() throws Exception {
        Plane p = renderer.plane(ramp(10, 10), 10, 10, Binning.MEAN);
        assertArrayEquals(new double[] {0, 50, 99}, renderer.percentiles(p, 0, 50.5, 100));
    }

    @Test
    void histogramCountsEveryValidValueOnce() throws Exception {
        Plane p = renderer.plane(ramp(10, 10), 10, 10, Binning.MEAN);
        Histogram h = renderer.histogram(p, 10, Scale.LINEAR);
        assertEquals(0, h.min());
        assertEquals(99, h.max());
        assertEquals(100, java.util.Arrays.stream(h.counts()).sum());
        assertEquals(0, h.masked());
    }

    @Test
    void colormapsAreMatplotlibTablesAndUnknownNamesAreBadRequests() throws Exception {
        assertTrue(renderer.colormaps().containsAll(java.util.List.of("viridis", "gray", "inferno", "magma")));
        byte[] magma = renderer.colormap("magma");
        assertEquals(768, magma.length);
        assertEquals(0xfc, magma[765] & 0xff, "magma ends at #fcfdbf");
        BadDataRequestException e = assertThrows(BadDataRequestException.class, () -> renderer.colormap("jet"));
        assertTrue(e.getMessage().contains("viridis"), e.getMessage());
    }

    @Test
    void rank3OrEmptyViewportIsABadRequest() {
        NdArray cube = new NdArray(new int[] {2, 2, 2}, ElementType.UINT8, ByteBuffer.allocate(8));
        assertThrows(BadDataRequestException.class, () -> renderer.plane(cube, 10, 10, Binning.MEAN));
        assertThrows(BadDataRequestException.class, () -> renderer.plane(ramp(2, 2), 0, 10, Binning.MEAN));
    }
}
