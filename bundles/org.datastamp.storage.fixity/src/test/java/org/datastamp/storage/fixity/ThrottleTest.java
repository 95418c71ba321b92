package org.datastamp.storage.fixity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The throttle's sleeps, on a simulated clock. */
class ThrottleTest {

    long now = 1_000_000_000L;
    List<Long> sleeps = new ArrayList<>();

    private Throttle throttle(double perSecond) {
        return new Throttle(perSecond, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void readingTwoHundredMegabytesAtOneHundredPerSecondTakesTwoSeconds() throws Exception {
        Throttle throttle = throttle(100e6);

        for (int i = 0; i < 200; i++) {
            throttle.acquire(1_000_000);
        }

        long elapsed = now - 1_000_000_000L;
        assertTrue(elapsed > 2_000_000_000L - Throttle.SLACK_NANOS && elapsed <= 2_000_000_000L, "slept " + elapsed);
        assertTrue(sleeps.stream().allMatch(s -> s > Throttle.SLACK_NANOS), "no sleeps shorter than the slack");
    }

    @Test
    void idleTimeIsNotSavedUpForABurst() throws Exception {
        Throttle throttle = throttle(100);
        throttle.acquire(1);
        now += 60_000_000_000L; // a minute idle

        throttle.acquire(200);

        assertEquals(2_000_000_000L, sleeps.get(sleeps.size() - 1), 10_000_001L);
    }

    @Test
    void zeroMeansUnlimited() throws Exception {
        Throttle throttle = throttle(0);

        throttle.acquire(Long.MAX_VALUE / 2);

        assertEquals(List.of(), sleeps);
    }
}
