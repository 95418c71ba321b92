package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.junit.jupiter.api.Test;

class FrameStackTest {

    private static final FrameGeometry G = new FrameGeometry(3, 2, PixelType.UINT16);

    private static Frame frame(long index, FrameGeometry g, int... values) {
        ByteBuffer b = ByteBuffer.allocate((int) g.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        // Consumers get read-only buffers whose byte order they must not rely on.
        return new Frame(index, g, b.flip().asReadOnlyBuffer(), Instant.EPOCH);
    }

    @Test
    void framesBecomeRowsOfTheTypedArrayKeepingUnsignedBits() throws Exception {
        FrameStack stack = new FrameStack(G, 2);
        stack.add(frame(0, G, 1, 2, 3, 4, 5, 65535));
        stack.add(frame(1, G, 6, 7, 8, 9, 10, 11));

        short[][][] frames = (short[][][]) stack.frames();

        assertArrayEquals(new short[] {1, 2, 3}, frames[0][0]);
        assertArrayEquals(new short[] {4, 5, (short) 65535}, frames[0][1]);
        assertArrayEquals(new short[] {9, 10, 11}, frames[1][1]);
        assertEquals(true, stack.unsigned());
    }

    @Test
    void aFrameOfAnotherShapeOrOutOfOrderIsRefused() throws Exception {
        FrameStack stack = new FrameStack(G, 3);
        FrameGeometry other = new FrameGeometry(2, 3, PixelType.UINT16);

        assertEquals("Frame 0 is 2x3 UINT16 but the scan started with 3x2 UINT16",
                assertThrows(IOException.class, () -> stack.add(frame(0, other, 0, 0, 0, 0, 0, 0))).getMessage());
        assertEquals("Expected frame 0 next, the detector delivered frame 1",
                assertThrows(IOException.class, () -> stack.add(frame(1, G, 0, 0, 0, 0, 0, 0))).getMessage());
    }

    @Test
    void aShortSeriesYieldsOnlyTheFramesReceived() throws Exception {
        FrameStack stack = new FrameStack(G, 5);
        stack.add(frame(0, G, 1, 2, 3, 4, 5, 6));

        assertEquals(1, ((short[][][]) stack.frames()).length);
    }
}
