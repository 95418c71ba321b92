import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.datastamp.analytics.api.InputDataset;
import org.datastamp.analytics.api.ProcessingContext;
import org.datastamp.analytics.api.ProcessingPlugin;
import org.datastamp.analytics.api.ProcessingResult;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.NdArray;

/**
 * Azimuthal integration figures (issue 9): frames/s for EIGER 4M frames (2070 x 2167 uint32), 1000 q bins, with the
 * baseline measured in the same run: a straightforward reference (per pixel per frame: q from sqrt/atan/sin, find the
 * bin, accumulate; one thread). 1. In memory (decoded frames): the reference, the plugin's per-pixel lookup on one
 * thread and on every core. 2. Through the plugin (ProcessingPlugin.process, as the job service runs it) on a
 * bitshuffle/LZ4 stack and an uncompressed one, with the reader alone as the floor.
 * Usage: java -cp <classes> releng/bench/AzimuthalBench.java <dir from make-azimuthal-stack.py> [seconds per figure]
 */
public final class AzimuthalBench {

    // the geometry make-azimuthal-stack.py writes
    static final double BX = 1020.3, BY = 1100.7, PX = 75e-6, DIST = 2.0, WL = 1e-10;
    static final int BINS = 1000;
    static final String SIGNAL = "/entry/data/data";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int cores = Runtime.getRuntime().availableProcessors();
        DataFileReader reader = reader();
        UnitConverter units = (UnitConverter) Class.forName("org.datastamp.catalog.units.IndriyaUnitConverter")
                .getConstructor().newInstance();
        Path bslz4 = dir.resolve("rings_bslz4.nxs");
        int stack = (int) (long) reader.describe(bslz4, SIGNAL).shape().get(0);

        List<NdArray> frames = new ArrayList<>();
        for (int f = 0; f < Math.min(4, stack); f++) {
            frames.add(reader.read(bslz4, SIGNAL, f + ",:,:"));
        }
        int h = frames.get(0).shape()[0], w = frames.get(0).shape()[1];
        System.out.printf("Frames %d x %d uint32 (%.1f Mpixel), %d bins, %d cores%n", w, h, w * h / 1e6, BINS, cores);

        // 1. in memory
        Reference reference = new Reference(h, w);
        double[] refSum = new double[BINS], refNorm = new double[BINS];
        double refRate = rate(seconds, k -> reference.integrate(frames.get(k % frames.size()), new double[BINS],
                new double[BINS]));
        double refCpu = lastCpuMs;
        reference.integrate(frames.get(0), refSum, refNorm);

