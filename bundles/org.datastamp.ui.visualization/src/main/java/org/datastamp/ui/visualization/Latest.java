package org.datastamp.ui.visualization;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one session's background work one task at a time, skipping tasks that were replaced before they started:
 * while a frame renders, dragging the slider over ten frames renders only the last one. Once closed (the view
 * was disposed, or its component shut the executor down) further tasks are dropped: nobody would see them.
 */
final class Latest {

    private final Executor executor;
    private final AtomicReference<Runnable> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    Latest(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code task} after the one running now, instead of any task still waiting. */
    void submit(Runnable task) {
        if (closed) {
            return;
        }
        pending.set(task);
        drain();
    }

    void close() {
        closed = true;
        pending.set(null);
    }

    boolean isClosed() {
        return closed;
    }

    private void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    Runnable task;
                    while (!closed && (task = pending.getAndSet(null)) != null) {
                        task.run();
                    }
                } finally {
                    running.set(false);
                }
                if (!closed && pending.get() != null) {
                    drain();
                }
            });
        } catch (RejectedExecutionException e) {
            // The view component is deactivating; the workbench closes this view next.
            closed = true;
            running.set(false);
        }
    }
}
