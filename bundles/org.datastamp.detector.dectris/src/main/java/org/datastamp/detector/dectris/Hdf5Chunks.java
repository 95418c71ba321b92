package org.datastamp.detector.dectris;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;

/**
 * Checks and builds the chunk formats of the HDF5 LZ4 (32004) and bitshuffle (32008) filters, so every compressed
 * {@link org.datastamp.detector.api.Frame} is a chunk a writer can store directly. Both start with a 12-byte
 * big-endian header: uncompressed size (8 bytes), block size in bytes (4); each block follows as a 4-byte
 * big-endian compressed length and its bytes. Checking walks the block lengths only; nothing is decompressed.
 */
final class Hdf5Chunks {

    static final int HEADER_BYTES = 12;
    /** Bitshuffle transposes groups of 8 elements; the last (elements mod 8) are stored as they are. */
    private static final int BSHUF_BLOCKED_MULT = 8;

    private Hdf5Chunks() {
    }

    /**
     * Wraps a bare LZ4 block (SIMPLON stream v1 {@code lz4<}) in the LZ4 filter's framing as one block, copying the
     * compressed bytes as they are. The filter reads a block whose compressed length equals its raw length as
     * stored uncompressed; in that one rare case the block is decoded and stored raw, which the filter reads back.
     */
    static ByteBuffer wrapLz4Block(byte[] block, long rawBytes) throws StreamMessageException {
        if (rawBytes > Integer.MAX_VALUE) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, "Frame of " + rawBytes
                    + " bytes is larger than one LZ4 filter block can hold");
        }
        byte[] payload = block;
        if (block.length == rawBytes) {
            try {
                payload = LZ4Factory.fastestInstance().safeDecompressor().decompress(block, (int) rawBytes);
            } catch (LZ4Exception e) {
                throw new StreamMessageException(Problem.SIZE_MISMATCH, "LZ4 block does not decode to the "
                        + rawBytes + " bytes its shape and type need: " + e.getMessage(), e);
            }
        }
        ByteBuffer chunk = ByteBuffer.allocate(HEADER_BYTES + 4 + payload.length).order(ByteOrder.BIG_ENDIAN);
        chunk.putLong(rawBytes).putInt((int) rawBytes).putInt(payload.length).put(payload).flip();
        return chunk.asReadOnlyBuffer();
    }

    /** Checks an LZ4 filter chunk: its header says {@code rawBytes} and its blocks exactly fill it. */
    static void checkLz4(ByteBuffer chunk, long rawBytes) throws StreamMessageException {
        ByteBuffer c = chunk.duplicate().order(ByteOrder.BIG_ENDIAN);
        int blockBytes = header(c, rawBytes, "LZ4");
        if (blockBytes <= 0) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, "LZ4 chunk declares block size " + blockBytes);
        }
        long blocks = (rawBytes + blockBytes - 1) / blockBytes;
        walkBlocks(c, blocks, 0, "LZ4");
    }

    /** Checks a bitshuffle-LZ4 chunk of {@code elemSize}-byte elements: header says {@code rawBytes}, blocks fill it. */
    static void checkBitshuffleLz4(ByteBuffer chunk, long rawBytes, int elemSize) throws StreamMessageException {
        ByteBuffer c = chunk.duplicate().order(ByteOrder.BIG_ENDIAN);
        int blockBytes = header(c, rawBytes, "bitshuffle-LZ4");
        if (blockBytes <= 0 || blockBytes % (elemSize * BSHUF_BLOCKED_MULT) != 0) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, "Bitshuffle-LZ4 chunk declares block size "
                    + blockBytes + " bytes, not a positive multiple of 8 " + elemSize + "-byte elements");
        }
        long elements = rawBytes / elemSize;
        long blockElems = blockBytes / elemSize;
        long lastBlockElems = elements % blockElems;
        lastBlockElems -= lastBlockElems % BSHUF_BLOCKED_MULT;
        long blocks = elements / blockElems + (lastBlockElems > 0 ? 1 : 0);
        walkBlocks(c, blocks, (elements % BSHUF_BLOCKED_MULT) * elemSize, "bitshuffle-LZ4");
    }

    private static int header(ByteBuffer c, long rawBytes, String kind) throws StreamMessageException {
        if (c.remaining() < HEADER_BYTES) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, kind + " chunk of " + c.remaining()
                    + " bytes is shorter than its 12-byte header");
        }
        long declared = c.getLong();
        if (declared != rawBytes) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, kind + " chunk holds " + declared
                    + " uncompressed bytes but the frame's shape and type need " + rawBytes);
        }
        return c.getInt();
    }

    private static void walkBlocks(ByteBuffer c, long blocks, long trailingBytes, String kind)
            throws StreamMessageException {
        for (long b = 0; b < blocks; b++) {
            if (c.remaining() < 4) {
                throw new StreamMessageException(Problem.SIZE_MISMATCH, kind + " chunk is truncated: block " + b
                        + " of " + blocks + " is missing");
            }
            int length = c.getInt();
            if (length < 0 || length > c.remaining()) {
                throw new StreamMessageException(Problem.SIZE_MISMATCH, kind + " chunk is truncated: block " + b
                        + " of " + blocks + " declares " + length + " bytes, " + c.remaining() + " remain");
            }
            c.position(c.position() + length);
        }
        if (c.remaining() != trailingBytes) {
            throw new StreamMessageException(Problem.SIZE_MISMATCH, kind + " chunk has " + c.remaining()
                    + " bytes after its " + blocks + " blocks, expected " + trailingBytes);
        }
    }
}
