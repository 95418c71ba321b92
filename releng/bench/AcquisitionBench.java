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

import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.acquisition.api.ScanFileLayout;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;

/**
 * Sustained write of a pre-compressed (bitshuffle/LZ4) EIGER 4M stream through the platform's ScanFileWriter, and the
 * same bytes written with a plain FileChannel as the disk's baseline, in the same run.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp &lt;bundle classes&gt; AcquisitionBench.java &lt;chunk-dir&gt; &lt;out-dir&gt; &lt;GB&gt; [flushEvery]</pre>
 *
 * Frames are the chunk-*.bin files (made by make-eiger-frames.py), reused round-robin from direct buffers, as a
 * detector receiver hands them over. GB = 10^9 bytes of compressed data written to disk.
 */
public final class AcquisitionBench {

    static final FrameGeometry EIGER_4M = new FrameGeometry(2070, 2167, PixelType.UINT32);

    public static void main(String[] args) throws Exception {
        Path chunks = Path.of(args[0]);
        Path out = Path.of(args[1]);
        double gigabytes = Double.parseDouble(args[2]);
        int flushEvery = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int earlyKiB = args.length > 4 ? Integer.parseInt(args[4]) : 8192;
        List<ByteBuffer> frames = new ArrayList<>();
        long chunkBytes = 0;
        for (int i = 0; Files.exists(chunks.resolve("chunk-" + i + ".bin")); i++) {
            byte[] b = Files.readAllBytes(chunks.resolve("chunk-" + i + ".bin"));
            ByteBuffer d = ByteBuffer.allocateDirect(b.length).put(b).flip();
            frames.add(d);
            chunkBytes += b.length;
        }
        double meanChunk = (double) chunkBytes / frames.size();
        long count = (long) Math.ceil(gigabytes * 1e9 / meanChunk);
        System.out.printf(Locale.ROOT, "frame set: %d frames of %dx%d uint32, mean chunk %.2f MB, ratio %.2f; writing"
                + " %d frames, flush every %d frames (fsync)%n", frames.size(), EIGER_4M.width(), EIGER_4M.height(),
                meanChunk / 1e6, EIGER_4M.frameBytes() / meanChunk, count, flushEvery);

        ScanFileWriter writer = newWriter(earlyKiB);
        ScanFileLayout layout = new ScanFileLayout(out, "bench", "EIGER 4M bitshuffle/LZ4 stream", "", "bench", "NXmx",
                "eiger", "EIGER 4M", EIGER_4M, FrameEncoding.BSLZ4, 1000, Instant.now(), List.of());
        long written = 0;
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long flushed;
        try (ScanFile scan = writer.create(layout)) {
            for (long i = 0; i < count; i++) {
                ByteBuffer b = frames.get((int) (i % frames.size())).duplicate();
                written += b.remaining();
                scan.append(new Frame(i, EIGER_4M, FrameEncoding.BSLZ4, b, Instant.now()));
                if ((i + 1) % flushEvery == 0) {
                    scan.flush();
                }
            }
            flushed = scan.flush();
            scan.finish(Instant.now(), List.of());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "ScanFile (libhdf5 direct chunk write, SWMR, early writeback every " + earlyKiB + " KiB): %d frames in %.1f s = %.0f frames/s,"
                + " %.2f GB/s written (%.2f GB/s uncompressed-equivalent), frames lost %d, process CPU %.0f%% of one"
                + " core%n", count, seconds, count / seconds, written / seconds / 1e9,
                count * EIGER_4M.frameBytes() / seconds / 1e9, count - flushed, 100 * cpu / seconds);
        long onDisk = 0;
        try (var files = Files.list(out)) {
            for (Path p : files.toList()) {
                onDisk += Files.size(p);
            }
        }
        System.out.printf(Locale.ROOT, "files on disk: %.2f GB for %.2f GB of chunks%n", onDisk / 1e9, written / 1e9);
        deleteAll(out);

        // Baseline: the same bytes, same order, one file, through a FileChannel, forced at the same points.
        Path plain = out.resolve("baseline.bin");
        Files.createDirectories(out);
        cpu0 = cpuNanos();
        t0 = System.nanoTime();
        try (FileChannel c = FileChannel.open(plain, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long i = 0; i < count; i++) {
                ByteBuffer b = frames.get((int) (i % frames.size())).duplicate();
                while (b.hasRemaining()) {
                    c.write(b);
                }
                if ((i + 1) % flushEvery == 0) {
                    c.force(false);
                }
            }
            c.force(true);
        }
        seconds = (System.nanoTime() - t0) / 1e9;
        cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "FileChannel baseline: same %.2f GB in %.1f s = %.2f GB/s (%.0f frames/s),"
                + " process CPU %.0f%% of one core%n", written / 1e9, seconds, written / seconds / 1e9,
                count / seconds, 100 * cpu / seconds);
        deleteAll(out);
    }

    /** The writer component as the framework would activate it, with its defaults. */
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

    private static void deleteAll(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }
}
