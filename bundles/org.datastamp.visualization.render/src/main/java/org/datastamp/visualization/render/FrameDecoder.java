package org.datastamp.visualization.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.ElementType;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.VisualizationException;
import org.xerial.snappy.BitShuffle;
import org.xerial.snappy.BitShuffleType;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decodes a detector frame's HDF5 chunk (as DECTRIS streams send it) to pixels: the LZ4 filter's (32004) and the
 * bitshuffle filter's (32008) framing is a big-endian total size and block size, then per block a big-endian
 * compressed length and LZ4 data; bitshuffle blocks are then unshuffled one by one, and the bytes of a last partial
 * group of 8 elements follow uncompressed.
 */
final class FrameDecoder {

    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

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
        ByteBuffer c = chunk.duplicate().order(ByteOrder.BIG_ENDIAN);
        try {
            int total = Math.toIntExact(c.getLong());
            int blockBytes = c.getInt();
            int group = bitshuffled ? 8 * elem : 1;
            ByteBuffer out = ByteBuffer.allocateDirect(total).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer block = ByteBuffer.allocateDirect(Math.max(blockBytes, 1));
            int done = 0;
            while (total - done >= group && c.remaining() >= 4) {
                int want = Math.min(blockBytes, (total - done) / group * group);
                int length = c.getInt();
                ByteBuffer target = bitshuffled ? block.clear().limit(want) : out.duplicate().position(done)
                        .limit(done + want);
                if (!bitshuffled && length == want) {
                    target.put(c.duplicate().limit(c.position() + length));
                } else {
                    LZ4.decompress(c, c.position(), length, target, target.position(), want);
                }
                c.position(c.position() + length);
                if (bitshuffled) {
                    block.position(0).limit(want);
                    ByteBuffer dst = out.duplicate().position(done).limit(done + want).slice();
                    BitShuffle.unshuffle(block, shuffleType(elem), dst);
                }
                done += want;
            }
            out.position(done).put(c.duplicate().limit(c.position() + (total - done)));
            return out.clear();
        } catch (RuntimeException | java.io.IOException e) {
            throw new VisualizationException("Frame " + index + " is not a valid " + (bitshuffled ? "bitshuffle/LZ4"
                    : "LZ4") + " chunk: " + e.getMessage(), e);
        }
    }

    private static BitShuffleType shuffleType(int elem) {
        return switch (elem) {
            case 1 -> BitShuffleType.BYTE;
            case 2 -> BitShuffleType.SHORT;
            case 4 -> BitShuffleType.INT;
            default -> BitShuffleType.LONG;
        };
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
