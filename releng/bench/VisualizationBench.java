import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.Binning;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.ImageStyle;
import org.datastamp.visualization.api.NdArray;
import org.datastamp.visualization.api.Plane;
import org.datastamp.visualization.api.Scale;

/**
 * Visualization figures (issue 6): time from HTTP request to PNG for a 4096x4096 uint32 bitshuffle/LZ4 frame, fitted
 * to 512x512 (full frame) and a 512x512 zoom, each request on a frame not read before (cold); baselines in the same
 * run: the libhdf5 read alone, and io.jhdf reading the same frame; and the cost of a live frame (decode + PNG).
 * Usage: java -cp <classes> releng/bench/VisualizationBench.java <dir with stack.nxs and frame-0.chunk> [requests]
 */
public final class VisualizationBench {

    static final String DATA = "/entry/data/data";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path file = dir.resolve("stack.nxs");
        int requests = Math.min(49, args.length > 1 ? Integer.parseInt(args[1]) : 40);
        // the baseline: libhdf5's bitshuffle plugin decompresses each frame (as before the Java decoder)
        // "java" decodes whole frames then bins them (decision 0029); "onepass" bins a whole frame while its chunk
        // decodes (DataFileReader.storedFrame + ArrayRenderer.framePlane); its own reader, so its own frame cache
        Map<String, DataFileReader> readers = Map.of("libhdf5", reader(false), "java", reader(true), "onepass",
                reader(true));
        Class<?> rendererType = Class.forName("org.datastamp.visualization.render.RendererComponent");
        ArrayRenderer renderer = (ArrayRenderer) rendererType.getConstructor().newInstance();
        Method activateRenderer = rendererType.getDeclaredMethod("activate");
        activateRenderer.setAccessible(true);
        activateRenderer.invoke(renderer); // its binning threads, as SCR would

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/png", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            int frame = Integer.parseInt(q.replaceAll(".*frame=(\\d+).*", "$1"));
            boolean zoom = q.contains("zoom=1");
            DataFileReader reader = readers.get(q.replaceAll(".*reader=(\\w+).*", "$1"));
            try {
                byte[] png = png(reader, renderer, file, frame, zoom, q.contains("reader=onepass"));
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                exchange.getResponseBody().write(png);
            } catch (Exception e) {
                byte[] m = e.toString().getBytes();
                exchange.sendResponseHeaders(500, m.length);
                exchange.getResponseBody().write(m);
            }
            exchange.close();
        });
        server.start();
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/png?reader=";

        for (String r : readers.keySet()) {
            get(client, base + r + "&frame=99"); // JIT and library warm-up on a frame not measured below
            get(client, base + r + "&frame=98&zoom=1");
        }
        Map<String, List<Double>> times = new TreeMap<>();
        for (int i = 0; i < requests; i++) {
            // alternating, so all paths see the same machine load; frames 0-48 full, 50-98 zoomed: all cold (a
            // zoom takes the same path in "java" and "onepass": only the blocks of its rows are decoded)
            for (String r : List.of("libhdf5", "java", "onepass")) {
                times.computeIfAbsent(r + " full", k -> new ArrayList<>()).add(get(client, base + r + "&frame=" + i));
                if (!r.equals("onepass")) {
                    times.computeIfAbsent(r + " zoom", k -> new ArrayList<>()).add(get(client, base + r + "&frame="
                            + (i + 50) + "&zoom=1"));
                }
            }
        }
        server.stop(0);

        System.out.printf("Visualization figures: 4096x4096 uint32 bitshuffle/LZ4 frames, %d requests each, every"
                + " request on a frame not read before%n", requests);
        row("full frame -> 512x512 PNG over HTTP (max binning 8x8, log, auto contrast)", times.get("java full"),
                times.get("libhdf5 full"));
        row("  the same, binned while the chunk decodes (no decoded frame)", times.get("onepass full"),
                times.get("libhdf5 full"));
        row("512x512 zoom -> PNG over HTTP", times.get("java zoom"), times.get("libhdf5 zoom"));
        stages(readers.get("java"), readers.get("libhdf5"), readers.get("onepass"), renderer, file,
                Math.max(1, Math.min(20, requests - 4)));
        jhdf(file);
        live(dir, renderer);
    }

    /** One request's work: read, bin to 512x512, auto contrast, colour and encode. */
    static byte[] png(DataFileReader reader, ArrayRenderer renderer, Path file, int frame, boolean zoom,
            boolean onePass) throws Exception {
        String slice = frame + (zoom ? ",1792:2304,1792:2304" : ",:,:");
        java.util.Optional<Frame> stored = onePass ? reader.storedFrame(file, DATA, slice) : java.util.Optional.empty();
        Plane p = stored.isPresent() ? renderer.framePlane(stored.get(), 512, 512, Binning.MAX)
                : renderer.plane(reader.read(file, DATA, slice), 512, 512, Binning.MAX);
        double[] c = renderer.percentiles(p, 0.1, 99.9);
        return renderer.png(p, new ImageStyle("viridis", Scale.LOG, Math.max(c[0], 1), c[1]));
    }

    static void row(String what, List<Double> now, List<Double> before) {
        System.out.printf("  %-75s p50 %6.1f ms, p95 %6.1f ms   (baseline, libhdf5 plugin: p50 %6.1f ms, p95 %6.1f ms)%n",
                what + ":", pct(now, 50), pct(now, 95), pct(before, 50), pct(before, 95));
    }

    /** Where a full-frame request's time goes, without HTTP, on frames neither reader has read. */
    static void stages(DataFileReader java, DataFileReader libhdf5, DataFileReader onePass, ArrayRenderer renderer,
            Path file, int n) throws Exception {
        Map<String, List<Double>> t = new TreeMap<>();
        Map<String, List<Double>> cpu = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            int frame = i; // read in the loop above, but long evicted from both readers' frame caches
            NdArray[] a = new NdArray[1];
            Plane[] p = new Plane[1];
            double[][] c = new double[1][];
            stage(t, cpu, "a read, libhdf5 plugin (baseline)", () -> libhdf5.read(file, DATA, frame + ",:,:"));
            stage(t, cpu, "b read, raw chunk + Java decode, whole frame",
                    () -> a[0] = java.read(file, DATA, frame + ",:,:"));
            stage(t, cpu, "c read, raw chunk + Java decode, rows of a 512x512 zoom",
                    () -> java.read(file, DATA, frame + 50 + ",1792:2304,1792:2304"));
            stage(t, cpu, "d bin 4096x4096 to 512x512 (max)", () -> p[0] = renderer.plane(a[0], 512, 512, Binning.MAX));
            Frame[] stored = new Frame[1];
            stage(t, cpu, "g read the chunk as stored (H5Dread_chunk)", () -> stored[0] = onePass.storedFrame(file, DATA,
                    frame + ",:,:").orElseThrow());
            stage(t, cpu, "h bin to 512x512 (max) while decoding, 2 threads", () -> renderer.framePlane(stored[0], 512, 512,
                    Binning.MAX));
            stage(t, cpu, "e percentiles 0.1/99.9", () -> c[0] = renderer.percentiles(p[0], 0.1, 99.9));
            stage(t, cpu, "f colour + PNG 512x512", () -> renderer.png(p[0], new ImageStyle("viridis", Scale.LOG,
                    Math.max(c[0][0], 1), c[0][1])));
        }
        System.out.println("  stages, without HTTP, wall p50 / p95 and mean CPU time of this JVM (all threads; the"
                + " machine's other load does not count there), " + n + " frames:");
        t.forEach((k, v) -> System.out.printf("    %-60s %6.1f / %6.1f ms, CPU %6.1f ms%n", k.substring(2),
                pct(v, 50), pct(v, 95), cpu.get(k).stream().mapToDouble(Double::doubleValue).average().orElse(0)));
    }

    interface Stage {
        Object run() throws Exception;
    }

    static void stage(Map<String, List<Double>> wall, Map<String, List<Double>> cpu, String key, Stage s)
            throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        s.run();
        wall.computeIfAbsent(key, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
        cpu.computeIfAbsent(key, k -> new ArrayList<>()).add((os.getProcessCpuTime() - c0) / 1e6);
    }

    /** io.jhdf (pure Java, in the target platform) reading the same frames: the alternative weighed in decision 0017. */
    static void jhdf(Path file) {
        try {
            Class<?> hdfFile = Class.forName("io.jhdf.HdfFile");
            Object f = hdfFile.getConstructor(Path.class).newInstance(file);
            Object ds = hdfFile.getMethod("getDatasetByPath", String.class).invoke(f, DATA);
            Method slice = ds.getClass().getMethod("getSlice", long[].class, int[].class);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                slice.invoke(ds, new long[] {i, 0, 0}, new int[] {1, 4096, 4096});
                times.add((System.nanoTime() - t0) / 1e6);
            }
            System.out.printf("  baseline, io.jhdf getSlice of one full frame:                             p50 %.1f ms, p95 %.1f ms%n",
                    pct(times, 50), pct(times, 95));
            hdfFile.getMethod("close").invoke(f);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.out.println("  baseline, io.jhdf: cannot read the frame: " + cause);
        }
    }

    /**
     * The CPU cost of a live frame (bitshuffle/LZ4, 4096x4096 uint32) rendered as the live views do (512x512 max
     * binning, auto contrast, PNG): binned while decoded (now) against decoded whole, then
     * binned (the baseline, as before: {@code plane(pixels(frame))}), alternating; at 5 Hz a viewer costs 5x this per
     * second. CPU is this JVM's (all threads: the baseline bins on the renderer's threads, and GC counts).
     */
    static void live(Path dir, ArrayRenderer renderer) throws Exception {
        byte[] chunk = Files.readAllBytes(dir.resolve("frame-0.chunk"));
        Frame frame = new Frame(0, new FrameGeometry(4096, 4096, PixelType.UINT32), FrameEncoding.BSLZ4,
                ByteBuffer.wrap(chunk), Instant.now());
        Map<String, List<Double>> wall = new TreeMap<>();
        Map<String, List<Double>> cpu = new TreeMap<>();
        String onePass = "b live frame binned while decoded, 512x512 PNG";
        String whole = "a baseline: decoded whole, then binned, 512x512 PNG";
        for (int i = 0; i < 40; i++) {
            boolean measured = i >= 5; // the first rounds warm the JIT up
            for (String path : List.of(whole, onePass)) {
                Stage render = () -> {
                    Plane p = path == onePass ? renderer.framePlane(frame, 512, 512, Binning.MAX)
                            : renderer.plane(renderer.pixels(frame), 512, 512, Binning.MAX);
                    double[] c = renderer.percentiles(p, 0.1, 99.9);
                    return renderer.png(p, new ImageStyle("viridis", Scale.LOG, Math.max(c[0], 1), c[1]));
                };
                if (measured) {
                    stage(wall, cpu, path, render);
                } else {
                    render.run();
                }
            }
        }
        System.out.println("  live frame 4096x4096 bitshuffle/LZ4 -> 512x512 PNG, 35 frames each, alternating:"
                + " wall p50 / p95, mean CPU of this JVM, and at 5 Hz:");
        wall.forEach((k, v) -> {
            double c = cpu.get(k).stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.printf("    %-60s %6.1f / %6.1f ms, CPU %6.1f ms -> %4.1f %% of one core%n", k.substring(2),
                    pct(v, 50), pct(v, 95), c, c * 5 / 10);
        });
    }

    static double get(HttpClient client, String url) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (r.statusCode() != 200 || r.body().length < 8 || r.body()[1] != 'P') {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + new String(r.body()));
        }
        return ms;
    }

    static double pct(List<Double> values, double p) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s.get((int) Math.min(s.size() - 1, Math.round(p / 100 * (s.size() - 1))));
    }

    /** The real reader component, activated as SCR would, with defaults (library found on this Debian system). */
    static DataFileReader reader(boolean decodeInJava) throws Exception {
        Class<?> type = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader");
        Class<?> config = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader$Config");
        Object settings = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (p, m, a) ->
                m.getName().equals("annotationType") ? config : m.getName().equals("decodeInJava") ? decodeInJava
                        : m.getDefaultValue());
        Object reader = type.getConstructor().newInstance();
        Method activate = type.getDeclaredMethod("activate", config);
        activate.setAccessible(true);
        activate.invoke(reader, settings);
        return (DataFileReader) reader;
    }

}
