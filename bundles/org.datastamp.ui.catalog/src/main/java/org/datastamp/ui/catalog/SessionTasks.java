package org.datastamp.ui.catalog;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work of one view in one browser session, on the executor its view component owns. Once the session's
 * view is closed, or the component has shut the executor down, further work is dropped: there is nobody to show
 * it to.
 */
final class SessionTasks {

    private final ScheduledExecutorService executor;
    private volatile boolean closed;

    SessionTasks(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    void run(Runnable task) {
        later(Duration.ZERO, task);
    }

    void later(Duration delay, Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.schedule(() -> {
                if (!closed) {
                    task.run();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The view component is deactivating; the workbench closes this view next.
            closed = true;
        }
    }

    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }
}
