package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.datastamp.storage.api.StorageException;

/**
 * The read-back checks of one copy. For a target that reads at once, each written object is read back on a thread of
 * this copy's own while the next object is written (the write waits on the device, the check on the CPU); for a tape
 * target the checks wait until everything is written, so that one recall brings all objects back. Either way the
 * copy counts only after {@link #finish} returned, and {@link #close} stops the thread before the caller deletes
 * anything.
 */
final class ReadBack implements AutoCloseable {

    /** Reads one object back from the target and throws if its digest is not the expected one. */
    interface Check {
        void run() throws StorageException, IOException;
    }

    private static final Check END = () -> { };

    private final BlockingQueue<Check> queue;
    private final List<Check> deferred;
    private final Thread thread;
    /** The first failure; any Throwable, so that no check that died unexpectedly lets a copy count. */
    private volatile Throwable failure;

    private ReadBack(int capacity, String threadName) {
        this.queue = threadName == null ? null : new ArrayBlockingQueue<>(capacity + 1);
        this.deferred = threadName == null ? new ArrayList<>() : null;
        this.thread = threadName == null ? null : new Thread(this::drain, threadName);
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Checks run while the next objects are written; at most {@code objects} checks are submitted. */
    static ReadBack concurrent(int objects, String threadName) {
        return new ReadBack(objects, threadName);
    }

    /** Checks run by {@link #finish}, in the order given. */
    static ReadBack deferred() {
        return new ReadBack(0, null);
    }

    /** Queues a check; throws at once if an earlier check failed, so the copy stops writing. */
    void submit(Check check) throws StorageException, IOException {
        rethrow();
        if (queue == null) {
            deferred.add(check);
        } else if (!queue.offer(check)) {
            throw new IllegalStateException("more read-back checks than announced");
        }
    }

    /** Returns once every check passed; throws the first failure. */
    void finish() throws StorageException, IOException {
        if (queue == null) {
            for (Check check : deferred) {
                check.run();
            }
            return;
        }
        queue.add(END);
        join();
        rethrow();
    }

    @Override
    public void close() {
        if (thread != null && thread.isAlive()) {
            thread.interrupt();
            join();
        }
    }

    private void drain() {
        try {
            for (Check check = queue.take(); check != END; check = queue.take()) {
                check.run();
            }
        } catch (InterruptedException e) {
            failure = new StorageException("Read-back interrupted");
        } catch (Exception | Error e) {
            failure = e;
        }
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws StorageException, IOException {
        Throwable e = failure;
        if (e instanceof Error error) {
            throw error;
        }
        if (e instanceof StorageException se) {
            throw se;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e != null) {
            throw new StorageException("Read-back failed: " + e, e);
        }
    }
}
