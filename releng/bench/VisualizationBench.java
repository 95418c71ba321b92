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
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        DataFileReader reader = reader();
        ArrayRenderer renderer = (ArrayRenderer) Class.forName("org.datastamp.visualization.render.RendererComponent")
                .getConstructor().newInstance();

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/png", exchange -> {
            String q = exchange.getRequestURI().getQuery();
            int frame = Integer.parseInt(q.replaceAll(".*frame=(\\d+).*", "$1"));
            boolean zoom = q.contains("zoom=1");
            try {
                NdArray a = reader.read(file, DATA, frame + (zoom ? ",1792:2304,1792:2304" : ",:,:"));
                Plane p = renderer.plane(a, 512, 512, Binning.MAX);
                double[] c = renderer.percentiles(p, 0.1, 99.9);
                byte[] png = renderer.png(p, new ImageStyle("viridis", Scale.LOG, Math.max(c[0], 1), c[1]));
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
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/png?frame=";

        get(client, base + "99"); // JIT and library warm-up on a frame not measured below
        List<Double> full = new ArrayList<>();
        List<Double> zoom = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            full.add(get(client, base + (i % 99)));
            zoom.add(get(client, base + ((i + 50) % 99) + "&zoom=1"));
        }
        List<Double> readOnly = new ArrayList<>();
        for (int i = 0; i < Math.min(requests, 20); i++) {
            long t0 = System.nanoTime();
            reader.read(file, DATA, i + ",:,:");
            readOnly.add((System.nanoTime() - t0) / 1e6);
        }
        server.stop(0);

        System.out.printf("Visualization figures: 4096x4096 uint32 bitshuffle/LZ4 frames, %d requests each, cold frames%n",
                requests);
        System.out.printf("  full frame -> 512x512 PNG over HTTP (max binning 8x8, log, auto contrast): p50 %.1f ms, p95 %.1f ms%n",
                pct(full, 50), pct(full, 95));
        System.out.printf("  512x512 zoom -> PNG over HTTP:                                           p50 %.1f ms, p95 %.1f ms%n",
                pct(zoom, 50), pct(zoom, 95));
        System.out.printf("  baseline, libhdf5 read of one full frame alone (no render, no HTTP):     p50 %.1f ms, p95 %.1f ms%n",
                pct(readOnly, 50), pct(readOnly, 95));
        jhdf(file);
        live(dir, renderer);
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

    /** Decoding a live bitshuffle/LZ4 frame and rendering it; at 5 Hz a viewer costs 5x this per second of CPU. */
    static void live(Path dir, ArrayRenderer renderer) throws Exception {
        byte[] chunk = Files.readAllBytes(dir.resolve("frame-0.chunk"));
        Frame frame = new Frame(0, new FrameGeometry(4096, 4096, PixelType.UINT32), FrameEncoding.BSLZ4,
                ByteBuffer.wrap(chunk), Instant.now());
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            Plane p = renderer.plane(renderer.pixels(frame), 512, 512, Binning.MAX);
            double[] c = renderer.percentiles(p, 0.1, 99.9);
            renderer.png(p, new ImageStyle("viridis", Scale.LOG, Math.max(c[0], 1), c[1]));
            times.add((System.nanoTime() - t0) / 1e6);
        }
        double p50 = pct(times, 50);
        System.out.printf("  live frame decode + 512x512 PNG: p50 %.1f ms, p95 %.1f ms -> at 5 Hz %.0f %% of one core%n",
                p50, pct(times, 95), p50 * 5 / 10);
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
    static DataFileReader reader() throws Exception {
        Class<?> type = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader");
        Class<?> config = Class.forName("org.datastamp.visualization.hdf5.Hdf5DataFileReader$Config");
        Object settings = Proxy.newProxyInstance(config.getClassLoader(), new Class<?>[] {config}, (p, m, a) ->
                m.getName().equals("annotationType") ? config : m.getDefaultValue());
        Object reader = type.getConstructor().newInstance();
        Method activate = type.getDeclaredMethod("activate", config);
        activate.setAccessible(true);
        activate.invoke(reader, settings);
        return (DataFileReader) reader;
    }

}
