package org.datastamp.visualization.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;

/** Colours a plane through a colormap between contrast limits and encodes it as PNG (masked pixels transparent). */
final class Painter {

    /**
     * The JDK's PNG writer maps quality q to deflate level round(9 * (1 - q)): 0.9 is level 1, about twice as fast
     * as the default level 4 on a 512x512 image for ~5-10 % more bytes; images go over a LAN, time to first image
     * counts more.
     */
    private static final float FAST_DEFLATE = 0.9f;

    private Painter() {
    }

    static int[] argb(Plane plane, ImageStyle style, int[] colormap) {
        float[] v = plane.values();
        int[] out = new int[v.length];
        double lo = transform(style.low(), style.scale());
        double hi = transform(style.high(), style.scale());
        double span = hi > lo ? hi - lo : 1;
        for (int i = 0; i < v.length; i++) {
            float value = v[i];
            if (Float.isNaN(value)) {
                continue; // transparent
            }
            double t = (transform(value, style.scale()) - lo) / span;
            int index = Double.isNaN(t) || t <= 0 ? 0 : t >= 1 ? 255 : (int) (t * 255.999);
            out[i] = colormap[index];
        }
        return out;
    }

    static byte[] png(Plane plane, int[] argb) {
        BufferedImage image = new BufferedImage(plane.width(), plane.height(), BufferedImage.TYPE_INT_ARGB);
        int[] target = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(argb, 0, target, 0, argb.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(plane.width() * plane.height() + 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam fast = writer.getDefaultWriteParam();
            fast.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            fast.setCompressionQuality(FAST_DEFLATE);
            writer.write(null, new IIOImage(image, null, null), fast);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * A value's position in the scale's space: log10 for LOG (values at or below 0 become -infinity, the bottom of
     * the colormap), square root for SQRT (negative values clamp to 0).
     */
    static double transform(double value, Scale scale) {
        return switch (scale) {
            case LINEAR -> value;
            case LOG -> value > 0 ? Math.log10(value) : Double.NEGATIVE_INFINITY;
            case SQRT -> value > 0 ? Math.sqrt(value) : 0;
        };
    }
}
