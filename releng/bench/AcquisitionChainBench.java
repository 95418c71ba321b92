import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.detector.api.AcquisitionSummary;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.dectris.DectrisStreamDetector;
import org.datastamp.detector.dectris.DectrisStreamSettings;
import org.datastamp.detector.dectris.ProtocolVersion;

/**
 * Full acquisition chain in one process, as the scan pipeline runs it (driven directly, without the OSGi platform):
 * the DECTRIS stream receiver (connected over TCP loopback to the simulator, which runs in its own JVM) hands frames to
 * a bounded queue (blocking when full: backpressure onto the stream, the pipeline's {@code whenQueueFull=block}); one
 * writer thread appends them to the HDF5 ScanFile and flushes (H5 flush + fsync) every {@code flushEvery} frames.
 * Afterwards, in the same run, the same bytes in the same sizes are written with a plain FileChannel forced at the
 * same frame counts, without and with the same early writeback as the writer: the disk's speed at equal durability.
 *
 *
 * <p>With a {@code viewerHz} above 0 (the visualization figures), the writer also offers every frame to the scan
 * service's real live tap, as the scan pipeline's frame writer does, and a viewer thread polls the tap's newest frame
 * {@code viewerHz} times a second and renders it as the live view does (decode, 512x512 max binning, auto contrast,
 * PNG); the figures then say how much the viewer slowed the writer. The viewer bins each frame while decoding it
 * ({@code viewerPath=one-pass}, the live views' way; {@code one-pass-one-thread}: without the renderer's band
 * threads) or, as the baseline, decodes it whole then bins it ({@code decode-whole}, as before). Skipping the FileChannel baselines: {@code baselines=false}.
 *
 * <pre>java -cp ... AcquisitionChainBench.java endpoint frames outDir flushEvery queueFrames earlyWritebackKiB
 *     [viewerHz [baselines [viewerPath]]]</pre>
 */
public final class AcquisitionChainBench {

    static final FrameGeometry EIGER_4M = new FrameGeometry(2070, 2167, PixelType.UINT32);
    /** Marks the end of the stream in the queue. */
    private static final Frame END = new Frame(Long.MAX_VALUE, EIGER_4M, FrameEncoding.RAW,
            ByteBuffer.allocate((int) EIGER_4M.frameBytes()), Instant.EPOCH);

