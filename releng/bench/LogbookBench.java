import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Logbook figures against a running product (releng/bench/logbook-figures starts it and seeds the session):
 * p50/p95 of a session's scans overview over REST and the rate at which notes are rendered (Markdown to sanitized
 * HTML on every read), each beside the plain GET /api/v1/me round trip measured in the same run.
 *
 * Usage: java LogbookBench.java notes URL USER PASSWORD SESSION COUNT   (adds COUNT notes)
 *        java LogbookBench.java measure URL USER PASSWORD SESSION ROUNDS
 */
public final class LogbookBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String url = args[1];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[2] + ":" + args[3])
                .getBytes(StandardCharsets.UTF_8));
        String session = args[4];
        int n = Integer.parseInt(args[5]);
        if (args[0].equals("notes")) {
            for (int i = 0; i < n; i++) {
                String markdown = "Note " + i + ": beam **re-aligned**, see [wiki](https://example.org/wiki/" + i
                        + ") and #scan-" + String.format("%06d", i + 1) + ".\\n\\n- gap 1.2 mm\\n- `I0` stable\\n\\n"
                        + "<script>alert(1)</script> stays text";
                HttpResponse<String> r = send(url + "/api/v1/logbooks/sessions/" + session + "/entries", auth,
                        "{\"markdown\":\"" + markdown + "\"}");
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("note " + i + ": " + r.statusCode() + " " + r.body());
                }
            }
            System.out.println("added " + n + " notes");
            return;
        }
        String me = url + "/api/v1/me";
        String scans = url + "/api/v1/logbooks/sessions/" + session + "/scans";
        String entries = url + "/api/v1/logbooks/sessions/" + session + "/entries";
        int rows = count(send(scans, auth, null).body());
        int notes = count(send(entries, auth, null).body());
        for (int i = 0; i < 5; i++) { // warm-up
            send(me, auth, null);
            send(scans, auth, null);
            send(entries, auth, null);
        }
        List<Double> base = new ArrayList<>();
        List<Double> overview = new ArrayList<>();
        List<Double> rendering = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n; i++) { // interleaved, so drift hits all three alike
            base.add(time(me, auth));
            long t = System.nanoTime();
            bytes = send(scans, auth, null).body().length();
            overview.add((System.nanoTime() - t) / 1e6);
            rendering.add(time(entries, auth));
        }
        System.out.printf(Locale.ROOT, "baseline GET /api/v1/me:                p50 %7.1f ms  p95 %7.1f ms%n",
                pct(base, 50), pct(base, 95));
        System.out.printf(Locale.ROOT, "overview GET .../sessions/%s/scans (%d scans, %d kB): p50 %7.1f ms  p95 %7.1f ms%n",
                session, rows, bytes / 1024, pct(overview, 50), pct(overview, 95));
        double renderMs = pct(rendering, 50) - pct(base, 50);
        System.out.printf(Locale.ROOT, "notes GET .../sessions/%s/entries (%d notes): p50 %7.1f ms  p95 %7.1f ms"
                + "  -> %.0f notes rendered/s (p50 less the baseline)%n", session, notes, pct(rendering, 50),
                pct(rendering, 95), notes / (renderMs / 1000));
    }

    private static int count(String jsonArray) {
        // top-level objects of a flat array of records: count the '{"scanId"' / '{"id"' openings
        int n = 0;
        for (int i = jsonArray.indexOf("{\""); i >= 0; i = jsonArray.indexOf("},{\"", i + 1)) {
            n++;
        }
        return n;
    }

    private static double time(String url, String auth) throws Exception {
        long t = System.nanoTime();
        send(url, auth, null);
        return (System.nanoTime() - t) / 1e6;
    }

    private static HttpResponse<String> send(String url, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (body == null && r.statusCode() != 200) {
            throw new IllegalStateException(url + ": " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
