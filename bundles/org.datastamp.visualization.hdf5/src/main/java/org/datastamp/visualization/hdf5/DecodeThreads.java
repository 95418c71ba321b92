package org.datastamp.visualization.hdf5;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reader's decode threads: a fixed number of daemon threads with a bounded queue. A decode splits a chunk into
 * one run per thread and works on one run itself, so the queue holds a few runs per concurrent request; if it is
 * full (or the component stopped), the requesting thread decodes the run itself instead of queueing more.
 */
final class DecodeThreads {

    private DecodeThreads() {
    }

    static ExecutorService start(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64 * threads),
                r -> {
                    Thread t = new Thread(r, "datastamp-hdf5-decode-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> task.run()); // full or shut down: the caller runs it (never dropped)
    }
}
