package org.datastamp.core.bitshuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.datastamp.detector.dectris.simulator.ChunkEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterChunkTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);
    private final ChunkEncoder encoder = new ChunkEncoder();

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** {@code elements} values of {@code size} bytes that compress, but not to nothing. */
    private static byte[] raw(int elements, int size) {
        ByteBuffer b = ByteBuffer.allocate(elements * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < elements; i++) {
            long v = (i * 7L) % 100_003 + (i % 13 == 0 ? 1L << (8 * size - 2) : 0);
            for (int k = 0; k < size; k++) {
                b.put((byte) (v >>> (8 * k)));
            }
        }
        return b.array();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.capacity()];
        b.get(0, out);
        return out;
    }

    @ParameterizedTest(name = "{0} elements of {1} bytes")
    @CsvSource({"37003, 4", "37000, 4", "2048, 4", "7, 4", "40961, 2", "100001, 1", "5003, 8", "0, 4"})
    void bitshuffleChunksDecodeToTheBytesTheyWereMadeFromOnOneThreadOrSeveral(int elements, int size)
            throws Exception {
        byte[] raw = raw(elements, size);
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(encoder.bslz4Chunk(raw, size)),
                ChunkFormat.BITSHUFFLE_LZ4, size);
        assertEquals(raw.length, chunk.decodedBytes());
        assertArrayEquals(raw, bytes(chunk.decode(null, 1)));
        assertArrayEquals(raw, bytes(chunk.decode(POOL, 3)));
    }

    @Test
    void anyRangeOfBytesDecodesToThatPartOnly() throws Exception {
        byte[] raw = raw(37003, 4); // 18 full 8 KiB blocks, a 136-element block and 3 elements stored as they are
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(encoder.bslz4Chunk(raw, 4)), ChunkFormat.BITSHUFFLE_LZ4,
                4);
        int[][] ranges = {{0, 8192}, {100, 200}, {8000, 8300}, {8192 * 3, 8192 * 7 + 5}, {147000, raw.length},
            {raw.length - 12, raw.length}, {raw.length - 5, raw.length - 1}, {500, 500}, {1, raw.length - 1}};
        for (int[] r : ranges) {
            assertArrayEquals(Arrays.copyOfRange(raw, r[0], r[1]), bytes(chunk.decode(r[0], r[1], POOL, 2)),
                    "bytes " + r[0] + ".." + r[1]);
        }
    }

    /** The pieces {@code decodeInPieces} hands over, checked to come in order and put together. */
    private static byte[] pieces(FilterChunk chunk, int from, int to) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(to - from);
        chunk.decodeInPieces(from, to, (offset, piece) -> {
            assertEquals(from + out.position(), offset, "pieces come in order, without gaps");
            assertEquals(ByteOrder.LITTLE_ENDIAN, piece.order());
            out.put(piece);
        });
        assertEquals(to - from, out.position());
        return out.array();
    }

    @Test
    void rangesDecodedInPiecesPutTogetherAreTheRange() throws Exception {
        byte[] raw = raw(37003, 4);
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(encoder.bslz4Chunk(raw, 4)), ChunkFormat.BITSHUFFLE_LZ4,
                4);
        int[][] ranges = {{0, raw.length}, {0, 8192}, {100, 200}, {8000, 8300}, {147000, raw.length},
            {raw.length - 12, raw.length}, {raw.length - 8, raw.length - 4}, {500, 500}};
        for (int[] r : ranges) {
            assertArrayEquals(Arrays.copyOfRange(raw, r[0], r[1]), pieces(chunk, r[0], r[1]),
                    "bytes " + r[0] + ".." + r[1]);
        }
        byte[] small = raw(30001, 2);
        FilterChunk lz4 = FilterChunk.parse(ByteBuffer.wrap(encoder.lz4Chunk(small)), ChunkFormat.LZ4, 2);
        assertArrayEquals(small, pieces(lz4, 0, small.length));
        assertArrayEquals(Arrays.copyOfRange(small, 1000, 4002), pieces(lz4, 1000, 4002));
    }

    /** An LZ4 filter chunk cut into blocks of {@code blockBytes}, as HDF5's LZ4 filter writes with a block size. */
    private static byte[] lz4Blocks(byte[] raw, int blockBytes) {
        net.jpountz.lz4.LZ4Compressor lz4 = net.jpountz.lz4.LZ4Factory.fastestInstance().fastCompressor();
        ByteBuffer out = ByteBuffer.allocate(12 + raw.length * 2 + 1024).order(ByteOrder.BIG_ENDIAN);
        out.putLong(raw.length).putInt(blockBytes);
        for (int at = 0; at < raw.length; at += blockBytes) {
            byte[] block = lz4.compress(Arrays.copyOfRange(raw, at, Math.min(raw.length, at + blockBytes)));
            out.putInt(block.length).put(block);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    @ParameterizedTest(name = "blocks of {0} bytes")
    @CsvSource({"1000", "999"})
    void lz4ChunksOfSeveralBlocksDecodeInPiecesEvenWhenBlocksSplitElements(int blockBytes) throws Exception {
        byte[] raw = raw(30001, 2);
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(lz4Blocks(raw, blockBytes)), ChunkFormat.LZ4, 2);
        assertArrayEquals(raw, bytes(chunk.decode(POOL, 2)));
        assertArrayEquals(raw, pieces(chunk, 0, raw.length));
        assertArrayEquals(Arrays.copyOfRange(raw, 998, 5004), pieces(chunk, 998, 5004));
    }

    @Test
    void lz4ChunksDecodeWholeOrInPart() throws Exception {
        byte[] raw = raw(30001, 2);
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(encoder.lz4Chunk(raw)), ChunkFormat.LZ4, 2);
        assertArrayEquals(raw, bytes(chunk.decode(POOL, 2)));
        assertArrayEquals(Arrays.copyOfRange(raw, 999, 4001), bytes(chunk.decode(999, 4001, POOL, 2)));
    }

    @Test
    void lz4BlocksStoredUncompressedAreCopied() throws Exception {
        byte[] raw = new byte[64];
        new java.util.Random(4).nextBytes(raw); // random bytes do not compress: the encoder stores them
        byte[] encoded = encoder.lz4Chunk(raw);
        assertEquals(12 + 4 + 64, encoded.length);
        assertArrayEquals(raw, bytes(FilterChunk.parse(ByteBuffer.wrap(encoded), ChunkFormat.LZ4, 1)
                .decode(null, 1)));
    }

    @Test
    void theChunkIsReadFromTheBuffersPosition() throws Exception {
        byte[] raw = raw(5000, 4);
        byte[] encoded = encoder.bslz4Chunk(raw, 4);
        ByteBuffer padded = ByteBuffer.allocateDirect(encoded.length + 9);
        padded.position(9).put(encoded).position(9);
        assertArrayEquals(raw, bytes(FilterChunk.parse(padded, ChunkFormat.BITSHUFFLE_LZ4, 4).decode(POOL, 2)));
    }

    @Test
    void aCorruptBlockIsAFormatErrorNamingTheBlock() throws Exception {
        byte[] encoded = encoder.bslz4Chunk(raw(37003, 4), 4);
        Arrays.fill(encoded, 20, 60, (byte) 0x55);
        FilterChunk chunk = FilterChunk.parse(ByteBuffer.wrap(encoded), ChunkFormat.BITSHUFFLE_LZ4, 4);
        ChunkFormatException e = assertThrows(ChunkFormatException.class, () -> chunk.decode(POOL, 2));
        assertTrue(e.getMessage().contains("block 0"), e.getMessage());
    }

    @Test
    void aTruncatedChunkIsRefusedWhenParsed() {
        byte[] encoded = encoder.bslz4Chunk(raw(37003, 4), 4);
        ChunkFormatException e = assertThrows(ChunkFormatException.class, () -> FilterChunk.parse(
                ByteBuffer.wrap(Arrays.copyOf(encoded, encoded.length - 20)), ChunkFormat.BITSHUFFLE_LZ4, 4));
        assertTrue(e.getMessage().contains("beyond the chunk's end") || e.getMessage().contains("lacks"),
                e.getMessage());
    }

    @Test
    void bitshuffleBlocksLargerThanTheDefaultAreRefusedNotMisread() {
        ByteBuffer header = ByteBuffer.allocate(16).putLong(65536).putInt(4096 * 4).putInt(0);
        ChunkFormatException e = assertThrows(ChunkFormatException.class, () -> FilterChunk.parse(header.flip(),
                ChunkFormat.BITSHUFFLE_LZ4, 4));
        assertTrue(e.getMessage().contains("4096 elements"), e.getMessage());
    }
}
