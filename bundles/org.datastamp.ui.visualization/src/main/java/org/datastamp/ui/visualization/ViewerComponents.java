package org.datastamp.ui.visualization;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads a viewer component owns: a small pool for reading and rendering, shared by its sessions. */
final class ViewerComponents {

    /** Two threads: rendering is CPU-bound and this is a small server; each session runs one task at a time. */
    static final int THREADS = 2;

    private ViewerComponents() {
    }

    static ScheduledExecutorService executor(String name) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newScheduledThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
