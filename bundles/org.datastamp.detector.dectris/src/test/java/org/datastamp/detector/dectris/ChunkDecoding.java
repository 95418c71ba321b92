package org.datastamp.detector.dectris;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.xerial.snappy.BitShuffle;
import org.xerial.snappy.BitShuffleType;

/** Test-only decoding of a frame's HDF5 chunk back to raw pixels, with lz4-java and snappy-java's bitshuffle. */
final class ChunkDecoding {

    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    private ChunkDecoding() {
    }

    static byte[] raw(Frame frame) throws IOException {
        ByteBuffer c = frame.pixels().duplicate().order(ByteOrder.BIG_ENDIAN);
        if (frame.encoding() == FrameEncoding.RAW) {
            byte[] out = new byte[c.remaining()];
            c.get(out);
            return out;
        }
        int rawBytes = Math.toIntExact(c.getLong());
        int blockBytes = c.getInt();
        int elem = frame.geometry().pixelType().bytes();
        // LZ4 filter: blocks of blockBytes; bitshuffle: the same, but the last block is cut to whole groups of 8
        // elements and the rest follows uncompressed.
        boolean bitshuffled = frame.encoding() == FrameEncoding.BSLZ4;
        int group = bitshuffled ? 8 * elem : 1;
        byte[] out = new byte[rawBytes];
        int done = 0;
        while (rawBytes - done >= group && c.remaining() >= 4) {
            int want = Math.min(blockBytes, (rawBytes - done) / group * group);
            int length = c.getInt();
            if (!bitshuffled && length == want) {
                c.get(out, done, want);
            } else {
                byte[] block = new byte[length];
                c.get(block);
                LZ4.decompress(block, 0, length, out, done, want);
            }
            done += want;
        }
        c.get(out, done, rawBytes - done);
        if (!bitshuffled) {
            return out;
        }
        ByteBuffer in = ByteBuffer.allocateDirect(rawBytes).put(out).flip();
        ByteBuffer unshuffled = ByteBuffer.allocateDirect(rawBytes);
        BitShuffle.unshuffle(in, elem == 1 ? BitShuffleType.BYTE : elem == 2 ? BitShuffleType.SHORT : BitShuffleType.INT,
                unshuffled);
        byte[] result = new byte[rawBytes];
        unshuffled.get(0, result);
        return result;
    }
}
