package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.detector.api.Frame;

/**
 * The writer side of a scan's pipeline, run on a thread the scan owns: takes frames from the {@link FrameQueue},
 * appends them to the scan file (created when the first frame shows the encoding), offers each to the live tap and
 * flushes every {@code flushEveryFrames} frames or {@code flushEveryMillis}, reporting the frames the files hold
 * after each flush. Ends when the queue is closed and drained, leaving the file open for the scan to finish; on an
 * error it fails the queue (stopping the detector) and closes the file with what was flushed.
 */
final class FrameWriter implements Runnable {

    /** Creates the scan's files once the first frame is known. */
    @FunctionalInterface
    interface Opener {
        ScanFile open(Frame first) throws IOException;
    }

    private final FrameQueue queue;
    private final Opener opener;
    private final PipelineSettings settings;
    private final LiveTap live;
    private final String detectorId;
    private final LongConsumer flushed;

    private ScanFile file;
    private long appended;
    private long onDisk;
    private Exception failure;

    /**
     * @param flushed told the frames on disk after every flush (the scan's {@code framesWritten})
     */
    FrameWriter(FrameQueue queue, Opener opener, PipelineSettings settings, LiveTap live, String detectorId,
            LongConsumer flushed) {
        this.queue = queue;
        this.opener = opener;
        this.settings = settings;
        this.live = live;
        this.detectorId = detectorId;
        this.flushed = flushed;
    }

    @Override
    public void run() {
        try {
            drain();
        } catch (IOException | RuntimeException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(new InterruptedIOException("The writer was interrupted (the scan service is stopping)"));
        }
    }

    private void drain() throws IOException, InterruptedException {
        long interval = settings.flushEveryMillis();
        long lastFlush = System.nanoTime();
        int sinceFlush = 0;
        while (true) {
            long waitMillis = sinceFlush == 0 ? interval
                    : Math.max(0, interval - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFlush));
            Frame frame = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
            if (frame != null) {
                if (file == null) {
                    file = opener.open(frame);
                }
                file.append(frame);
                appended++;
                sinceFlush++;
                live.offer(detectorId, frame);
            } else if (queue.drained()) {
                break;
            }
            boolean due = System.nanoTime() - lastFlush >= TimeUnit.MILLISECONDS.toNanos(interval);
            if (sinceFlush > 0 && (sinceFlush >= settings.flushEveryFrames() || due)) {
                flush();
                sinceFlush = 0;
                lastFlush = System.nanoTime();
            }
        }
        if (sinceFlush > 0) {
            flush();
        }
    }

    private void flush() throws IOException {
        onDisk = file.flush();
        flushed.accept(onDisk);
    }

    private void fail(Exception e) {
        failure = e;
        queue.fail("The scan's file writer failed after " + appended + " frames: " + e.getMessage());
        if (file != null) {
            try {
                file.close();
            } catch (IOException | RuntimeException c) {
                e.addSuppressed(c);
            }
        }
    }

    /** The scan's files, or {@code null} if no frame arrived. Read after the writer's thread has ended. */
    ScanFile file() {
        return file;
    }

    /** Frames appended to the file. */
    long appended() {
        return appended;
    }

    /** Frames the files held after the last flush. */
    long onDisk() {
        return onDisk;
    }

    /** Why the writer stopped early, or {@code null}; the file is then closed already. */
    Exception failure() {
        return failure;
    }
}
