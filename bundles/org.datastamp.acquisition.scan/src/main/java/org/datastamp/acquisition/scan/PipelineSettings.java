package org.datastamp.acquisition.scan;

import java.util.Objects;

/**
 * How frames travel from the detector to the scan files; the validated form of that part of the configuration.
 *
 * @param queueFrames       frames the queue between the detector and the writer holds at most
 * @param queueBytes        bytes of frames the queue holds at most (a single larger frame is still let through)
 * @param whenQueueFull     block the detector's receiver or drop the frame when the queue is full
 * @param flushEveryFrames  the writer makes frames durable after this many appended frames...
 * @param flushEveryMillis  ...or after this long, whichever comes first
 * @param framesPerDataFile frames per HDF5 data file (streaming writer)
 * @param liveRateHz        frames per second and detector kept for live viewers; 0 keeps none
 */
record PipelineSettings(int queueFrames, long queueBytes, WhenQueueFull whenQueueFull, int flushEveryFrames,
        long flushEveryMillis, int framesPerDataFile, double liveRateHz) {

    /** Defaults, as in the scan service's configuration. */
    static final PipelineSettings DEFAULTS = new PipelineSettings(1024, 512L << 20, WhenQueueFull.BLOCK, 100, 1000,
            1000, 10);

    PipelineSettings {
        positive("queueFrames", queueFrames);
        positive("queueBytes (queueMegabytes)", queueBytes);
        Objects.requireNonNull(whenQueueFull, "whenQueueFull");
        positive("flushEveryFrames", flushEveryFrames);
        positive("flushIntervalMillis", flushEveryMillis);
        positive("framesPerDataFile", framesPerDataFile);
        if (!(liveRateHz >= 0) || Double.isInfinite(liveRateHz)) {
            throw new IllegalArgumentException("liveRateHz must be 0 (no live frames) or a positive rate, got "
                    + liveRateHz);
        }
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
