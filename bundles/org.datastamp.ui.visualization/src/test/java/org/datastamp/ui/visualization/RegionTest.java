package org.datastamp.ui.visualization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {

    private final Region whole = Region.full(4096, 4096);

    @Test
    void zoomingInTwiceAroundTheCentreShowsTheMiddleQuarter() {
        Region zoomed = whole.zoom(2, 2048, 2048);
        assertEquals(new Region(1024, 1024, 2048, 2048, 4096, 4096), zoomed);
        assertEquals("1024:3072,1024:3072", zoomed.slice(""));
        assertEquals("7,1024:3072,1024:3072", zoomed.slice("7"));
    }

    @Test
    void zoomingNearAnEdgeStaysInsideTheFrame() {
        Region corner = whole.zoom(8, 10, 4090);
        assertEquals(0, corner.x());
        assertEquals(4096 - 512, corner.y());
        assertEquals(512, corner.width());
    }

    @Test
    void zoomingOutNeverExceedsTheFrameAndZoomingInStopsAtTheMinimumSize() {
        assertTrue(whole.zoom(2, 100, 100).zoom(0.1, 0, 0).isFull());
        Region tiny = whole.zoom(10_000, 50, 50);
        assertEquals(Region.MIN_SIZE, tiny.width());
        assertEquals(Region.MIN_SIZE, tiny.height());
    }

    @Test
    void aDraggedRectangleBecomesTheRegionWhicheverCornerCameFirst() {
        Region selected = whole.select(300, 200, 100, 100);
        assertEquals(new Region(100, 100, 201, 101, 4096, 4096), selected);
    }

    @Test
    void panningStopsAtTheFrameEdge() {
        Region zoomed = whole.zoom(4, 2048, 2048);
        assertEquals(0, zoomed.pan(-10, 0).x());
        assertEquals(4096 - zoomed.width(), zoomed.pan(0, 10).y());
        assertEquals(zoomed.x() + zoomed.width() / 2, zoomed.pan(0.5, 0).x());
    }

    @Test
    void aRegionOutsideItsFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Region(4000, 0, 200, 10, 4096, 4096));
    }

    @Test
    void screenPixelsMapToSourcePixelsThroughBinningOrMagnification() {
        Screen binned = new Screen(whole, 8, 1);
        assertEquals(80, binned.sourceX(10));
        assertEquals(4095, binned.sourceY(10_000));
        Region zoomed = new Region(100, 200, 64, 64, 4096, 4096);
        assertEquals(8, Screen.magnification(zoomed, 512, 600));
        Screen magnified = new Screen(zoomed, 1, 8);
        assertEquals(100 + 3, magnified.sourceX(31));
        assertEquals(200 + 4, magnified.sourceY(32));
    }
}
