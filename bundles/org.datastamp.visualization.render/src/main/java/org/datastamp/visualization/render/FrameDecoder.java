package org.datastamp.visualization.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.Executor;

import org.datastamp.core.bitshuffle.ChunkFormat;
import org.datastamp.core.bitshuffle.FilterChunk;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.VisualizationException;

/**
 * Decodes a detector frame's HDF5 chunk (as DECTRIS streams send it) to pixels, with the chunk decoder the HDF5
 * reader uses ({@code org.datastamp.core.bitshuffle}).
 */
final class FrameDecoder {

    private FrameDecoder() {
    }

    static NdArray pixels(Frame frame) throws VisualizationException {
        int elem = frame.geometry().pixelType().bytes();
        ElementType type = type(frame.geometry().pixelType());
        int[] shape = {frame.geometry().height(), frame.geometry().width()};
        ByteBuffer raw = frame.encoding() == FrameEncoding.RAW ? copy(frame.pixels()) : decompress(frame, elem);
        requireSize(frame, raw.capacity());
        return new NdArray(shape, type, raw);
    }

    /**
     * The plane {@code Binner.plane(pixels(frame), ...)} gives, with each decoded block folded into the bins as it
     * comes: no decoded frame is ever held (a few KiB of buffers instead of 16-64 MiB per frame, which the decoder
     * would write and the binning read back). Large frames are binned in bands of output rows as arrays are, all but
     * the first on {@code executor} (null: all on the calling thread); a band decodes the blocks its rows span.
     */
    static Plane plane(Frame frame, int maxWidth, int maxHeight, Binning binning, Executor executor, int threads)
            throws VisualizationException {
        Binner.requireViewport(maxWidth, maxHeight);
        FrameGeometry g = frame.geometry();
        int width = g.width();
        int height = g.height();
        int elem = g.pixelType().bytes();
        Bins bins = new Bins(width, height, Bins.factor(width, height, maxWidth, maxHeight), type(g.pixelType()),
                binning);
        boolean raw = frame.encoding() == FrameEncoding.RAW;
        ByteBuffer bytes = frame.pixels().slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            FilterChunk chunk = raw ? null : FilterChunk.parse(bytes, frame.encoding() == FrameEncoding.BSLZ4
                    ? ChunkFormat.BITSHUFFLE_LZ4 : ChunkFormat.LZ4, elem);
            if (chunk != null) {
                requireSize(frame, chunk.decodedBytes());
            }
            int bands = executor == null || (long) width * height < (1 << 20) ? 1
                    : Math.max(1, Math.min(threads, bins.outH));
            Binner.inBands(bins.outH, bands, executor, (fromRow, toRow) -> {
                Bins.Folder folder = bins.new Folder();
                long from = (long) fromRow * bins.factor * width;
                long to = (long) Math.min(height, toRow * bins.factor) * width;
                if (chunk == null) {
                    folder.fold(bytes, from, from, (int) (to - from));
                } else {
                    chunk.decodeInPieces((int) (from * elem), (int) (to * elem), (offset, piece) -> folder.fold(
                            piece, 0, offset / elem, piece.remaining() / elem));
                }
                folder.finish();
            });
        } catch (IOException e) {
            throw notAChunk(frame, e);
        }
        return bins.plane();
    }

    private static void requireSize(Frame frame, long decodedBytes) throws VisualizationException {
        if (decodedBytes != frame.geometry().frameBytes()) {
            throw new VisualizationException("Frame " + frame.index() + " decodes to " + decodedBytes
                    + " bytes but its geometry needs " + frame.geometry().frameBytes());
        }
    }

    private static VisualizationException notAChunk(Frame frame, IOException e) {
        return new VisualizationException("Frame " + frame.index() + " is not a valid " + (frame.encoding()
                == FrameEncoding.BSLZ4 ? "bitshuffle/LZ4" : "LZ4") + " chunk: " + e.getMessage(), e);
    }

    private static ByteBuffer copy(ByteBuffer pixels) {
        ByteBuffer out = ByteBuffer.allocate(pixels.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(pixels.duplicate()).flip();
        return out;
    }

    private static ByteBuffer decompress(Frame frame, int elem) throws VisualizationException {
        try {
            // one thread: a live view must not take the cores the acquisition writes with
            return FilterChunk.parse(frame.pixels(), frame.encoding() == FrameEncoding.BSLZ4
                    ? ChunkFormat.BITSHUFFLE_LZ4 : ChunkFormat.LZ4, elem).decode(null, 1);
        } catch (IOException e) {
            throw notAChunk(frame, e);
        }
    }

    private static ElementType type(PixelType pixelType) {
        return switch (pixelType) {
            case UINT8 -> ElementType.UINT8;
            case UINT16 -> ElementType.UINT16;
            case UINT32 -> ElementType.UINT32;
            case INT32 -> ElementType.INT32;
            case FLOAT32 -> ElementType.FLOAT32;
        };
    }
}
