package org.datastamp.analytics.jobs;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisException.Reason;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs: checked and recorded on submission, run by a bounded pool of workers, each state change written to the
 * catalogue's database. Jobs left live by a previous run of the platform are marked failed when the service starts,
 * so none is silently lost.
 */
final class JobService implements AnalysisJobs {

    private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

    static final String RESTARTED = "The job was interrupted by a restart of the platform; submit it again";
    static final int MAX_PAGE = 1000;

    private final JobEnvironment env;
    private final ThreadPoolExecutor pool;
    private final Map<String, LiveJob> live = new ConcurrentHashMap<>();

    JobService(JobEnvironment env) throws AnalysisException {
        this.env = env;
        int interrupted = env.store().failLive(RESTARTED, env.clock().instant());
        if (interrupted > 0) {
            LOG.warn("{} analysis jobs were interrupted by a restart of the platform and are marked failed",
                    interrupted);
        }
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "analysis-job-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(env.settings().workers(), env.settings().workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(env.settings().queueCapacity()), factory,
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public List<PluginDescription> plugins() {
        return env.plugins().descriptions();
    }

    @Override
    public AnalysisJob submit(JobRequest request, Viewer viewer) throws AnalysisException {
        if (viewer.username().isEmpty()) {
            throw new AnalysisException(Reason.FORBIDDEN, "Log in to run an analysis");
        }
        ProcessingPlugin plugin = env.plugins().get(request.pluginId()).orElseThrow(() -> new AnalysisException(
                Reason.NOT_FOUND, "No analysis plugin '" + request.pluginId() + "' (" + env.plugins().ids() + ")"));
        PluginDescription description = plugin.description();
        Map<String, String> parameters = ParameterCheck.effective(description, request.parameters());
        checkInputs(request.inputs(), viewer);
        JobRequest effective = new JobRequest(description.id(), request.inputs(), parameters, request.title());
        String id = "job-" + UUID.randomUUID();
        AnalysisJob job = new AnalysisJob(id, effective, description.version(), viewer.username(), JobState.QUEUED, 0,
                "Queued", env.clock().instant(), Optional.empty(), Optional.empty(), Optional.empty());
        env.store().insert(job);
        LiveJob running = new LiveJob(id, effective, viewer);
        FutureTask<Void> task = new FutureTask<>(() -> execute(running), null);
        running.runAs(task);
        live.put(id, running);
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            live.remove(id);
            env.store().delete(id);
            throw new AnalysisException(Reason.UNAVAILABLE, pool.isShutdown()
                    ? "The analysis service is stopping; submit the job again once it is back"
                    : "The analysis queue is full (" + env.settings().queueCapacity() + " jobs waiting for "
                            + env.settings().workers() + " workers); submit the job again later", e);
        }
        LOG.info("Job {} queued: plugin {} {} on {} for {}", id, description.id(), description.version(),
                request.inputs(), viewer.username());
        return job;
    }