    public static void main(String[] args) throws Throwable {
        String endpoint = args[0];
        int frames = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        int flushEvery = Integer.parseInt(args[3]);
        int queueFrames = Integer.parseInt(args[4]);
        int earlyKiB = Integer.parseInt(args[5]);
        double viewerHz = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        boolean baselines = args.length <= 7 || Boolean.parseBoolean(args[7]);
        String viewerPath = args.length > 8 ? args[8] : "one-pass";
        LiveViewer viewer = viewerHz > 0 ? new LiveViewer(viewerHz, viewerPath) : null;

        BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(queueFrames);
        long[] sizes = new long[frames];
        List<ByteBuffer> sample = new ArrayList<>(); // the first frames' bytes, reused by the baseline
        AtomicLong written = new AtomicLong();
        AtomicLong flushed = new AtomicLong();
        AtomicLong maxQueued = new AtomicLong();
        Throwable[] failure = new Throwable[1];
        ScanFileWriter writer = newWriter(earlyKiB);
        ScanFileLayout layout = new ScanFileLayout(out, "chain", "EIGER 4M bitshuffle/LZ4 stream, simulated", "",
                "bench", "NXmx", "eiger", "DECTRIS simulator 4M", EIGER_4M, FrameEncoding.BSLZ4, 1000, Instant.now(),
                List.of());
        Thread writing = new Thread(() -> {
            try (ScanFile scan = writer.create(layout)) {
                long n = 0;
                for (Frame f = queue.take(); f != END; f = queue.take()) {
                    int size = f.pixels().remaining();
                    if (n < sizes.length) {
                        sizes[(int) n] = size;
                    }
                    if (sample.size() < 16) {
                        sample.add(ByteBuffer.allocateDirect(size).put(f.pixels().duplicate()).flip());
                    }
                    Frame numbered = new Frame(n, f.geometry(), f.encoding(), f.pixels(), f.timestamp());
                    scan.append(numbered);
                    if (viewer != null) {
                        viewer.offer(numbered);
                    }
                    written.addAndGet(size);
                    if (++n % flushEvery == 0) {
                        flushed.set(scan.flush());
                    }
                }
                flushed.set(scan.flush());
                scan.finish(Instant.now(), List.of());
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "scan-writer");

        DectrisStreamDetector detector = new DectrisStreamDetector(new DectrisStreamSettings(endpoint, "bench",
                "DECTRIS simulator", ProtocolVersion.parse("2"), 30_000, EIGER_4M, "", 1000));
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        writing.start();
        if (viewer != null) {
            viewer.start();
        }
        AcquisitionSummary summary = detector.acquire(frames, f -> {
            try {
                queue.put(f);
                maxQueued.accumulateAndGet(queue.size(), Math::max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing frame " + f.index(), e);
            }
        });
        queue.put(END);
        writing.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        String viewed = viewer == null ? "no live viewer" : viewer.stop(seconds);
        detector.close();
        if (failure[0] != null) {
            throw new IllegalStateException("the writer failed", failure[0]);
        }
        long lost = frames - flushed.get();
        long raw = (long) frames * EIGER_4M.frameBytes();
        System.out.printf(Locale.ROOT, "chain (simulator -> tcp -> receiver -> queue of %d -> ScanFile): %d frames in"
                + " %.1f s = %.0f frames/s, %.2f GB/s written (%.2f GB/s of pixels, ratio %.1f), frames lost %d"
                + " (receiver delivered %d, dropped %d; %d acknowledged by flush), queue peak %d, CPU of this process"
                + " %.0f%% of one core; %s%n", queueFrames, frames, seconds, frames / seconds, written.get() / seconds / 1e9,
                raw / seconds / 1e9, (double) raw / written.get(), lost, summary.framesDelivered(),
                summary.framesDropped(), flushed.get(), maxQueued.get(), 100 * cpu / seconds, viewed);
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        if (baselines) {
            baseline(out.resolve("baseline.bin"), sizes, sample, flushEvery, 0);
            baseline(out.resolve("baseline.bin"), sizes, sample, flushEvery, earlyKiB * 1024L);
        }
    }

    /**
     * A live viewer on the scan service's real tap ({@code org.datastamp.acquisition.scan.LiveTap}, kept at the
     * viewer's rate) and the real renderer, polling as the REST live view and the workbench's live tab do.
     */
    static final class LiveViewer {
        private final Object tap;
        private final Method offer;
        private final Method latest;
        private final Object renderer;
        private final Method pixels;
        private final Method plane;
        private final Method planeOfFrame;
        private final boolean decodeWhole;
        private final String path;
        private final Method percentiles;
        private final Method png;
        private final Object maxBinning;
        private final Class<?> style;
        private final long periodNanos;
        private final List<Double> renderMillis = new ArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;
        private long cpuNanos;
        private Throwable failure;

        LiveViewer(double hz, String path) throws Exception {
            this.path = path;
            this.decodeWhole = path.equals("decode-whole");
            Class<?> tapType = Class.forName("org.datastamp.acquisition.scan.LiveTap");
            var constructor = tapType.getDeclaredConstructor(double.class, java.util.function.LongSupplier.class);
            constructor.setAccessible(true);
            tap = constructor.newInstance(hz, (java.util.function.LongSupplier) System::nanoTime);
            offer = tapType.getDeclaredMethod("offer", String.class, Frame.class);
            offer.setAccessible(true);
            latest = tapType.getMethod("latest", String.class);
            latest.setAccessible(true); // the tap class is package-private
            Class<?> rendererType = Class.forName("org.datastamp.visualization.render.RendererComponent");
            renderer = rendererType.getConstructor().newInstance();
            Method activate = rendererType.getDeclaredMethod("activate");
            activate.setAccessible(true);
            if (!path.equals("one-pass-one-thread")) {
                activate.invoke(renderer); // its band threads, as SCR would start them
            }
            Class<?> nd = Class.forName("org.datastamp.visualization.api.NdArray");
            Class<?> binning = Class.forName("org.datastamp.visualization.api.Binning");
            Class<?> planeType = Class.forName("org.datastamp.visualization.api.Plane");
            style = Class.forName("org.datastamp.visualization.api.ImageStyle");
            Class<?> scale = Class.forName("org.datastamp.visualization.api.Scale");
            pixels = rendererType.getMethod("pixels", Frame.class);
            plane = rendererType.getMethod("plane", nd, int.class, int.class, binning);
            planeOfFrame = rendererType.getMethod("framePlane", Frame.class, int.class, int.class, binning);
            percentiles = rendererType.getMethod("percentiles", planeType, double[].class);
            png = rendererType.getMethod("png", planeType, style);
            maxBinning = binning.getField("MAX").get(null);
            periodNanos = (long) (1e9 / hz);
            Object log = scale.getField("LOG").get(null);
            thread = new Thread(() -> poll(log), "live-viewer");
            thread.setDaemon(true);
        }

        void offer(Frame frame) throws Exception {
            offer.invoke(tap, "eiger", frame);
        }

        void start() {
            thread.start();
        }

        private void poll(Object log) {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long next = System.nanoTime();
            long shown = -1;
            try {
                while (running) {
                    java.util.Optional<?> f = (java.util.Optional<?>) latest.invoke(tap, "eiger");
                    if (f.isPresent() && ((Frame) f.get()).index() != shown) {
                        long t0 = System.nanoTime();
                        Object p = decodeWhole
                                ? plane.invoke(renderer, pixels.invoke(renderer, f.get()), 512, 512, maxBinning)
                                : planeOfFrame.invoke(renderer, f.get(), 512, 512, maxBinning);
                        double[] c = (double[]) percentiles.invoke(renderer, p, new double[] {0.1, 99.9});
                        png.invoke(renderer, p, style.getConstructors()[0].newInstance("viridis", log,
                                Math.max(c[0], 1), c[1]));
                        renderMillis.add((System.nanoTime() - t0) / 1e6);
                        shown = ((Frame) f.get()).index();
                    }
                    next += periodNanos;
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } else {
                        next = System.nanoTime();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
            }
            cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
        }

        /** Stops polling; a line with the frames shown, their render time and the viewer's CPU. */
        String stop(double seconds) throws Exception {
            running = false;
            thread.join();
            if (failure != null) {
                throw new IllegalStateException("the live viewer failed", failure);
            }
            List<Double> sorted = new ArrayList<>(renderMillis);
            java.util.Collections.sort(sorted);
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            // the renderer's band threads work for this viewer only (nothing else renders in this JVM)
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long renderNanos = 0;
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("datastamp-render-")) {
                    renderNanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
            double perFrame = sorted.isEmpty() ? 0 : (cpuNanos + renderNanos) / 1e6 / sorted.size();
            return String.format(Locale.ROOT, "live viewer (%s) showed %d frames (%.1f/s), render p50 %.0f ms,"
                    + " viewer CPU (its thread + the renderer's threads) %.0f%% of one core, %.1f ms per frame",
                    path, sorted.size(), sorted.size() / seconds, p50,
                    100 * (cpuNanos + renderNanos) / 1e9 / seconds, perFrame);
        }
    }

    /** The same sizes through a FileChannel, forced at the same frame counts; early writeback as the writer's. */
    private static void baseline(Path file, long[] sizes, List<ByteBuffer> sample, int flushEvery, long earlyBytes)
            throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle open = linker.downcallHandle(linker.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        MethodHandle sfr = linker.downcallHandle(linker.defaultLookup().find("sync_file_range").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
                        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        long bytes = 0;
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                Arena a = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(a.allocateFrom(file.toString()), 0);
            long pending = 0;
            for (int i = 0; i < sizes.length; i++) {
                ByteBuffer b = sample.get(i % sample.size()).duplicate();
                b.limit((int) Math.min(b.capacity(), sizes[i]));
                bytes += b.remaining();
                pending += b.remaining();
                while (b.hasRemaining()) {
                    c.write(b);
                }
                if (earlyBytes > 0 && pending >= earlyBytes) {
                    pending = 0;
                    if ((int) sfr.invokeExact(fd, 0L, 0L, 2) != 0) {
                        throw new IllegalStateException("sync_file_range failed");
                    }
                }
                if ((i + 1) % flushEvery == 0) {
                    c.force(true);
                }
            }
            c.force(true);
            int ignored = (int) close.invokeExact(fd);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "FileChannel baseline, fsync every %d frames%s: %.2f GB in %.1f s = %.2f GB/s"
                + " (%.0f frames/s), CPU %.0f%% of one core%n", flushEvery,
                earlyBytes > 0 ? ", early writeback every " + earlyBytes / 1024 + " KiB" : "", bytes / 1e9, seconds,
                bytes / seconds / 1e9, sizes.length / seconds, 100 * cpu / seconds);
        Files.delete(file);
    }

    private static ScanFileWriter newWriter(int earlyKiB) throws Exception {
        Class<?> type = Class.forName("org.datastamp.acquisition.hdf5.Hdf5ScanFileWriter");
        Object writer = type.getDeclaredConstructor().newInstance();
        Class<?> config = Class.forName("org.datastamp.acquisition.hdf5.Hdf5ScanFileWriter$Config");
        Map<String, Object> values = Map.of("libraryPath", "", "pluginPath", "", "rawCompression", "none",
                "flushEveryFrames", 0, "fsync", true, "earlyWritebackKiB", earlyKiB);
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] { config },
                (p, m, a) -> values.get(m.getName()));
        Method activate = type.getDeclaredMethod("activate", config);
        activate.setAccessible(true);
        activate.invoke(writer, proxy);
        return (ScanFileWriter) writer;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
