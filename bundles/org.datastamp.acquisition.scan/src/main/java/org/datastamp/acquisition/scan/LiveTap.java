package org.datastamp.acquisition.scan;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.detector.api.Frame;

/**
 * Keeps the newest frame of each detector for live viewers, at most {@code rateHz} frames per second and detector.
 * The writer thread calls {@link #offer} for every frame: it costs a clock read and, for a kept frame, a read-only
 * view of the buffer (no pixel is copied) and a map write; it never waits for a lock, so viewers can never slow
 * the writer down. Frames are immutable; every viewer gets its own view with its own position.
 */
final class LiveTap implements LiveFrames {

    private record Kept(Frame frame, long atNanos) {
    }

    private final long periodNanos;
    private final boolean enabled;
    private final LongSupplier nanoTime;
    private final Map<String, Kept> newest = new ConcurrentHashMap<>();

    /**
     * @param rateHz   frames kept per second and detector; 0 keeps none
     * @param nanoTime monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    LiveTap(double rateHz, LongSupplier nanoTime) {
        if (!(rateHz >= 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("The live frame rate must be 0 or positive, got " + rateHz);
        }
        this.enabled = rateHz > 0;
        this.periodNanos = enabled ? (long) (1e9 / rateHz) : Long.MAX_VALUE;
        this.nanoTime = nanoTime;
    }

    /** Offers a frame just written; keeps it if the detector's last kept frame is at least one period old. */
    void offer(String detectorId, Frame frame) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        Kept last = newest.get(detectorId);
        if (last != null && now - last.atNanos() < periodNanos && frame.index() > last.frame().index()) {
            return;
        }
        // One scan writes per detector at a time, so this check-then-put has a single writer per key.
        newest.put(detectorId, new Kept(view(frame), now));
    }

    @Override
    public Optional<Frame> latest(String detectorId) {
        Kept kept = newest.get(detectorId);
        return kept == null ? Optional.empty() : Optional.of(view(kept.frame()));
    }

    /** The same frame over a read-only view of its bytes, with a position of its own. */
    private static Frame view(Frame f) {
        return new Frame(f.index(), f.geometry(), f.encoding(), f.pixels().asReadOnlyBuffer(), f.timestamp());
    }
}
