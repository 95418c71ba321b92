package org.datastamp.ui.visualization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

class LatestTest {

    /** Runs tasks only when the test says so, like a busy thread pool. */
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final Executor manual = queued::add;

    @Test
    void tasksReplacedBeforeTheyStartAreSkipped() {
        Latest latest = new Latest(manual);
        List<Integer> ran = new ArrayList<>();
        latest.submit(() -> ran.add(1));
        latest.submit(() -> ran.add(2));
        latest.submit(() -> ran.add(3));
        assertEquals(1, queued.size(), "one drain at a time");
        queued.poll().run();
        assertEquals(List.of(3), ran);
    }

    @Test
    void aTaskSubmittedWhileAnotherRunsRunsAfterIt() {
        Latest latest = new Latest(manual);
        List<Integer> ran = new ArrayList<>();
        latest.submit(() -> {
            ran.add(1);
            latest.submit(() -> ran.add(2));
        });
        queued.poll().run();
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
        assertEquals(List.of(1, 2), ran);
    }

    @Test
    void nothingRunsAfterClose() {
        Latest latest = new Latest(manual);
        List<Integer> ran = new ArrayList<>();
        latest.submit(() -> ran.add(1));
        latest.close();
        latest.submit(() -> ran.add(2));
        queued.forEach(Runnable::run);
        assertEquals(List.of(), ran);
    }
}
