package org.datastamp.analytics.azimuthal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datastamp.analytics.api.InputDataset;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.analytics.api.ProcessingContext;
import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.analytics.api.ProcessingResult;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.FileTree;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Node;
import org.datastamp.visualization.api.VisualizationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azimuthal integration of 2-D detector images (SAXS/WAXS) to I(q), using the geometry the NeXus file records
 * (decision 0032). Frames are read one at a time through the platform's {@link DataFileReader} (bitshuffle/LZ4 decoded
 * in Java) and integrated in parallel on the component's bounded pool, at most one frame per thread in memory per job.
 */
@Component(service = ProcessingPlugin.class, configurationPid = AzimuthalIntegrationPlugin.PID)
@Designate(ocd = AzimuthalIntegrationPlugin.Config.class)
public class AzimuthalIntegrationPlugin implements ProcessingPlugin {

    static final String PID = "org.datastamp.analytics.azimuthal";
    static final String ID = "azimuthal-integration";
    /** Version of the algorithm and output layout, recorded in every result's provenance. */
    static final String VERSION = "1.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(AzimuthalIntegrationPlugin.class);
    private static final Set<String> EXTENSIONS = Set.of("nxs", "nx5", "nx", "h5", "hdf5", "hdf");

    @ObjectClassDefinition(name = "DataSTaMP azimuthal integration",
            description = "Integrates detector images to I(q) with the NeXus geometry")
    public @interface Config {

        @AttributeDefinition(description = "Threads integrating frames, shared by all jobs (0: one per processor);"
                + " each holds one decoded frame")
        int threads() default 0;
    }

    private final DataFileReader reader;
    private final UnitConverter units;
    private final int threads;
    private final ThreadPoolExecutor pool;

    @Activate
    public AzimuthalIntegrationPlugin(@Reference(name = "reader") DataFileReader reader,
            @Reference(name = "units") UnitConverter units, Config config) {
        this(reader, units, config.threads());
    }

