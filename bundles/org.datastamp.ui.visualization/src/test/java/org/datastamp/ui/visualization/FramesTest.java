package org.datastamp.ui.visualization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.datastamp.visualization.api.DatasetInfo;
import org.junit.jupiter.api.Test;

class FramesTest {

    private static DatasetInfo shaped(Long... shape) {
        return new DatasetInfo(List.of(shape), "uint16", true, "chunked", List.of(), List.of());
    }

    @Test
    void aStackSlidesOverItsFirstDimensionAndHigherRanksKeepTheRestAtZero() {
        assertEquals(10, FilePanel.frames(shaped(10L, 256L, 256L)));
        assertEquals("3", FilePanel.leading(shaped(10L, 256L, 256L), 3));
        assertEquals("0,3", FilePanel.leading(shaped(2L, 10L, 256L, 256L), 3));
        assertEquals(1, FilePanel.frames(shaped(256L, 256L)));
        assertEquals("", FilePanel.leading(shaped(256L, 256L), 0));
    }
}
