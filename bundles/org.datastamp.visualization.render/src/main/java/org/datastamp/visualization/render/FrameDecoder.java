package org.datastamp.visualization.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.datastamp.core.bitshuffle.ChunkFormat;
import org.datastamp.core.bitshuffle.FilterChunk;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
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
        ByteBuffer raw = frame.encoding() == FrameEncoding.RAW ? copy(frame.pixels())
                : decompress(frame.pixels(), elem, frame.encoding() == FrameEncoding.BSLZ4, frame.index());
        if (raw.capacity() != frame.geometry().frameBytes()) {
            throw new VisualizationException("Frame " + frame.index() + " decodes to " + raw.capacity()
                    + " bytes but its geometry needs " + frame.geometry().frameBytes());
        }
        return new NdArray(shape, type, raw);
    }

    private static ByteBuffer copy(ByteBuffer pixels) {
        ByteBuffer out = ByteBuffer.allocate(pixels.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(pixels.duplicate()).flip();
        return out;
    }

    private static ByteBuffer decompress(ByteBuffer chunk, int elem, boolean bitshuffled, long index)
            throws VisualizationException {
        try {
            // one thread: a live view must not take the cores the acquisition writes with
            return FilterChunk.parse(chunk, bitshuffled ? ChunkFormat.BITSHUFFLE_LZ4 : ChunkFormat.LZ4, elem)
                    .decode(null, 1);
        } catch (IOException e) {
            throw new VisualizationException("Frame " + index + " is not a valid " + (bitshuffled ? "bitshuffle/LZ4"
                    : "LZ4") + " chunk: " + e.getMessage(), e);
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
