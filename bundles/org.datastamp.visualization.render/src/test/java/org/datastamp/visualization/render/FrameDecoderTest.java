package org.datastamp.visualization.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.simulator.ChunkEncoder;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.VisualizationException;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    // 1000 x 37 uint32: several 8 KiB bitshuffle blocks, a partial last block and a tail of < 8 elements
    private static final FrameGeometry GEOMETRY = new FrameGeometry(37, 1000, PixelType.UINT32);

    private static byte[] pixels() {
        ByteBuffer b = ByteBuffer.allocate((int) GEOMETRY.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 37 * 1000; i++) {
            b.putInt(i * 7 % 100_003);
        }
        return b.array();
    }

    private static void assertDecodes(FrameEncoding encoding, byte[] chunk) throws VisualizationException {
        NdArray a = FrameDecoder.pixels(new Frame(3, GEOMETRY, encoding, ByteBuffer.wrap(chunk), Instant.now()));
        assertEquals(1000, a.shape()[0]);
        assertEquals(37, a.shape()[1]);
        for (int i = 0; i < 37 * 1000; i++) {
            assertEquals(i * 7 % 100_003, a.data().getInt(i * 4), "pixel " + i);
        }
    }

    @Test
    void decodesBitshuffleLz4ChunksAsDectrisSendsThem() throws Exception {
        assertDecodes(FrameEncoding.BSLZ4, new ChunkEncoder().bslz4Chunk(pixels(), 4));
    }

    @Test
    void decodesLz4Chunks() throws Exception {
        assertDecodes(FrameEncoding.LZ4, new ChunkEncoder().lz4Chunk(pixels()));
    }

    @Test
    void rawFramesAreTakenAsTheyAre() throws Exception {
        assertDecodes(FrameEncoding.RAW, pixels());
    }

    @Test
    void aCorruptChunkIsAnErrorNamingTheFrame() {
        byte[] chunk = new ChunkEncoder().bslz4Chunk(pixels(), 4);
        java.util.Arrays.fill(chunk, 16, chunk.length, (byte) 0x55);
        VisualizationException e = assertThrows(VisualizationException.class, () -> FrameDecoder.pixels(
                new Frame(3, GEOMETRY, FrameEncoding.BSLZ4, ByteBuffer.wrap(chunk), Instant.now())));
        assertEquals(true, e.getMessage().startsWith("Frame 3"), e.getMessage());
    }
}
