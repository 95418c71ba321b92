package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.datastamp.detector.api.Frame;

/**
 * The bounded hand-over between the detector's receiving thread and the scan's writer thread, limited both in
 * frames and in bytes so a burst of large frames cannot exhaust the heap. When full it blocks the producer
 * (backpressure) or drops and counts the frame, as configured. A writer that fails {@link #fail}s the queue: the
 * producer's next {@link #put} throws, which stops the detector.
 */
final class FrameQueue {

    private final int maxFrames;
    private final long maxBytes;
    private final WhenQueueFull whenFull;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private long bytes;
    private long dropped;
    private boolean closed;
    private String failure;

    FrameQueue(int maxFrames, long maxBytes, WhenQueueFull whenFull) {
        if (maxFrames < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("A frame queue holds at least 1 frame and 1 byte, got " + maxFrames
                    + " frames and " + maxBytes + " bytes");
        }
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.whenFull = whenFull;
    }

    /**
     * Hands a frame to the writer.
     *
     * @return {@code true} if queued, {@code false} if dropped because the queue was full in drop mode
     * @throws IOException            if the writer failed (the message says why) or the input was closed
     * @throws InterruptedIOException if the producer was interrupted while waiting for room
     */
    boolean put(Frame frame) throws IOException {
        long size = frame.pixels().remaining();
        lock.lock();
        try {
            while (failure == null && !closed && !fits(size)) {
                if (whenFull == WhenQueueFull.DROP) {
                    dropped++;
                    return false;
                }
                notFull.await();
            }
            if (failure != null) {
                throw new IOException(failure);
            }
            if (closed) {
                throw new IOException("Frame " + frame.index() + " arrived after the scan's input was closed");
            }
            frames.addLast(frame);
            bytes += size;
            notEmpty.signal();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the writer to make room for frame "
                    + frame.index());
        } finally {
            lock.unlock();
        }
    }

    /** A frame larger than the byte limit on its own still passes when the queue is empty, or it never could. */
    private boolean fits(long size) {
        return frames.isEmpty() || (frames.size() < maxFrames && bytes + size <= maxBytes);
    }

    /** The next frame, or {@code null} if none arrived within the timeout or the input is closed and drained. */
    Frame poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (frames.isEmpty() && !closed && nanos > 0) {
                nanos = notEmpty.awaitNanos(nanos);
            }
            Frame frame = frames.pollFirst();
            if (frame != null) {
                bytes -= frame.pixels().remaining();
                notFull.signal();
            }
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** Whether no frame will come any more: the input is closed and every frame was taken. */
    boolean drained() {
        lock.lock();
        try {
            return closed && frames.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** The producer is done (the acquisition ended, well or not); the writer takes what is left and stops. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer failed: the producer's next (or waiting) put throws with {@code reason}; queued frames are let go. */
    void fail(String reason) {
        lock.lock();
        try {
            if (failure == null) {
                failure = reason;
            }
            frames.clear();
            bytes = 0;
            notFull.signalAll();
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Frames dropped so far because the queue was full. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