        Class<?> lookupType = Class.forName("org.datastamp.analytics.azimuthal.QLookup");
        Class<?> geometryType = Class.forName("org.datastamp.analytics.azimuthal.Geometry");
        var geometryNew = geometryType.getDeclaredConstructor(double.class, double.class, double.class, double.class,
                double.class, double.class);
        geometryNew.setAccessible(true);
        Object geometry = geometryNew.newInstance(DIST, WL, BX, BY, PX, PX);
        Method build = lookupType.getDeclaredMethod("build", geometryType, int.class, int.class, boolean[].class,
                int.class, double.class, boolean.class, double.class);
        build.setAccessible(true);
        Method accumulate = lookupType.getDeclaredMethod("accumulate", NdArray.class, double[].class, double[].class);
        accumulate.setAccessible(true);
        long t0 = System.nanoTime();
        Object lookup = build.invoke(null, geometry, h, w, null, BINS, 1e-9, true, Double.NaN);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        double[] sum = new double[BINS], norm = new double[BINS];
        accumulate.invoke(lookup, frames.get(0), sum, norm);
        double diff = 0;
        for (int b = 0; b < BINS; b++) {
            if (refNorm[b] > 0 && norm[b] > 0) {
                diff = Math.max(diff, Math.abs(sum[b] / norm[b] - refSum[b] / refNorm[b]) / (refSum[b] / refNorm[b]));
            }
        }
        Task one = k -> accumulate.invoke(lookup, frames.get(k % frames.size()), new double[BINS], new double[BINS]);
        double lookupRate = rate(seconds, one);
        double lookupCpu = lastCpuMs;
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        double parallelRate = rate(seconds, k -> {
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < cores; c++) {
                int kk = k * cores + c;
                fs.add(pool.submit(() -> {
                    one.run(kk);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }) * cores;
        double parallelCpu = lastCpuMs / cores;
        pool.shutdown();
        System.out.printf("In memory (decoded frames):%n");
        System.out.printf("  reference, 1 thread (sqrt/atan/sin per pixel)   %8.1f frames/s  %7.1f CPU ms/frame%n",
                refRate, refCpu);
        System.out.printf("  lookup, 1 thread                                %8.1f frames/s  %7.1f CPU ms/frame"
                + "  (%.1fx the reference's frames/s, %.1fx less CPU)%n", lookupRate, lookupCpu,
                lookupRate / refRate, refCpu / lookupCpu);
        System.out.printf("  lookup, %d threads                               %8.1f frames/s  %7.1f CPU ms/frame"
                + "  (%.1fx)%n", cores, parallelRate, parallelCpu, parallelRate / refRate);
        System.out.printf("  lookup built once per geometry in %.0f ms; largest relative difference of I(q) from the"
                + " reference %.1e (pixels on a bin edge)%n", buildMs, diff);

        // 2. through the plugin
        System.out.printf("Through the plugin (%d-frame stacks; HDF5 read, lookup, integration, NeXus output):%n",
                stack);
        for (String name : List.of("rings_bslz4.nxs", "rings_raw.nxs")) {
            Path file = dir.resolve(name);
            double readRate = rate(seconds, k -> reader.read(file, SIGNAL, (k % stack) + ",:,:"));
            System.out.printf("  %-16s reader alone, one caller %6.1f frames/s, %5.1f CPU ms/frame%n", name, readRate,
                    lastCpuMs);
            for (int threads : cores > 1 ? List.of(1, cores) : List.of(1)) {
                pluginFigure(reader, units, file, stack, threads, seconds);
            }
        }
    }

    /** Runs whole jobs for at least {@code seconds} (2 at least) and prints their median frames/s. */
    static void pluginFigure(DataFileReader reader, UnitConverter units, Path file, int stack, int threads,
            double seconds) throws Exception {
        ProcessingPlugin plugin = plugin(reader, units, threads);
        List<Double> rates = new ArrayList<>();
        long cpu0 = cpu();
        double spent = 0;
        int runs = 0;
        while (spent < seconds || runs < 2) {
            Path out = Files.createTempDirectory(file.getParent(), "out");
            long start = System.nanoTime();
            ProcessingResult r = plugin.process(context(file, out));
            double s = (System.nanoTime() - start) / 1e9;
            spent += s;
            runs++;
            rates.add(stack / s);
            for (String f : r.files()) {
                Files.delete(out.resolve(f));
            }
            Files.delete(out);
        }
        Method deactivate = plugin.getClass().getDeclaredMethod("deactivate");
        deactivate.setAccessible(true);
        deactivate.invoke(plugin);
        double cpuMs = (cpu() - cpu0) / 1e6 / (runs * (double) stack);
        rates.sort(null);
        System.out.printf("  %-16s plugin, %d thread%s %13.1f frames/s, %5.1f CPU ms/frame (median of %d jobs,"
                + " %.1f-%.1f)%n", "", threads, threads == 1 ? " " : "s", rates.get(runs / 2), cpuMs, runs,
                rates.get(0), rates.get(runs - 1));
    }

    interface Task {
        void run(int k) throws Exception;
    }

    /** This JVM's CPU time (all threads), ns: on a shared machine it counts our work, not the neighbours'. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU ms per call of the last {@link #rate} measurement. */
    static double lastCpuMs;

    /** Calls per second of {@code task} over at least {@code seconds} (after one warm-up call). */
    static double rate(double seconds, Task task) throws Exception {
        task.run(0);
        long start = System.nanoTime();
        long cpu0 = cpu();
        int n = 0;
        while (System.nanoTime() - start < seconds * 1e9 || n < 3) {
            task.run(++n);
        }
        lastCpuMs = (cpu() - cpu0) / 1e6 / n;
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** The straightforward implementation: everything per pixel per frame, one thread. */
    static final class Reference {
        final int h, w;
        final double qMin, step, k = 4 * Math.PI / WL * 1e-9;

        Reference(int h, int w) {
            this.h = h;
            this.w = w;
            double min = Double.MAX_VALUE, max = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double q = q(x, y);
                    min = Math.min(min, q);
                    max = Math.max(max, q);
                }
            }
            qMin = min;
            step = (max - min) / BINS;
        }

        double q(int x, int y) {
            double dx = (x + 0.5 - BX) * PX, dy = (y + 0.5 - BY) * PX;
            return k * Math.sin(0.5 * Math.atan(Math.sqrt(dx * dx + dy * dy) / DIST));
        }

        void integrate(NdArray frame, double[] sum, double[] norm) {
            IntBuffer data = frame.data().asIntBuffer();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = data.get(y * w + x);
                    if (v == -1) {
                        continue;
                    }
                    double dx = (x + 0.5 - BX) * PX, dy = (y + 0.5 - BY) * PX;
                    double tth = Math.atan(Math.sqrt(dx * dx + dy * dy) / DIST);
                    double q = k * Math.sin(0.5 * tth);
                    int b = Math.min(BINS - 1, (int) ((q - qMin) / step));
                    double c = Math.cos(tth);
                    sum[b] += v & 0xFFFF_FFFFL;
                    norm[b] += c * c * c;
                }
            }
        }
    }

    static ProcessingPlugin plugin(DataFileReader reader, UnitConverter units, int threads) throws Exception {
        var ctor = Class.forName("org.datastamp.analytics.azimuthal.AzimuthalIntegrationPlugin")
                .getDeclaredConstructor(DataFileReader.class, UnitConverter.class, int.class);
        ctor.setAccessible(true);
        return (ProcessingPlugin) ctor.newInstance(reader, units, threads);
    }

    static ProcessingContext context(Path file, Path out) {
        Instant t = Instant.parse("2026-11-25T00:00:00Z");
        NewDataset content = new NewDataset("Bench rings", DatasetType.RAW, "CoSAXS", "", "raw/bench", t, t,
                List.of(new Datafile(file.getFileName().toString(), 1, "SHA-256", "ab".repeat(32), t)), List.of());
        Dataset dataset = new Dataset(new DatasetId("ds-bench"), t, content, Lifecycle.onHotDisk(),
                new DatasetAccess("20240123", "CoSAXS", t), "");
        InputDataset input = new InputDataset(dataset, Map.of(file.getFileName().toString(), file));
        return new ProcessingContext() {
            public String jobId() {
                return "bench";
            }

            public List<InputDataset> inputs() {
                return List.of(input);
            }

            public Map<String, String> parameters() {
                return Map.of("bins", Integer.toString(BINS));
            }

            public Path outputDirectory() {
                return out;
            }

            public void progress(double fraction, String message) {
            }

            public void checkCancelled() {
            }
        };
    }

    static DataFileReader reader() throws Exception {
        Class<?> type = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader");
        Class<?> config = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader$Config");
        Object settings = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (p, m, a) ->
                m.getName().equals("annotationType") ? config : m.getName().equals("frameCacheMegabytes") ? 0
                        : m.getDefaultValue());
        Object reader = type.getConstructor().newInstance();
        Method activate = type.getDeclaredMethod("activate", config);
        activate.setAccessible(true);
        activate.invoke(reader, settings);
        return (DataFileReader) reader;
    }
}
