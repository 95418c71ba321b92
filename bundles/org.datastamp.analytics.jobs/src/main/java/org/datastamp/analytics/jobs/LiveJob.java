package org.datastamp.analytics.jobs;

import java.util.concurrent.Future;

import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.catalog.api.Viewer;

/** A job queued or running in this process: what it needs to run and whether it was asked to stop. */
final class LiveJob {

    final String id;
    final JobRequest request;
    final Viewer viewer;
    private volatile Future<?> future;
    private volatile boolean running;
    private volatile JobState stopState;
    private volatile String stopMessage;

    LiveJob(String id, JobRequest request, Viewer viewer) {
        this.id = id;
        this.request = request;
        this.viewer = viewer;
    }

    void runAs(Future<?> task) {
        this.future = task;
    }

    /**
     * Asks the job to stop, ending {@code state} (CANCELLED, or FAILED when its plugin left or the service stops)
     * with {@code message}. The first reason given stays; the worker is interrupted so a plugin waiting on I/O or a
     * recall stops too.
     */
    synchronized void stop(JobState state, String message) {
        if (stopState == null) {
            stopState = state;
            stopMessage = message;
        }
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
    }

    /** A worker took the job up. */
    void running() {
        running = true;
    }

    boolean isRunning() {
        return running;
    }

    boolean stopped() {
        return stopState != null;
    }

    JobState stopState() {
        return stopState;
    }

    String stopMessage() {
        return stopMessage;
    }
}
