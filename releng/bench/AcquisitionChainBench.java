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
 * <pre>java -cp ... AcquisitionChainBench.java endpoint frames outDir flushEvery queueFrames earlyWritebackKiB</pre>
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
                    scan.append(new Frame(n, f.geometry(), f.encoding(), f.pixels(), f.timestamp()));
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
        detector.close();
        if (failure[0] != null) {
            throw new IllegalStateException("the writer failed", failure[0]);
        }
        long lost = frames - flushed.get();
        long raw = (long) frames * EIGER_4M.frameBytes();
        System.out.printf(Locale.ROOT, "chain (simulator -> tcp -> receiver -> queue of %d -> ScanFile): %d frames in"
                + " %.1f s = %.0f frames/s, %.2f GB/s written (%.2f GB/s of pixels, ratio %.1f), frames lost %d"
                + " (receiver delivered %d, dropped %d; %d acknowledged by flush), queue peak %d, CPU of this process"
                + " %.0f%% of one core%n", queueFrames, frames, seconds, frames / seconds, written.get() / seconds / 1e9,
                raw / seconds / 1e9, (double) raw / written.get(), lost, summary.framesDelivered(),
                summary.framesDropped(), flushed.get(), maxQueued.get(), 100 * cpu / seconds);
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        baseline(out.resolve("baseline.bin"), sizes, sample, flushEvery, 0);
        baseline(out.resolve("baseline.bin"), sizes, sample, flushEvery, earlyKiB * 1024L);
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
