package org.datastamp.detector.dectris;

import java.util.EnumMap;
import java.util.Map;

/**
 * How one series went.
 *
 * @param seriesId       the detector's series number, -1 if none started
 * @param requested      frames the acquisition asked for
 * @param delivered      frames handed to the consumer, in order
 * @param declared       frames the series header announced, -1 if it did not say
 * @param skipped        frame indices never received before a later one arrived (gaps)
 * @param rejected       rejected messages by problem
 * @param endReceived    whether the detector's end-of-series message arrived
 */
record SeriesReport(long seriesId, long requested, long delivered, long declared, long skipped,
        Map<Problem, Long> rejected, boolean endReceived) {

    SeriesReport {
        rejected = Map.copyOf(rejected);
    }

    /** Requested frames that were not delivered, for whatever reason. */
    long dropped() {
        return Math.max(0, requested - delivered);
    }

    /** Rejected messages of one kind. */
    long rejected(Problem problem) {
        return rejected.getOrDefault(problem, 0L);
    }

    /** All rejected messages. */
    long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<Problem, Long> noProblems() {
        return new EnumMap<>(Problem.class);
    }
}
