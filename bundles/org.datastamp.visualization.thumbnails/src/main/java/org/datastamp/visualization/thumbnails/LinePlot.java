package org.datastamp.visualization.thumbnails;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * A 1-D signal as a tiny line plot: the values (binned by mean to at most one per column) from left to right, scaled
 * between their minimum and maximum, on a transparent background.
 */
final class LinePlot {

    /** Points read at most; longer signals are read with a stride (a thumbnail has a few dozen columns). */
    static final int MAX_POINTS = 4096;
    /** Viridis' middle (matplotlib's #21918c), so a line plot sits with the image thumbnails. */
    private static final Color LINE = new Color(0x21, 0x91, 0x8c);

    private LinePlot() {
    }

    /** Empty when the values have no two finite ones to draw a line through; NaN (masked) values break the line. */
    static Optional<byte[]> png(float[] values, int size) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int finite = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                finite++;
            }
        }
        if (finite < 2) {
            return Optional.empty();
        }
        double span = max > min ? max - min : 1;
        double margin = 1.5;
        double width = size - 2 * margin;
        Path2D.Double line = new Path2D.Double();
        boolean pen = false;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                pen = false;
                continue;
            }
            double x = margin + width * i / (values.length - 1);
            double y = margin + width * (1 - (values[i] - min) / span);
            if (pen) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                pen = true;
            }
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(LINE);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory failed", e);
        }
        return Optional.of(out.toByteArray());
    }
}
