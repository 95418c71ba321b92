import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue benchmark's generator and query driver, talking to a running platform through its REST API (what a
 * facility's ingestion pipeline and portal do), with no dependencies beyond the JDK.
 *
 * <pre>
 * java CatalogBench.java seed  &lt;base-url&gt; &lt;user&gt; &lt;password&gt; &lt;datasets&gt; [threads] [batch]
 * java CatalogBench.java wait  &lt;base-url&gt; &lt;user&gt; &lt;password&gt; &lt;datasets&gt;   (until search sees them all)
 * java CatalogBench.java query &lt;base-url&gt; &lt;user&gt; &lt;password&gt; [runs]
 * </pre>
 *
 * The data is deterministic (seeded random): 16 instruments, 2,000 proposals, ~30 metadata entries per dataset of
 * which the temperatures are written half in K and half in degC, so the unit-aware query has to convert.
 */
public final class CatalogBench {

    static final String[] INSTRUMENTS = { "BioMAX", "CoSAXS", "NanoMAX", "Balder", "BLOCH", "DanMAX", "FemtoMAX",
            "FinEstBeaMS", "FlexPES", "HIPPIE", "MicroMAX", "SoftiMAX", "SPECIES", "Veritas", "ForMAX", "MAXPEEM" };
    static final String[] TECHNIQUES = { "MX", "SAXS", "WAXS", "XRF", "XAS", "XPS", "ARPES", "XRD", "STXM", "PEEM",
            "RIXS", "ptychography", "tomography" };
    static final String[] WORDS = { "protein", "lysozyme", "crystal", "membrane", "lipid", "catalyst", "zeolite",
            "perovskite", "battery", "cathode", "anode", "polymer", "micelle", "nanoparticle", "gold", "silver",
            "copper", "iron", "oxide", "thin", "film", "surface", "interface", "kinetics", "in-situ", "operando",
            "high-pressure", "cryo", "solution", "powder", "single", "magnetic", "superconductor", "graphene",
            "enzyme", "virus", "antibody", "cellulose", "soil", "bone", "tooth", "meteorite", "pigment", "paint",
            "alloy", "weld", "steel", "concrete", "cement", "glass" };
    static final int PROPOSALS = 2000;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: seed|wait|query <base-url> <user> <password> ...");
            System.exit(2);
        }
        Api api = new Api(args[1], args[2], args[3]);
        switch (args[0]) {
            case "seed" -> seed(api, Integer.parseInt(args[4]), args.length > 5 ? Integer.parseInt(args[5]) : 2,
                    args.length > 6 ? Integer.parseInt(args[6]) : 500);
            case "wait" -> waitIndexed(api, Long.parseLong(args[4]));
            case "query" -> query(api, args.length > 4 ? Integer.parseInt(args[4]) : 300);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** Registers the facility (instruments, people, proposals), then the datasets in batches from several threads. */
    static void seed(Api api, int count, int threads, int batch) throws Exception {
        for (String instrument : INSTRUMENTS) {
            api.send("PUT", "/api/v1/instruments/" + instrument, "{\"name\":\"" + instrument + " beamline\","
                    + "\"techniques\":[\"" + TECHNIQUES[Math.floorMod(instrument.hashCode(), TECHNIQUES.length)] + "\"]}",
                    200, 201);
        }
        for (int p = 0; p < PROPOSALS; p++) {
            String pi = "user" + p;
            api.send("PUT", "/api/v1/persons/" + pi, "{\"fullName\":\"Scientist " + p + "\",\"email\":\"" + pi
                    + "@example.org\",\"roles\":[\"SCIENTIST\"],\"staffOf\":[]}", 200, 201);
            api.send("PUT", "/api/v1/proposals/" + proposalId(p), "{\"title\":\"Proposal " + p + " on "
                    + WORDS[p % WORDS.length] + "\",\"abstract\":\"\",\"principalInvestigator\":\"" + pi
                    + "\",\"members\":[\"" + pi + "\"]}", 200, 201);
        }
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < count; start += batch) {
            int from = start;
            int to = Math.min(count, start + batch);
            futures.add(pool.submit(() -> {
                StringBuilder body = new StringBuilder(to - from << 12).append('[');
                for (int i = from; i < to; i++) {
                    if (i > from) {
                        body.append(',');
                    }
                    dataset(body, i);
                }
                api.send("POST", "/api/v1/datasets/batch", body.append(']').toString(), 200, 201);
                long n = done.addAndGet(to - from);
                if (n % 50_000 < batch) {
                    System.err.printf("  %,d datasets, %.0f/s%n", n, n / seconds(t0));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("ingest: %,d datasets in %.1f s = %.0f datasets/s (%d threads, batches of %d)%n", count,
                seconds(t0), count / seconds(t0), threads, batch);
    }

    static String proposalId(int p) {
        return "P" + (20240000 + p);
    }

    /** One dataset's JSON, the same for the same index. */
    static void dataset(StringBuilder json, int i) {
        Random r = new Random(i * 7919L + 17);
        int instrument = r.nextInt(INSTRUMENTS.length);
        int proposal = r.nextInt(PROPOSALS);
        Instant start = Instant.parse("2017-01-01T00:00:00Z").plusSeconds((long) (r.nextDouble() * 9 * 365 * 86400));
        String w1 = WORDS[r.nextInt(WORDS.length)];
        String w2 = WORDS[r.nextInt(WORDS.length)];
        String sample = WORDS[r.nextInt(WORDS.length)] + "-" + r.nextInt(100);
        json.append("{\"id\":\"bench-").append(i).append("\",\"title\":\"").append(w1).append(' ').append(w2)
                .append(" scan ").append(i).append("\",\"type\":\"RAW\",\"instrument\":\"").append(INSTRUMENTS[instrument])
                .append("\",\"sampleName\":\"").append(sample).append("\",\"location\":\"bench/").append(i)
                .append("\",\"startTime\":\"").append(start).append("\",\"endTime\":\"").append(start.plusSeconds(60 + r.nextInt(3600)))
                .append("\",\"description\":\"Measurement of ").append(sample).append(" for ").append(w1)
                .append(" studies\",\"proposalId\":\"").append(proposalId(proposal)).append("\",\"technique\":\"")
                .append(TECHNIQUES[(instrument + r.nextInt(2)) % TECHNIQUES.length]).append("\",\"keywords\":[\"")
                .append(w1).append("\",\"").append(w2).append("\"],\"files\":[");
        int files = 1 + r.nextInt(3);
        byte[] digest = new byte[32];
        for (int f = 0; f < files; f++) {
            r.nextBytes(digest);
            json.append(f == 0 ? "" : ",").append("{\"path\":\"scan_").append(i).append('_').append(f)
                    .append(".h5\",\"size\":").append(1_000_000L + r.nextInt(2_000_000_000))
                    .append(",\"checksumAlgorithm\":\"SHA-256\",\"checksum\":\"").append(HexFormat.of().formatHex(digest))
                    .append("\",\"modified\":\"").append(start).append("\"}");
        }
        json.append("],\"metadata\":[");
        double kelvin = 80 + r.nextDouble() * 300;
        if (r.nextBoolean()) {
            quantity(json, "sample_temperature", kelvin, "K");
        } else {
            quantity(json, "sample_temperature", kelvin - 273.15, "degC");
        }
        json.append(',');
        quantity(json, "photon_energy", 5 + r.nextDouble() * 20, "keV");
        json.append(',');
        quantity(json, "exposure_time", 1 + r.nextInt(1000), "ms");
        json.append(',');
        quantity(json, "detector_distance", 100 + r.nextDouble() * 5000, "mm");
        json.append(',');
        quantity(json, "ring_current", 100 + r.nextDouble() * 400, "mA");
        json.append(',');
        quantity(json, "pressure", 1e-9 + r.nextDouble() * 1000, "mbar");
        json.append(',');
        json.append("{\"name\":\"frames\",\"value\":").append(1 + r.nextInt(10000)).append(",\"unit\":\"\"},");
        json.append("{\"name\":\"detector\",\"value\":\"").append(r.nextBoolean() ? "EIGER2 X 16M" : "PILATUS3 2M")
                .append("\",\"unit\":\"\"},");
        json.append("{\"name\":\"attenuated\",\"value\":").append(r.nextBoolean()).append(",\"unit\":\"\"}");
        for (int m = 0; m < 21; m++) { // motor positions: the bulk of a real scan's metadata
            json.append(',');
            quantity(json, "motor_" + m, r.nextDouble() * 100 - 50, m % 3 == 0 ? "deg" : "mm");
        }
        json.append("]}");
    }

    static void quantity(StringBuilder json, String name, double value, String unit) {
        json.append("{\"name\":\"").append(name).append("\",\"value\":").append(Math.round(value * 1000) / 1000.0)
                .append(",\"unit\":\"").append(unit).append("\"}");
    }

    static void waitIndexed(Api api, long expected) throws Exception {
        long t0 = System.nanoTime();
        long total;
        while ((total = total(api.send("GET", "/api/v1/datasets?limit=1", null, 200))) < expected) {
            Thread.sleep(1000);
        }
        System.out.printf("search index caught up: %,d datasets visible, %.1f s after ingest finished%n", total,
                seconds(t0));
    }

    static void query(Api api, int runs) throws Exception {
        Random r = new Random(42);
        // The floor every query pays: an authenticated REST round trip that touches neither the index nor much data
        run(api, "baseline: GET /me", runs, i -> "/api/v1/me");
        run(api, "(a) full text", runs, i -> "/api/v1/datasets?limit=25&q="
                + encode(i % 2 == 0 ? WORDS[r.nextInt(WORDS.length)] : "\"" + WORDS[r.nextInt(WORDS.length)] + " "
                        + WORDS[r.nextInt(WORDS.length)] + "\" OR " + WORDS[r.nextInt(WORDS.length)]));
        run(api, "(b) unit-aware range", runs, i -> "/api/v1/datasets?limit=25&q="
                + encode("sample_temperature > " + (250 + r.nextInt(100)) + " K AND instrument:"
                        + INSTRUMENTS[r.nextInt(INSTRUMENTS.length)]));
        run(api, "(b') unit-aware, wide", runs, i -> "/api/v1/datasets?limit=25&q="
                + encode("sample_temperature > " + (r.nextInt(60)) + " degC"));
        run(api, "(c) facets, all data", runs, i -> "/api/v1/datasets?limit=25&facets=instrument,technique,year,proposal"
                + (i % 2 == 0 ? "" : "&q=" + encode("technique:" + TECHNIQUES[r.nextInt(TECHNIQUES.length)])));
        Api anonymous = new Api(api.base, null, null);
        run(anonymous, "(d) anonymous facets", runs, i -> "/api/v1/datasets?limit=25&facets=instrument,technique,year,proposal&q="
                + encode(WORDS[r.nextInt(WORDS.length)]));
    }

    static void run(Api api, String name, int runs, IntFunction<String> path) throws Exception {
        for (int i = 0; i < 20; i++) {
            api.send("GET", path.apply(i), null, 200);
        }
        long[] nanos = new long[runs];
        long hits = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            String body = api.send("GET", path.apply(i), null, 200);
            nanos[i] = System.nanoTime() - t0;
            hits += total(body);
        }
        Arrays.sort(nanos);
        System.out.printf("%-24s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms   (%d runs, mean hits %,d)%n", name,
                nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[runs - 1] / 1e6, runs, hits / runs);
    }

    static long total(String body) {
        if (!body.contains("\"total\"")) {
            return 0; // the baseline's answer has no hit count
        }
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(m.group(1));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A REST client with Basic authentication (or none); any unexpected status is fatal. */
    record Api(String base, String user, String password) {

        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        String send(String method, String path, String body, int... expected) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }
}
