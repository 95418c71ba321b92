package org.datastamp.detector.dectris.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

import org.xerial.snappy.BitShuffle;
import org.xerial.snappy.BitShuffleType;

/**
 * Compresses frames as DECTRIS detectors send them, with real libraries: LZ4 from lz4-java, the bit transposition
 * from snappy-java's bundled copy of the bitshuffle library ({@code bshuf_bitshuffle} with its default block size,
 * the same routine and block size the HDF5 bitshuffle filter uses).
 *
 * <p>Framing follows the HDF5 filters, which is what DECTRIS' stream v2 documents for its {@code bslz4} and
 * {@code lz4} compression tags and what stream v1 sends for {@code bs*-lz4<}: a 12-byte big-endian header (total
 * uncompressed bytes as 8 bytes, block size in bytes as 4), then each block as a 4-byte big-endian compressed
 * length and the LZ4 block.
 */
public final class ChunkEncoder {

    /** Bitshuffle's target block size in bytes (BSHUF_TARGET_BLOCK_SIZE_B). */
    static final int BSHUF_TARGET_BLOCK_BYTES = 8192;
    /** Bitshuffle transposes groups of 8 elements (BSHUF_BLOCKED_MULT); a block is a multiple of it. */
    static final int BSHUF_BLOCKED_MULT = 8;
    /** Bitshuffle's smallest default block (BSHUF_MIN_RECOMMEND_BLOCK), in elements. */
    static final int BSHUF_MIN_RECOMMEND_BLOCK = 128;

    private final LZ4Compressor lz4 = LZ4Factory.fastestInstance().fastCompressor();

    /** A bare LZ4 block of the whole frame, as stream v1 sends {@code lz4<} frames. */
    public byte[] lz4Block(byte[] raw) {
        byte[] out = new byte[lz4.maxCompressedLength(raw.length)];
        int n = lz4.compress(raw, 0, raw.length, out, 0, out.length);
        return java.util.Arrays.copyOf(out, n);
    }

    /**
     * One HDF5 LZ4 filter (32004) chunk holding the whole frame as one block. A block whose compressed form would
     * be as long as the raw one is stored raw, which is how the filter tells stored blocks apart.
     */
    public byte[] lz4Chunk(byte[] raw) {
        byte[] block = lz4Block(raw);
        boolean stored = block.length >= raw.length;
        byte[] payload = stored ? raw : block;
        ByteBuffer out = ByteBuffer.allocate(12 + 4 + payload.length).order(ByteOrder.BIG_ENDIAN);
        out.putLong(raw.length).putInt(raw.length).putInt(payload.length).put(payload);
        return out.array();
    }

    /** One HDF5 bitshuffle filter (32008, LZ4 variant) chunk of {@code raw}, elements {@code elemSize} bytes wide. */
    public byte[] bslz4Chunk(byte[] raw, int elemSize) {
        if (raw.length % elemSize != 0) {
            throw new IllegalArgumentException(raw.length + " bytes are not whole " + elemSize + "-byte elements");
        }
        int blockElems = defaultBlockElements(elemSize);
        int blockBytes = blockElems * elemSize;
        ByteBuffer shuffled = bitshuffle(raw, elemSize);

        long elements = raw.length / elemSize;
        long fullBlocks = elements / blockElems;
        int lastBlockElems = (int) (elements % blockElems);
        lastBlockElems -= lastBlockElems % BSHUF_BLOCKED_MULT;
        int leftoverBytes = (int) (elements % BSHUF_BLOCKED_MULT) * elemSize;

        int blocks = (int) fullBlocks + (lastBlockElems > 0 ? 1 : 0);
        ByteBuffer out = ByteBuffer.allocate(12 + blocks * (4 + lz4.maxCompressedLength(blockBytes)) + leftoverBytes)
                .order(ByteOrder.BIG_ENDIAN);
        out.putLong(raw.length).putInt(blockBytes);
        int offset = 0;
        for (long b = 0; b < fullBlocks; b++) {
            putLz4Block(shuffled, offset, blockBytes, out);
            offset += blockBytes;
        }
        if (lastBlockElems > 0) {
            putLz4Block(shuffled, offset, lastBlockElems * elemSize, out);
            offset += lastBlockElems * elemSize;
        }
        // Bitshuffle leaves the last (elements mod 8) elements untransposed and uncompressed, after the blocks.
        out.put(raw, offset, leftoverBytes);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    /** Bitshuffle's default block size in elements for {@code elemSize}-byte elements (bshuf_default_block_size). */
    static int defaultBlockElements(int elemSize) {
        int block = BSHUF_TARGET_BLOCK_BYTES / elemSize;
        block = block / BSHUF_BLOCKED_MULT * BSHUF_BLOCKED_MULT;
        return Math.max(block, BSHUF_MIN_RECOMMEND_BLOCK);
    }

    private void putLz4Block(ByteBuffer src, int offset, int length, ByteBuffer out) {
        int lengthAt = out.position();
        int n = lz4.compress(src, offset, length, out, lengthAt + 4, out.remaining() - 4);
        out.putInt(lengthAt, n);
        out.position(lengthAt + 4 + n);
    }

    /** The whole frame through bshuf_bitshuffle: it transposes each default-size block on its own. */
    private static ByteBuffer bitshuffle(byte[] raw, int elemSize) {
        ByteBuffer in = ByteBuffer.allocateDirect(raw.length);
        in.put(raw).flip();
        ByteBuffer out = ByteBuffer.allocateDirect(raw.length);
        try {
            BitShuffle.shuffle(in, typeOf(elemSize), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Bitshuffle failed on a " + raw.length + "-byte frame", e);
        }
        return out;
    }

    private static BitShuffleType typeOf(int elemSize) {
        return switch (elemSize) {
            case 1 -> BitShuffleType.BYTE;
            case 2 -> BitShuffleType.SHORT;
            case 4 -> BitShuffleType.INT;
            case 8 -> BitShuffleType.LONG;
            default -> throw new IllegalArgumentException("Bitshuffle supports 1, 2, 4 or 8-byte elements, not "
                    + elemSize);
        };
    }
}
