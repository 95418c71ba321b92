package org.datastamp.detector.dectris.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PixelPatternTest {

    @Test
    void pixelsAreLittleEndianRowByRow() {
        byte[] frame = PixelPattern.render(2, 10, 4, 16);
        int x = 3;
        int y = 2;
        int offset = (y * 10 + x) * 2;
        long read = (frame[offset] & 0xff) | (frame[offset + 1] & 0xff) << 8;
        assertEquals(PixelPattern.value(2, x, y, 16), read);
        assertTrue(read < 8 || read == 65534, "counts 0-7 or a hot pixel, got " + read);
    }

    @Test
    void thePatternRepeatsEveryPeriodFrames() {
        assertArrayEquals(PixelPattern.render(1, 33, 7, 32), PixelPattern.render(1 + PixelPattern.PERIOD, 33, 7, 32));
    }

    @Test
    void hotPixelsSetTheTopBit() {
        boolean seen = false;
        for (int y = 0; y < 64 && !seen; y++) {
            for (int x = 0; x < 64; x++) {
                seen |= PixelPattern.value(0, x, y, 32) == 0xFFFF_FFFEL;
            }
        }
        assertTrue(seen, "a 64x64 frame has hot pixels");
    }

    @Test
    void settingsRefuseWhatNoDetectorSends() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorSettings.of(3, 4, 4, 16, Compression.NONE, 1, "tcp://*:1"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorSettings.of(2, 4, 4, 12, Compression.NONE, 1, "tcp://*:1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Compression.parse("zstd"));
        assertTrue(e.getMessage().contains("none, lz4 or bslz4"), e.getMessage());
    }
}
