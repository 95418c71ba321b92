package org.datastamp.core.bitshuffle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;

import org.xerial.snappy.BitShuffle;
import org.xerial.snappy.BitShuffleType;

import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * One chunk of the bitshuffle/LZ4 (32008) or LZ4 (32004) HDF5 filter, indexed by block, decoded in Java.
 *
 * <p>Both filters frame a chunk the same way: a 12-byte big-endian header (decoded size as 8 bytes, block size in
 * bytes as 4), then per block a big-endian 4-byte compressed length and an LZ4 block. Block {@code i} decodes to the
 * bytes from {@code i * blockBytes}, so blocks can be decoded in any order, on several threads, and only those a
 * range of bytes needs. Bitshuffle blocks are bit-transposed groups of elements (undone with snappy-java's copy of
 * the bitshuffle library); its last block holds a multiple of 8 elements and the bytes of the last {@code n % 8}
 * elements follow the blocks uncompressed. An LZ4 filter block whose compressed length equals its decoded length is
 * stored as is.
 */
public final class FilterChunk {

    /** bitshuffle's BSHUF_TARGET_BLOCK_SIZE_B, BSHUF_BLOCKED_MULT and BSHUF_MIN_RECOMMEND_BLOCK. */
    private static final int BSHUF_TARGET_BLOCK_BYTES = 8192;
    private static final int BSHUF_BLOCKED_MULT = 8;
    private static final int BSHUF_MIN_RECOMMEND_BLOCK = 128;
    private static final int HEADER_BYTES = 12;

    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();

    private final ByteBuffer chunk;
    private final ChunkFormat format;
    private final int elementSize;
    private final int decodedBytes;
    private final int blockBytes;
    private final int lastBlockBytes;
    private final int[] blockAt;
    private final int tailFrom;
    private final int tailAt;

    private FilterChunk(ByteBuffer chunk, ChunkFormat format, int elementSize, int decodedBytes, int blockBytes,
            int lastBlockBytes, int[] blockAt, int tailFrom, int tailAt) {
        this.chunk = chunk;
        this.format = format;
        this.elementSize = elementSize;
        this.decodedBytes = decodedBytes;
        this.blockBytes = blockBytes;
        this.lastBlockBytes = lastBlockBytes;
        this.blockAt = blockAt;
        this.tailFrom = tailFrom;
        this.tailAt = tailAt;
    }