    AzimuthalIntegrationPlugin(DataFileReader reader, UnitConverter units, int threads) {
        this.reader = reader;
        this.units = units;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        AtomicInteger n = new AtomicInteger();
        // bounded: when several jobs fill the queue, a job's own thread integrates the frame (nothing waits forever)
        this.pool = new ThreadPoolExecutor(this.threads, this.threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2 * this.threads), r -> {
                    Thread t = new Thread(r, "azimuthal-integration-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> {
                    // JDK's CallerRunsPolicy would silently drop the task of a stopped pool: a job would wait forever
                    if (executor.isShutdown()) {
                        throw new RejectedExecutionException("the azimuthal integration component has stopped");
                    }
                    task.run();
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Deactivate
    void deactivate() {
        // queued frames still run, so every job waiting for them finishes (or fails) rather than hangs
        pool.shutdown();
    }

    @Override
    public PluginDescription description() {
        return new PluginDescription(ID, VERSION, "Azimuthal integration (I(q))",
                "Integrates 2-D detector images (SAXS/WAXS, NeXus NXmx or NXsas) over rings of equal q into I(q),"
                        + " with the beam centre, detector distance, wavelength and pixel size the file records"
                        + " (each may be overridden), a mask, solid-angle and optional polarisation corrections and"
                        + " Poisson errors. Writes one NeXus file per image"
                        + " file: NXdata I(q) per frame.",
                Settings.specs());
    }

    @Override
    public ProcessingResult process(ProcessingContext ctx) throws ProcessingException {
        Instant start = Instant.now();
        Settings settings = Settings.parse(ctx.parameters());
        Quantities quantities = new Quantities(units);
        List<Job> jobs = images(ctx, settings, quantities);
        long total = 0;
        for (Job j : jobs) {
            total += j.frames().length;
        }
        requireMemory(total, settings.bins(), Runtime.getRuntime().maxMemory() / 4);
        Progress progress = new Progress(ctx, total);
        List<String> written = new ArrayList<>();
        List<ResultFile.Integrated> results = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Job job : jobs) {
            ctx.checkCancelled();
            ImageFile image = job.image();
            QLookup lookup;
            try {
                lookup = QLookup.build(image.geometry(), image.height(), image.width(), image.mask(), settings.bins(),
                        settings.qUnit().perMetre, settings.solidAngle(), settings.polarization());
            } catch (IllegalArgumentException e) {
                throw new ProcessingException("Cannot integrate " + image.name() + ": " + e.getMessage()
                        + (image.maskPath().isEmpty() ? "" : " (mask " + image.maskPath() + ")"));
            }
            ResultFile.Integrated result = integrate(ctx, image, lookup, job.frames(), settings, progress);
            String name = outputName(image.file(), names);
            try {
                ResultFile.write(ctx.outputDirectory().resolve(name), result, "I(q) of " + job.input().dataset()
                        .content().title() + " (" + image.name() + ")", "DataSTaMP " + ID, VERSION,
                        job.input().dataset().id().value(), new TreeMap<>(ctx.parameters()),
                        settings.corrections(), start, Instant.now());
            } catch (IOException e) {
                throw new ProcessingException("Cannot write the result " + name + ": " + e.getMessage(), e);
            }
            written.add(name);
            results.add(result);
            LOG.info("Job {}: integrated {} frames of {} into {} bins ({})", ctx.jobId(), job.frames().length,
                    image.name(), settings.bins(), name);
        }
        ctx.progress(1, "Integrated " + total + " frames");
        return result(ctx, settings, results, written, jobs);
    }

    /** I and its errors are kept until written (io.jhdf writes whole files): refuse what cannot fit. */
    static void requireMemory(long frames, int bins, long allowed) throws ProcessingException {
        long bytes = frames * bins * 2L * Double.BYTES;
        if (bytes > allowed) {
            throw new ProcessingException("Integrating " + frames + " frames into " + bins + " bins makes a result of "
                    + (bytes >> 20) + " MiB, more than the " + (allowed >> 20) + " MiB this server allows for one"
                    + " job; select fewer frames (parameter '" + Settings.FRAMES + "', e.g. '0:1000') or fewer bins,"
                    + " and run several jobs");
        }
    }

    /** One image file to integrate, with the dataset it belongs to and the frames chosen. */
    private record Job(InputDataset input, ImageFile image, int[] frames) {
    }

    private List<Job> images(ProcessingContext ctx, Settings settings, Quantities quantities)
            throws ProcessingException {
        if (ctx.inputs().isEmpty()) {
            throw new ProcessingException("Azimuthal integration needs at least one input dataset");
        }
        List<Job> jobs = new ArrayList<>();
        for (InputDataset input : ctx.inputs()) {
            Map<String, Path> candidates = new TreeMap<>();
            input.files().forEach((name, path) -> {
                String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (EXTENSIONS.contains(ext)) {
                    candidates.put(name, path);
                }
            });
            if (candidates.isEmpty()) {
                throw new ProcessingException("Dataset " + input.dataset().id().value() + " ('"
                        + input.dataset().content().title() + "') has no NeXus/HDF5 file (.nxs, .h5, .hdf5); its files"
                        + " are " + input.files().keySet());
            }
            // a scan's data files are reached through its master file's links: integrate the master only
            Map<String, FileTree> trees = new LinkedHashMap<>();
            Set<String> linked = new HashSet<>();
            for (Map.Entry<String, Path> c : candidates.entrySet()) {
                FileTree tree = tree(c.getValue(), c.getKey());
                trees.put(c.getKey(), tree);
                externalTargets(tree.root(), linked);
            }
            for (Map.Entry<String, Path> c : candidates.entrySet()) {
                if (linked.contains(c.getValue().getFileName().toString()) && candidates.size() > 1) {
                    continue;
                }
                ImageFile image = ImageFile.open(reader, quantities, c.getValue(), c.getKey(), settings);
                jobs.add(new Job(input, image, settings.selectFrames(image.frames())));
            }
        }
        return jobs;
    }

    private FileTree tree(Path file, String name) throws ProcessingException {
        if (!java.nio.file.Files.isReadable(file)) {
            throw new ProcessingException("Input file " + name + " cannot be read at " + file + " (missing or not"
                    + " readable)");
        }
        try {
            return reader.tree(file);
        } catch (VisualizationException e) {
            throw new ProcessingException("Cannot open " + name + " as NeXus/HDF5: " + e.getMessage(), e);
        }
    }

    /** File names that external links of this tree point into ({@code file.h5:/path}). */
    private static void externalTargets(Node node, Set<String> into) {
        int colon = node.link().indexOf(":/");
        if (colon > 0) {
            into.add(Path.of(node.link().substring(0, colon)).getFileName().toString());
        }
        for (Node child : node.children()) {
            externalTargets(child, into);
        }
    }

    private ResultFile.Integrated integrate(ProcessingContext ctx, ImageFile image, QLookup lookup, int[] frames,
            Settings settings, Progress progress) throws ProcessingException {
        int n = frames.length;
        int bins = lookup.bins();
        double[][] intensity = new double[n][];
        double[][] errors = new double[n][];
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        List<Future<Integer>> running = new ArrayList<>();
        int submitted = 0;
        int completed = 0;
        try {
            while (completed < n) {
                // at most one frame per pool thread in flight for this job: memory stays bounded for any stack
                while (submitted < n && submitted - completed < threads) {
                    ctx.checkCancelled();
                    int k = submitted++;
                    running.add(done.submit(() -> {
                        NdArray frame = reader.read(image.file(), image.signal(), image.slice(frames[k]));
                        double[] sum = new double[bins];
                        double[] norm = new double[bins];
                        lookup.accumulate(frame, sum, norm);
                        double[] i = new double[bins];
                        double[] e = new double[bins];
                        for (int b = 0; b < bins; b++) {
                            i[b] = norm[b] > 0 ? sum[b] / norm[b] : Double.NaN;
                            e[b] = norm[b] > 0 ? (settings.poisson() ? Math.sqrt(sum[b]) / norm[b] : 0) : Double.NaN;
                        }
                        intensity[k] = i;
                        errors[k] = e;
                        return k;
                    }));
                }
                done.take().get();
                completed++;
                progress.frameDone(image.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel(running);
            throw new CancellationException("Interrupted while integrating " + image.name());
        } catch (ExecutionException e) {
            cancel(running);
            Throwable cause = e.getCause();
            throw new ProcessingException("Cannot integrate " + image.name() + ": " + cause.getMessage(), cause);
        } catch (CancellationException e) {
            cancel(running);
            throw e;
        } catch (RejectedExecutionException e) {
            cancel(running);
            throw new ProcessingException("Stopped integrating " + image.name() + ": " + e.getMessage()
                    + " (the plugin is being updated or the server is stopping); run the job again", e);
        }
        return new ResultFile.Integrated(image, frames, lookup.centres(), intensity, errors,
                settings.qUnit().fileSymbol);
    }

    private static void cancel(List<Future<Integer>> running) {
        // not interrupting: a frame read holds libhdf5's lock; the few frames in flight finish and are dropped
        running.forEach(f -> f.cancel(false));
    }

    private static String outputName(Path input, Set<String> used) {
        String file = input.getFileName().toString();
        String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        String name = stem + "_iq.nxs";
        for (int n = 2; !used.add(name); n++) {
            name = stem + "_iq_" + n + ".nxs";
        }
        return name;
    }

    private ProcessingResult result(ProcessingContext ctx, Settings settings, List<ResultFile.Integrated> results,
            List<String> written, List<Job> jobs) {
        List<String> titles = ctx.inputs().stream().map(i -> i.dataset().content().title()).distinct().toList();
        String title = "I(q) of " + (titles.size() <= 2 ? String.join(" and ", titles)
                : titles.get(0) + " and " + (titles.size() - 1) + " more");
        ResultFile.Integrated first = results.get(0);
        double qMin = results.stream().mapToDouble(r -> r.q()[0]).min().orElseThrow();
        double qMax = results.stream().mapToDouble(r -> r.q()[r.q().length - 1]).max().orElseThrow();
        long frames = jobs.stream().mapToLong(j -> j.frames().length).sum();
        String unit = settings.qUnit().symbol;
        List<MetadataEntry> metadata = new ArrayList<>(List.of(
                new MetadataEntry("q_min", qMin, unit), new MetadataEntry("q_max", qMax, unit),
                new MetadataEntry("q_bins", settings.bins(), ""),
                new MetadataEntry("q_bin_width", first.q().length > 1 ? first.q()[1] - first.q()[0] : 0.0, unit),
                new MetadataEntry("frames_integrated", frames, ""),
                new MetadataEntry("error_model", settings.poisson() ? "poisson" : "none", ""),
                new MetadataEntry("solid_angle_correction", settings.solidAngle(), ""),
                new MetadataEntry("corrections", settings.corrections(), ""),
                new MetadataEntry("mask", first.input().maskPath().isEmpty() ? "invalid pixels only"
                        : first.input().maskPath() + " and invalid pixels", "")));
        metadata.addAll(first.input().geometry().metadata());
        String description = "Azimuthal integration of " + frames + " frame" + (frames == 1 ? "" : "s") + " from "
                + results.size() + " file" + (results.size() == 1 ? "" : "s") + " into " + settings.bins()
                + " q bins (" + unit + "), " + "corrections: " + settings.corrections()
                + ", " + (settings.poisson() ? "Poisson errors" : "no errors") + "."
                + (results.size() > 1 ? " Geometry metadata is that of the first file; each file records its own." : "");
        return new ProcessingResult(title, description, "", written, metadata);
    }

    /** Progress over all frames of a job, reported at most every percent. */
    private static final class Progress {
        private final ProcessingContext ctx;
        private final long total;
        private long done;
        private long lastPercent = -1;

        Progress(ProcessingContext ctx, long total) {
            this.ctx = ctx;
            this.total = Math.max(1, total);
        }

        void frameDone(String file) {
            done++;
            long percent = done * 100 / total;
            if (percent != lastPercent) {
                lastPercent = percent;
                ctx.progress((double) done / total, "Integrated " + done + " of " + total + " frames (" + file + ")");
            }
        }
    }
}