    private void checkInputs(List<DatasetId> inputs, Viewer viewer) throws AnalysisException {
        if (new HashSet<>(inputs).size() != inputs.size()) {
            throw new AnalysisException(Reason.INVALID, "A job names each input dataset once, got " + inputs);
        }
        for (DatasetId id : inputs) {
            try {
                if (env.catalog().find(id, viewer).isEmpty()) {
                    throw new AnalysisException(Reason.NOT_FOUND, "Input dataset " + id + " not found");
                }
            } catch (CatalogException e) {
                throw new AnalysisException(Reason.UNAVAILABLE, "Could not read input dataset " + id
                        + " from the catalogue: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<AnalysisJob> job(String id, Viewer viewer) throws AnalysisException {
        return env.store().find(id).filter(j -> mayAccess(j, viewer));
    }

    private static boolean mayAccess(AnalysisJob job, Viewer viewer) {
        return viewer.seesEverything() || !viewer.username().isEmpty() && viewer.username().equals(job.submittedBy());
    }

    /** The viewer's jobs; curators and admins see everyone's. */
    @Override
    public List<AnalysisJob> jobs(Viewer viewer, int offset, int limit) throws AnalysisException {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new AnalysisException(Reason.INVALID, "offset must not be negative and limit must be between 1 and "
                    + MAX_PAGE + ", got offset " + offset + " and limit " + limit);
        }
        if (viewer.username().isEmpty()) {
            return List.of();
        }
        return env.store().list(viewer.seesEverything() ? "" : viewer.username(), offset, limit);
    }

    @Override
    public AnalysisJob cancel(String id, Viewer viewer) throws AnalysisException {
        AnalysisJob job = job(id, viewer).orElseThrow(() -> new AnalysisException(Reason.NOT_FOUND, "Job " + id
                + " not found"));
        if (job.state().isFinal()) {
            return job;
        }
        String by = "Cancelled by " + viewer.username();
        LiveJob running = live.get(id);
        if (env.store().cancelQueued(id, by + " before it started", env.clock().instant())) {
            if (running != null) {
                running.stop(JobState.CANCELLED, by);
                live.remove(id);
            }
        } else if (running != null) {
            running.stop(JobState.CANCELLED, by);
            env.store().note(id, "Cancelling: asked by " + viewer.username());
        } else {
            // Live in the table but not in this process: nothing runs it, so it ends here.
            env.store().finish(id, JobState.CANCELLED, by, env.clock().instant(), Optional.empty());
        }
        LOG.info("Job {} cancelled by {}", id, viewer.username());
        return env.store().find(id).orElse(job);
    }

    /** A plugin left: its running jobs fail; queued ones fail when they start unless it is back by then. */
    void pluginRemoved(String pluginId) {
        for (LiveJob job : live.values()) {
            if (job.isRunning() && job.request.pluginId().equals(pluginId)) {
                job.stop(JobState.FAILED, "Plugin '" + pluginId + "' was removed while the job ran; submit the job"
                        + " again once the plugin is back");
            }
        }
    }

    // --- on a worker

    private void execute(LiveJob job) {
        try {
            // Marked before the plugin is looked up, so a plugin leaving now either is missed here or stops the run.
            job.running();
            Optional<ProcessingPlugin> plugin = env.plugins().get(job.request.pluginId());
            if (!env.store().start(job.id, env.clock().instant())) {
                return;
            }
            if (plugin.isEmpty()) {
                finish(job, JobState.FAILED, "Plugin '" + job.request.pluginId() + "' is no longer registered ("
                        + env.plugins().ids() + "); submit the job again once it is back", Optional.empty());
                return;
            }
            AnalysisJob started = env.store().find(job.id).orElseThrow();
            DatasetId output = new JobRun(job, plugin.get(), started.started().orElseThrow(), env).run();
            finish(job, JobState.SUCCEEDED, "Made derived dataset " + output, Optional.of(output));
        } catch (JobFailure e) {
            if (!endIfStopped(job)) {
                finish(job, JobState.FAILED, e.getMessage(), Optional.empty());
            }
        } catch (CancellationException | InterruptedException e) {
            if (!endIfStopped(job)) {
                finish(job, JobState.FAILED, "The job was interrupted: " + e.getMessage(), Optional.empty());
            }
        } catch (AnalysisException | RuntimeException e) {
            if (!endIfStopped(job)) {
                LOG.error("Job {} failed unexpectedly", job.id, e);
                finish(job, JobState.FAILED, "The job failed unexpectedly: " + e, Optional.empty());
            }
        } finally {
            live.remove(job.id);
        }
    }

    /** A job asked to stop ends as asked, whatever the plugin threw on its way out. */
    private boolean endIfStopped(LiveJob job) {
        if (!job.stopped()) {
            return false;
        }
        finish(job, job.stopState(), job.stopMessage(), Optional.empty());
        return true;
    }

    private void finish(LiveJob job, JobState state, String message, Optional<DatasetId> output) {
        // The worker may have been interrupted to stop; the database calls that record the end must not be.
        Thread.interrupted();
        try {
            env.store().finish(job.id, state, message, env.clock().instant(), output);
            LOG.info("Job {} {}: {}", job.id, state, message);
        } catch (AnalysisException e) {
            LOG.error("Job {} ended {} ({}) but that could not be recorded; it will show as interrupted after the"
                    + " next restart: {}", job.id, state, message, e.getMessage());
        }
    }

    /**
     * Stops the workers: running jobs are interrupted and every job still live is marked failed, so a queued job is
     * never left waiting for a worker that is gone.
     */
    void shutdown(Duration grace) {
        for (LiveJob job : live.values()) {
            job.stop(JobState.FAILED, RESTARTED);
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Analysis jobs still running {} after the service stopped: {}", grace, live.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            env.store().failLive(RESTARTED, env.clock().instant());
        } catch (AnalysisException e) {
            LOG.warn("Could not mark the jobs left live failed; the next start will: {}", e.getMessage());
        }
    }
}