    /**
     * Reads the header and the block lengths of the chunk between {@code chunk}'s position and limit (not copied:
     * keep it unchanged while this object is in use).
     *
     * @param elementSize bytes per element (1, 2, 4 or 8); the bitshuffle transposition depends on it
     * @throws ChunkFormatException if the framing is inconsistent, or a bitshuffle block is larger than bitshuffle's
     *             default (only the default block size, which DECTRIS detectors and hdf5plugin write, is handled)
     */
    public static FilterChunk parse(ByteBuffer chunk, ChunkFormat format, int elementSize)
            throws ChunkFormatException {
        ByteBuffer c = chunk.slice().order(ByteOrder.BIG_ENDIAN);
        if (elementSize != 1 && elementSize != 2 && elementSize != 4 && elementSize != 8) {
            throw new ChunkFormatException("Elements of " + elementSize + " bytes cannot be bitshuffled");
        }
        if (c.limit() < HEADER_BYTES) {
            throw new ChunkFormatException(name(format) + " chunk of " + c.limit() + " bytes has no 12-byte header");
        }
        long total = c.getLong(0);
        int block = c.getInt(8);
        if (total < 0 || total > Integer.MAX_VALUE - 8 || total % elementSize != 0) {
            throw new ChunkFormatException(name(format) + " chunk header gives " + total + " decoded bytes, not a"
                    + " whole number of " + elementSize + "-byte elements below 2 GiB");
        }
        if (block <= 0 && total > 0) {
            throw new ChunkFormatException(name(format) + " chunk header gives a block size of " + block + " bytes");
        }
        int decoded = (int) total;
        int blocks;
        int last;
        int tailFrom;
        if (format == ChunkFormat.BITSHUFFLE_LZ4) {
            int blockElements = block / elementSize;
            if (block % elementSize != 0 || blockElements % BSHUF_BLOCKED_MULT != 0) {
                throw new ChunkFormatException("Bitshuffle block size " + block + " is not a multiple of 8 "
                        + elementSize + "-byte elements");
            }
            if (blockElements > defaultBlockElements(elementSize)) {
                throw new ChunkFormatException("Bitshuffle blocks of " + blockElements + " elements (larger than the"
                        + " default " + defaultBlockElements(elementSize) + ") are not decoded in Java");
            }
            int elements = decoded / elementSize;
            int full = elements / blockElements;
            int rest = elements % blockElements;
            rest -= rest % BSHUF_BLOCKED_MULT;
            blocks = full + (rest > 0 ? 1 : 0);
            last = rest > 0 ? rest * elementSize : block;
            tailFrom = (full * blockElements + rest) * elementSize;
        } else {
            blocks = decoded == 0 ? 0 : (int) ((total + block - 1) / block);
            last = decoded - (blocks - 1) * block;
            tailFrom = decoded;
        }
        int[] at = new int[blocks];
        int p = HEADER_BYTES;
        for (int i = 0; i < blocks; i++) {
            if (p + 4 > c.limit()) {
                throw new ChunkFormatException(name(format) + " chunk ends at block " + i + " of " + blocks);
            }
            int length = c.getInt(p);
            if (length < 0 || length > c.limit() - p - 4) {
                throw new ChunkFormatException(name(format) + " chunk's block " + i + " claims " + length
                        + " bytes, beyond the chunk's end");
            }
            at[i] = p;
            p += 4 + length;
        }
        if (c.limit() - p < decoded - tailFrom) {
            throw new ChunkFormatException(name(format) + " chunk lacks the last " + (decoded - tailFrom)
                    + " uncompressed bytes");
        }
        return new FilterChunk(c, format, elementSize, decoded, block, last, at, tailFrom, p);
    }

    /** bitshuffle's default block size for an element size, in elements ({@code bshuf_default_block_size}). */
    static int defaultBlockElements(int elementSize) {
        int elements = BSHUF_TARGET_BLOCK_BYTES / elementSize;
        elements -= elements % BSHUF_BLOCKED_MULT;
        return Math.max(elements, BSHUF_MIN_RECOMMEND_BLOCK);
    }

    /** Size of the whole decoded chunk, in bytes. */
    public int decodedBytes() {
        return decodedBytes;
    }

    /** The whole chunk decoded; see {@link #decode(int, int, Executor, int)}. */
    public ByteBuffer decode(Executor executor, int threads) throws IOException {
        return decode(0, decodedBytes, executor, threads);
    }

