package org.datastamp.ui.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChartScaleTest {

    @Test
    void theAxisTopIsOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(1, ChartScale.niceCeiling(0));
        assertEquals(1, ChartScale.niceCeiling(1));
        assertEquals(2, ChartScale.niceCeiling(1.01));
        assertEquals(5, ChartScale.niceCeiling(3));
        assertEquals(10, ChartScale.niceCeiling(7.5));
        assertEquals(2e12, ChartScale.niceCeiling(1.3e12));
        assertEquals(500, ChartScale.niceCeiling(500));
        assertEquals(0.2, ChartScale.niceCeiling(0.15), 1e-15);
    }

    @Test
    void valuesBecomePixelsClampedToTheAxis() {
        assertEquals(50, ChartScale.pixels(1, 2, 100));
        assertEquals(100, ChartScale.pixels(3, 2, 100));
        assertEquals(0, ChartScale.pixels(-1, 2, 100));
        assertEquals(0, ChartScale.pixels(1, 0, 100));
    }

    @Test
    void barsShareTheWidthEvenly() {
        assertEquals(10, ChartScale.barLeft(0, 4, 10, 100));
        assertEquals(35, ChartScale.barLeft(1, 4, 10, 100));
        assertEquals(110, ChartScale.barLeft(4, 4, 10, 100));
    }
}
