package org.datastamp.storage.fixity;

import java.io.InterruptedIOException;
import java.util.function.LongSupplier;

/**
 * Keeps a consumer at or below a rate (bytes per second, objects per second) by sleeping when it runs ahead, so an
 * audit leaves the tiers' bandwidth to ingest and recalls. Bursts are smoothed over {@link #SLACK_NANOS}: shorter
 * sleeps would cost more than they save.
 */
final class Throttle {

    /** Sleeps in the unit of {@link System#nanoTime()}. */
    @FunctionalInterface
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final long SLACK_NANOS = 10_000_000;

    private final double nanosPerUnit;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long next;
    private boolean started;

    /**
     * @param unitsPerSecond the limit; 0 or less for none
     */
    Throttle(double unitsPerSecond, LongSupplier clock, Sleeper sleeper) {
        this.nanosPerUnit = unitsPerSecond > 0 ? 1e9 / unitsPerSecond : 0;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static Throttle unlimited() {
        return new Throttle(0, System::nanoTime, n -> { });
    }

    static Throttle perSecond(double unitsPerSecond) {
        return new Throttle(unitsPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000,
                (int) (nanos % 1_000_000)));
    }

    /** Accounts for {@code units} just used, sleeping first if the consumer is ahead of the rate. */
    synchronized void acquire(long units) throws InterruptedIOException {
        if (nanosPerUnit == 0 || units <= 0) {
            return;
        }
        long now = clock.getAsLong();
        if (!started || next < now) {
            // idle time is not saved up for a later burst
            next = now;
            started = true;
        }
        next += (long) (units * nanosPerUnit);
        long ahead = next - now;
        if (ahead > SLACK_NANOS) {
            try {
                sleeper.sleepNanos(ahead);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Audit interrupted while keeping to its rate");
            }
        }
    }
}