    /**
     * Decodes the bytes {@code from} (inclusive) to {@code to} (exclusive) of the chunk into a new direct
     * little-endian buffer of {@code to - from} bytes. Only the blocks overlapping the range are decompressed,
     * split into up to {@code threads} runs of neighbouring blocks: all but one run go to {@code executor}, the
     * calling thread decodes the first and then waits for the others (all of them, even after a failure or an
     * interrupt, which it passes on: the runs are short, and none may outlive the call).
     *
     * @param executor runs the other runs; {@code null}: everything on the calling thread
     * @throws ChunkFormatException if a block does not decompress to its size
     */
    public ByteBuffer decode(int from, int to, Executor executor, int threads) throws IOException {
        if (from < 0 || to > decodedBytes || from > to) {
            throw new IndexOutOfBoundsException("Bytes " + from + ".." + to + " of a chunk of " + decodedBytes);
        }
        ByteBuffer out = ByteBuffer.allocateDirect(to - from).order(ByteOrder.LITTLE_ENDIAN);
        int first = Math.min(from / blockBytes(), blockAt.length);
        int end = from >= tailFrom ? first : Math.min(blockAt.length, (int) (((long) to + blockBytes() - 1)
                / blockBytes()));
        int runs = executor == null ? 1 : Math.max(1, Math.min(threads, end - first));
        List<FutureTask<Void>> others = new ArrayList<>();
        for (int r = 1; r < runs; r++) {
            int b0 = first + (int) ((long) (end - first) * r / runs);
            int b1 = first + (int) ((long) (end - first) * (r + 1) / runs);
            FutureTask<Void> task = new FutureTask<>(() -> {
                decodeBlocks(out, from, to, b0, b1);
                return null;
            });
            others.add(task);
            executor.execute(task);
        }
        Throwable failure = null;
        try {
            decodeBlocks(out, from, to, first, first + (int) ((long) (end - first) / runs));
            copyTail(out, from, to);
        } catch (ChunkFormatException | RuntimeException e) {
            failure = e;
        }
        failure = awaitAll(others, failure);
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new ChunkFormatException("Cannot decode a " + name(format) + " chunk: " + failure, failure);
        }
        return out;
    }

    /**
     * Waits for every run, even after a failure: none may still write into the buffer or read the chunk once the
     * call returns. An interrupt is kept for the caller (the runs are short). Returns the first failure.
     */
    private static Throwable awaitAll(List<FutureTask<Void>> runs, Throwable failure) {
        Throwable first = failure;
        boolean interrupted = false;
        for (FutureTask<Void> run : runs) {
            boolean done = false;
            while (!done) {
                try {
                    run.get();
                    done = true;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                    done = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return first;
    }

    private int blockBytes() {
        return Math.max(blockBytes, 1);
    }

    private void decodeBlocks(ByteBuffer out, int from, int to, int firstBlock, int endBlock)
            throws ChunkFormatException {
        ByteBuffer scratch = format == ChunkFormat.BITSHUFFLE_LZ4 && firstBlock < endBlock ? ByteBuffer.allocateDirect(blockBytes()) : null;
        ByteBuffer part = null;
        for (int i = firstBlock; i < endBlock; i++) {
            int start = i * blockBytes;
            int length = i == blockAt.length - 1 ? lastBlockBytes : blockBytes;
            boolean inside = start >= from && start + length <= to;
            ByteBuffer target;
            int targetAt;
            if (inside) {
                target = out;
                targetAt = start - from;
            } else {
                part = part == null ? ByteBuffer.allocateDirect(blockBytes()) : part;
                target = part;
                targetAt = 0;
            }
            decodeBlock(i, scratch, target, targetAt, length);
            if (!inside) {
                int lo = Math.max(start, from);
                int hi = Math.min(start + length, to);
                out.put(lo - from, part, targetAt + lo - start, hi - lo);
            }
        }
    }

    /**
     * Block {@code i} ({@code length} bytes) decoded to {@code targetAt} of {@code target}; a bitshuffle block is
     * first decompressed into {@code scratch}.
     */
    private void decodeBlock(int i, ByteBuffer scratch, ByteBuffer target, int targetAt, int length)
            throws ChunkFormatException {
        try {
            if (format == ChunkFormat.BITSHUFFLE_LZ4) {
                lz4(i, scratch, 0, length);
                ByteBuffer source = scratch.duplicate().position(0).limit(length).slice();
                ByteBuffer destination = target.duplicate().position(targetAt).limit(targetAt + length).slice();
                BitShuffle.unshuffle(source, shuffleType(), destination);
            } else {
                lz4(i, target, targetAt, length);
            }
        } catch (IOException | RuntimeException e) {
            throw new ChunkFormatException(name(format) + " chunk's block " + i + " does not decode: "
                    + e.getMessage(), e);
        }
    }

    /** Receives a chunk's decoded bytes piece by piece, in order (see {@link #decodeInPieces}). */
    @FunctionalInterface
    public interface Pieces {

        /**
         * @param offset where the piece starts in the decoded chunk, in bytes
         * @param piece  the decoded bytes, little-endian, from position 0 to its limit; valid during this call only
         *               (the buffer is reused for the next piece)
         */
        void accept(int offset, ByteBuffer piece) throws IOException;
    }

    /**
     * Decodes the bytes {@code from} to {@code to} (exclusive) block by block on the calling thread and hands each
     * block's share of the range to {@code sink}, in order, without ever holding the range decoded: one block-sized
     * buffer (two for bitshuffle) serves every block. A viewer that bins a 16-Mpixel frame this way keeps 8 KiB of
     * it in cache instead of writing and re-reading 64 MiB. Pieces begin and end on element boundaries when
     * {@code from} and {@code to} do, except in an LZ4 chunk whose block size is not a whole number of elements:
     * that range is decoded whole and handed over as one piece. Callers split a frame into ranges to use several
     * threads.
     *
     * @throws ChunkFormatException if a block does not decompress to its size
     */
    public void decodeInPieces(int from, int to, Pieces sink) throws IOException {
        if (from < 0 || to > decodedBytes || from > to) {
            throw new IndexOutOfBoundsException("Bytes " + from + ".." + to + " of a chunk of " + decodedBytes);
        }
        if (format == ChunkFormat.LZ4 && blockBytes() % elementSize != 0) {
            sink.accept(from, decode(from, to, null, 1));
            return;
        }
        int first = Math.min(from / blockBytes(), blockAt.length);
        int end = from >= tailFrom ? first : Math.min(blockAt.length, (int) (((long) to + blockBytes() - 1)
                / blockBytes()));
        if (first < end) {
            int capacity = Math.min(blockBytes(), decodedBytes);
            ByteBuffer scratch = format == ChunkFormat.BITSHUFFLE_LZ4 ? ByteBuffer.allocateDirect(capacity) : null;
            ByteBuffer block = ByteBuffer.allocateDirect(capacity);
            for (int i = first; i < end; i++) {
                int start = i * blockBytes;
                int length = i == blockAt.length - 1 ? lastBlockBytes : blockBytes;
                decodeBlock(i, scratch, block, 0, length);
                int lo = Math.max(start, from);
                int hi = Math.min(start + length, to);
                if (lo < hi) {
                    sink.accept(lo, block.duplicate().position(lo - start).limit(hi - start).slice()
                            .order(ByteOrder.LITTLE_ENDIAN));
                }
            }
        }
        int lo = Math.max(from, tailFrom);
        if (lo < to) {
            sink.accept(lo, chunk.duplicate().position(tailAt + lo - tailFrom).limit(tailAt + to - tailFrom).slice()
                    .order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    /** Decompresses block {@code i} to {@code length} bytes at {@code at} of {@code target}. */
    private void lz4(int i, ByteBuffer target, int at, int length) throws ChunkFormatException {
        int p = blockAt[i];
        int compressed = chunk.getInt(p);
        if (format == ChunkFormat.LZ4 && compressed == length) {
            target.put(at, chunk, p + 4, length); // stored, not compressed
            return;
        }
        try {
            int n = LZ4.decompress(chunk, p + 4, compressed, target, at, length);
            if (n != length) {
                throw new ChunkFormatException(name(format) + " chunk's block " + i + " decodes to " + n
                        + " bytes instead of " + length);
            }
        } catch (LZ4Exception e) {
            throw new ChunkFormatException(name(format) + " chunk's block " + i + " is not valid LZ4: "
                    + e.getMessage(), e);
        }
    }

    /** The last {@code n % 8} elements of a bitshuffle chunk, stored after the blocks as they are. */
    private void copyTail(ByteBuffer out, int from, int to) {
        int lo = Math.max(from, tailFrom);
        if (lo < to) {
            out.put(lo - from, chunk, tailAt + lo - tailFrom, to - lo);
        }
    }

    private BitShuffleType shuffleType() {
        return switch (elementSize) {
            case 1 -> BitShuffleType.BYTE;
            case 2 -> BitShuffleType.SHORT;
            case 4 -> BitShuffleType.INT;
            default -> BitShuffleType.LONG;
        };
    }

    private static String name(ChunkFormat format) {
        return format == ChunkFormat.BITSHUFFLE_LZ4 ? "Bitshuffle/LZ4" : "LZ4";
    }
}
