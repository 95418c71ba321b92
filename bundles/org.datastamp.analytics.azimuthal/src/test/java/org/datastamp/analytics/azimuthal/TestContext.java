package org.datastamp.analytics.azimuthal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.analytics.api.InputDataset;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.ProcessingContext;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;

/** A job as the job service would give it: inputs, parameters with their defaults, progress and cancellation. */
final class TestContext implements ProcessingContext {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private final List<InputDataset> inputs;
    private final Map<String, String> parameters;
    private final Path output;
    /** checkCancelled throws from this call on (counting from 1); 0 never. */
    private final int cancelAt;
    private final AtomicInteger checks = new AtomicInteger();
    final List<Double> progress = new ArrayList<>();

    TestContext(List<InputDataset> inputs, Map<String, String> given, Path output, int cancelAt) {
        this.inputs = inputs;
        Map<String, String> all = new HashMap<>();
        for (ParameterSpec p : Settings.specs()) {
            all.put(p.name(), p.defaultValue());
        }
        all.putAll(given);
        this.parameters = Map.copyOf(all);
        this.output = output;
        this.cancelAt = cancelAt;
    }

    /** One raw dataset whose files are the given paths (named by their file names). */
    static InputDataset dataset(String title, Path... files) {
        Map<String, Path> map = new HashMap<>();
        List<Datafile> datafiles = new ArrayList<>();
        for (Path f : files) {
            map.put(f.getFileName().toString(), f);
            datafiles.add(new Datafile(f.getFileName().toString(), 1, "SHA-256", "ab".repeat(32), T0));
        }
        NewDataset content = new NewDataset(title, DatasetType.RAW, "CoSAXS", "", "raw/scan", T0, T0, datafiles,
                List.of());
        Dataset dataset = new Dataset(new DatasetId("ds-" + Math.abs(title.hashCode())), T0, content,
                Lifecycle.onHotDisk(), new DatasetAccess("20240123", "CoSAXS", T0), "");
        return new InputDataset(dataset, map);
    }

    int cancelChecks() {
        return checks.get();
    }

    @Override
    public String jobId() {
        return "job-test";
    }

    @Override
    public List<InputDataset> inputs() {
        return inputs;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public Path outputDirectory() {
        return output;
    }

    @Override
    public synchronized void progress(double fraction, String message) {
        progress.add(fraction);
    }

    @Override
    public void checkCancelled() {
        if (checks.incrementAndGet() >= cancelAt && cancelAt > 0) {
            throw new CancellationException("Job job-test was cancelled");
        }
    }
}
