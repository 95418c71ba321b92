package org.datastamp.logbook.jdbc;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.datastamp.logbook.api.InvalidEntryException;

/**
 * Accepts an uploaded image only if its content is PNG, JPEG or TIFF (by its signature, whatever its name says),
 * within the size limit and decodable, and makes a PNG thumbnail with javax.imageio (TIFF through the JDK's own
 * TIFF plugin). The pixel count is checked from the header before decoding, so a small file that claims a huge
 * image cannot exhaust memory.
 */
final class ImageCheck {

    /** A checked image. */
    record Checked(String mediaType, int width, int height, byte[] thumbnail) {
    }

    static final long MAX_PIXELS = 100_000_000L;

    private final long maxBytes;
    private final int thumbnailPixels;

    ImageCheck(long maxBytes, int thumbnailPixels) {
        this.maxBytes = maxBytes;
        this.thumbnailPixels = thumbnailPixels;
    }

    Checked check(byte[] content) throws InvalidEntryException {
        if (content.length == 0) {
            throw new InvalidEntryException("content", "the upload is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidEntryException("content", "the image has " + content.length + " bytes; at most "
                    + maxBytes + " are accepted (configuration maxImageMegabytes)");
        }
        String mediaType = mediaType(content);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
            if (!readers.hasNext()) {
                throw new InvalidEntryException("content", "this Java runtime cannot read " + mediaType);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new InvalidEntryException("content", "the image has " + width + " x " + height
                            + " pixels; at most " + MAX_PIXELS + " pixels are accepted");
                }
                BufferedImage image = reader.read(0);
                return new Checked(mediaType, width, height, thumbnail(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidEntryException("content", "the " + mediaType + " image cannot be decoded ("
                    + e.getMessage() + "); upload an undamaged PNG, JPEG or TIFF file");
        }
    }

    /** The media type from the file's signature. */
    static String mediaType(byte[] c) throws InvalidEntryException {
        if (starts(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(c, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(c, 'I', 'I', 42, 0) || starts(c, 'M', 'M', 0, 42)) {
            return "image/tiff";
        }
        throw new InvalidEntryException("content", "only PNG, JPEG and TIFF images are accepted; this content is"
                + " none of them (judged by its first bytes, not its name)");
    }

    private static boolean starts(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] thumbnail(BufferedImage image) throws IOException {
        double scale = Math.min(1.0, (double) thumbnailPixels / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(small, "png", png);
        return png.toByteArray();
    }
}
