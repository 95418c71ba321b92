package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.junit.jupiter.api.Test;

class LiveTapTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LiveTap tap = new LiveTap(10, nanos::get);

    private void offerAt(long millis, long index) {
        nanos.set(millis * 1_000_000);
        tap.offer("d", PipelineFakes.frame(index, FrameEncoding.RAW));
    }

    @Test
    void keepsTheNewestFrameAtMostAtTheConfiguredRate() {
        offerAt(0, 0);
        offerAt(50, 1);
        assertEquals(0, tap.latest("d").orElseThrow().index(), "frame 1 came within 100 ms of frame 0");
        offerAt(100, 2);
        assertEquals(2, tap.latest("d").orElseThrow().index());
        assertEquals(Optional.empty(), tap.latest("other"));
    }

    @Test
    void aNewScansFirstFrameReplacesTheLastScansAtOnce() {
        offerAt(0, 41);
        offerAt(10, 0);

        assertEquals(0, tap.latest("d").orElseThrow().index());
    }

    @Test
    void viewersGetReadOnlyViewsOfTheSamePixelsEachWithItsOwnPosition() {
        Frame offered = PipelineFakes.frame(7, FrameEncoding.RAW);
        tap.offer("d", offered);

        Frame first = tap.latest("d").orElseThrow();
        first.pixels().position(first.pixels().limit());
        Frame second = tap.latest("d").orElseThrow();

        assertTrue(second.pixels().isReadOnly());
        assertEquals(offered.pixels().remaining(), second.pixels().remaining());
        assertEquals(7, second.pixels().getShort(0), "the same bytes, not a copy of other ones");
    }

    @Test
    void aViewerThatHoldsAFrameForeverNeverSlowsTheWriter() throws Exception {
        // A clock that advances a whole period per reading: every frame is due.
        AtomicLong ticks = new AtomicLong();
        LiveTap everyFrame = new LiveTap(1e9, ticks::incrementAndGet);
        everyFrame.offer("d", PipelineFakes.frame(0, FrameEncoding.RAW));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Thread slowViewer = new Thread(() -> {
            Frame f = everyFrame.latest("d").orElseThrow();
            holding.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                return;
            }
            f.pixels().get();
        });
        slowViewer.start();
        holding.await();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int i = 1; i <= 100_000; i++) {
                    everyFrame.offer("d", PipelineFakes.frame(i, FrameEncoding.RAW));
                }
            });
            assertEquals(100_000, everyFrame.latest("d").orElseThrow().index());
        } finally {
            slowViewer.interrupt();
        }
    }
}
