package org.datastamp.analytics.jobs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.InputDataset;
import org.datastamp.analytics.api.ProcessingContext;
import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.analytics.api.ProcessingResult;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a job on a worker thread, and the {@link ProcessingContext} its plugin sees: read the inputs (waiting for
 * recalls), run the plugin into an empty folder, store its files in the output tier and register the derived dataset.
 * Anything that ends the run without a dataset takes the stored files back.
 */
final class JobRun implements ProcessingContext {

    private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

    /**
     * Progress is written when it moved by a percent or after this long (a plugin may report every frame), and at
     * the end.
     */
    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final LiveJob job;
    private final ProcessingPlugin plugin;
    private final Instant started;
    private final JobEnvironment env;
    private volatile List<InputDataset> inputs = List.of();
    private volatile OutputFiles output;
    private long lastProgress;
    private double lastFraction = -1;

    JobRun(LiveJob job, ProcessingPlugin plugin, Instant started, JobEnvironment env) {
        this.job = job;
        this.plugin = plugin;
        this.started = started;
        this.env = env;
    }

    /** Runs the job to its derived dataset. */
    DatasetId run() throws JobFailure, InterruptedException {
        checkCancelled();
        String tierId = env.settings().outputTier();
        StorageBackend tier = env.tiers().apply(tierId).orElseThrow(() -> new JobFailure("Storage tier '" + tierId
                + "' for the job's output is not running; ask an operator to start it, then submit the job again"));
        DatasetFileLocator locator = env.locator().get().orElseThrow(() -> new JobFailure("No dataset file locator"
                + " is running, so the input files cannot be read; ask an operator to start the visualization"
                + " service (org.datastamp.visualization.render)"));
        List<Dataset> datasets = readInputs();
        inputs = InputFiles.resolve(datasets, locator, this::waitForRecall);
        checkCancelled();
        OutputFiles out = new OutputFiles(tier, env.settings().staging(), job.id, started);
        output = out;
        try {
            progress(0, "Running " + plugin.description().title());
            ProcessingResult result = process();
            checkCancelled();
            List<Datafile> files = out.store(result.files(), this::checkCancelled);
            checkCancelled();
            return register(result, datasets, files, out.location());
        } catch (JobFailure | RuntimeException e) {
            out.discard();
            throw e;
        } finally {
            out.clean();
        }
    }

    private ProcessingResult process() throws JobFailure {
        ProcessingResult result;
        try {
            result = plugin.process(this);
        } catch (ProcessingException e) {
            throw new JobFailure(e.getMessage(), e);
        }
        if (result == null) {
            throw new JobFailure("Plugin '" + job.request.pluginId() + "' ended without saying what it made");
        }
        return result;
    }

    /** The inputs as the submitter sees them now (checked at submission; re-read for their current lifecycle). */
    private List<Dataset> readInputs() throws JobFailure {
        List<Dataset> datasets = new ArrayList<>();
        for (DatasetId id : job.request.inputs()) {
            try {
                datasets.add(env.catalog().find(id, job.viewer).orElseThrow(() -> new JobFailure("Input dataset " + id
                        + " is no longer visible to " + job.viewer.username())));
            } catch (CatalogException e) {
                throw new JobFailure("Could not read input dataset " + id + " from the catalogue: " + e.getMessage(),
                        e);
            }
        }
        return datasets;
    }

    private void waitForRecall(String message) throws InterruptedException {
        checkCancelled();
        note(message);
        Thread.sleep(env.settings().recallPoll().toMillis());
        checkCancelled();
    }

    private DatasetId register(ProcessingResult result, List<Dataset> datasets, List<Datafile> files, String location)
            throws JobFailure {
        NewDataset first = datasets.get(0).content();
        List<MetadataEntry> metadata = new ArrayList<>();
        // The job's own provenance entries are authoritative; a plugin cannot overwrite them.
        result.metadata().stream().filter(m -> !m.name().startsWith(ProvenanceEntries.PREFIX)).forEach(metadata::add);
        metadata.addAll(ProvenanceEntries.of(job.id, plugin.description(), job.request.parameters(),
                env.knownUnit()));
        Instant end = env.clock().instant();
        NewDataset derived = new NewDataset(job.request.title().isEmpty() ? result.title() : job.request.title(),
                DatasetType.DERIVED, first.instrument(), first.sampleName(), location, started,
                end.isBefore(started) ? started : end, files, metadata, result.description(), first.proposalId(),
                first.sessionId(), first.sampleId(), result.technique().isEmpty() ? first.technique()
                        : result.technique(), List.of(job.request.pluginId()), job.request.inputs());
        try {
            return env.catalog().register(derived).id();
        } catch (CatalogException | RuntimeException e) {
            throw new JobFailure("The output could not be recorded in the catalogue, so its files were removed: "
                    + e.getMessage(), e);
        }
    }

    // --- what the plugin sees

    @Override
    public String jobId() {
        return job.id;
    }

    @Override
    public List<InputDataset> inputs() {
        return inputs;
    }

    @Override
    public Map<String, String> parameters() {
        return job.request.parameters();
    }

    @Override
    public Path outputDirectory() {
        return output.folder();
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        if (job.stopped()) {
            return;
        }
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        long now = System.nanoTime();
        if (f < 1 && f - lastFraction < 0.01 && now - lastProgress < PROGRESS_INTERVAL_NANOS) {
            return;
        }
        lastFraction = f;
        lastProgress = now;
        try {
            env.store().progress(job.id, f, message == null ? "" : message);
        } catch (AnalysisException e) {
            LOG.warn("Job {}: could not record progress: {}", job.id, e.getMessage());
        }
    }

    private void note(String message) {
        try {
            env.store().note(job.id, message);
        } catch (AnalysisException e) {
            LOG.warn("Job {}: could not record '{}': {}", job.id, message, e.getMessage());
        }
    }

    @Override
    public void checkCancelled() throws CancellationException {
        if (job.stopped() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Job " + job.id + " was stopped");
        }
    }
}
