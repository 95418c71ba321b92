package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

import org.datastamp.detector.api.FrameEncoding;
import org.junit.jupiter.api.Test;

class FrameQueueTest {

    private static final long FRAME = PipelineFakes.TINY.frameBytes();

    @Test
    void theByteLimitCountsAsWellAsTheFrameLimit() throws Exception {
        FrameQueue queue = new FrameQueue(100, 2 * FRAME, WhenQueueFull.DROP);

        assertTrue(queue.put(PipelineFakes.frame(0, FrameEncoding.RAW)));
        assertTrue(queue.put(PipelineFakes.frame(1, FrameEncoding.RAW)));
        assertFalse(queue.put(PipelineFakes.frame(2, FrameEncoding.RAW)));
        assertEquals(0, queue.poll(0, TimeUnit.SECONDS).index());
        assertTrue(queue.put(PipelineFakes.frame(3, FrameEncoding.RAW)));
        assertEquals(1, queue.dropped());
    }

    @Test
    void aFrameLargerThanTheByteLimitStillPassesAlone() throws Exception {
        FrameQueue queue = new FrameQueue(10, 1, WhenQueueFull.DROP);

        assertTrue(queue.put(PipelineFakes.frame(0, FrameEncoding.RAW)));
        assertFalse(queue.put(PipelineFakes.frame(1, FrameEncoding.RAW)));
    }

    @Test
    void aBlockedProducerInterruptedGetsAnInterruptedIoException() throws Exception {
        FrameQueue queue = new FrameQueue(1, 1L << 30, WhenQueueFull.BLOCK);
        queue.put(PipelineFakes.frame(0, FrameEncoding.RAW));
        Thread.currentThread().interrupt();

        assertThrows(InterruptedIOException.class, () -> queue.put(PipelineFakes.frame(1, FrameEncoding.RAW)));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the detector to see");
    }

    @Test
    void aClosedQueueIsDrainedThenEmpty() throws Exception {
        FrameQueue queue = new FrameQueue(4, 1L << 30, WhenQueueFull.BLOCK);
        queue.put(PipelineFakes.frame(0, FrameEncoding.RAW));
        queue.close();

        assertFalse(queue.drained());
        assertEquals(0, queue.poll(1, TimeUnit.SECONDS).index());
        assertNull(queue.poll(1, TimeUnit.SECONDS));
        assertTrue(queue.drained());
    }
}
