import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal benchmark's driver (issue 7), talking to a running platform over HTTP like a visitor, a harvester and
 * the PaNOSC federated search do. Reuses {@link CatalogBench}'s REST client and timing (same folder; Java 22+ runs
 * multi-file source programs).
 *
 * <pre>
 * java PortalBench.java seed    &lt;base-url&gt; &lt;user&gt; &lt;password&gt; &lt;dois&gt;     (datasets, DOIs requested and approved)
 * java PortalBench.java zip     &lt;base-url&gt; &lt;user&gt; &lt;password&gt; &lt;location&gt; &lt;file&gt;... (registers the ZIP dataset)
 * java PortalBench.java measure &lt;base-url&gt; &lt;runs&gt;
 * </pre>
 */
public final class PortalBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(new CatalogBench.Api(args[1], args[2], args[3]), Integer.parseInt(args[4]));
            case "zip" -> zipDataset(new CatalogBench.Api(args[1], args[2], args[3]), args[4],
                    List.of(args).subList(5, args.length));
            case "measure" -> measure(new CatalogBench.Api(args[1], null, null), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("seed, zip or measure, not " + args[0]);
        }
    }

    /** One dataset per DOI, each with an energy in keV or eV, requested with the pre-filled form and approved. */
    static void seed(CatalogBench.Api api, int dois) throws Exception {
        Random r = new Random(7);
        long t0 = System.nanoTime();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < dois; i++) {
            double kev = 5 + r.nextInt(2000) / 100.0;
            boolean ev = i % 2 == 0;
            batch.append(i == 0 ? "" : ",").append("{\"id\":\"bench-doi-").append(i).append("\",\"title\":\"Bench")
                    .append(" dataset ").append(i).append(" lysozyme\",\"type\":\"RAW\",\"instrument\":\"")
                    .append(CatalogBench.INSTRUMENTS[i % CatalogBench.INSTRUMENTS.length]).append("\",\"location\":")
                    .append("\"raw/bench-doi-").append(i).append("\",\"startTime\":\"2025-06-01T08:00:00Z\",")
                    .append("\"endTime\":\"2025-06-01T09:00:00Z\",\"technique\":\"SAXS\",\"files\":[{\"path\":")
                    .append("\"scan.nxs\",\"size\":1048576,\"checksumAlgorithm\":\"SHA-256\",\"checksum\":\"")
                    .append("ab".repeat(32)).append("\",\"modified\":\"2025-06-01T09:00:00Z\"}],\"metadata\":[{")
                    .append("\"name\":\"photon_energy\",\"value\":").append(ev ? kev * 1000 : kev).append(",\"unit\":\"")
                    .append(ev ? "eV" : "keV").append("\"}]}");
        }
        api.send("POST", "/api/v1/datasets/batch", batch.append("]").toString(), 200, 201);
        for (int i = 0; i < dois; i++) {
            mint(api, "bench-doi-" + i);
        }
        System.out.printf("seeded %d datasets and minted a DOI for each in %.1f s%n", dois, CatalogBench.seconds(t0));
    }

    /** Registers the dataset whose files the script wrote into the hot tier, and publishes it. */
    static void zipDataset(CatalogBench.Api api, String location, List<String> files) throws Exception {
        StringBuilder json = new StringBuilder("[{\"id\":\"bench-zip\",\"title\":\"Bench ZIP\",\"type\":\"RAW\",")
                .append("\"instrument\":\"CoSAXS\",\"location\":\"").append(location).append("\",\"startTime\":")
                .append("\"2025-06-01T08:00:00Z\",\"endTime\":\"2025-06-01T09:00:00Z\",\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            String[] nameSize = files.get(i).split("=");
            json.append(i == 0 ? "" : ",").append("{\"path\":\"").append(nameSize[0]).append("\",\"size\":")
                    .append(nameSize[1]).append(",\"checksumAlgorithm\":\"SHA-256\",\"checksum\":\"")
                    .append("cd".repeat(32)).append("\",\"modified\":\"2025-06-01T09:00:00Z\"}");
        }
        api.send("POST", "/api/v1/datasets/batch", json.append("],\"metadata\":[]}]").toString(), 200, 201);
        System.out.println(mint(api, "bench-zip"));
    }

    static String mint(CatalogBench.Api api, String dataset) throws Exception {
        String form = api.send("GET", "/api/v1/doi-requests/form?datasets=" + dataset, null, 200);
        String requested = api.send("POST", "/api/v1/doi-requests", "{\"datasets\":[\"" + dataset + "\"],\"metadata\":"
                + form + "}", 201);
        String id = field(requested, "id");
        return field(api.send("POST", "/api/v1/doi-requests/" + id + "/approve", "", 200), "doi");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void measure(CatalogBench.Api anonymous, int runs) throws Exception {
        String oai = anonymous.send("GET", "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc", null, 200);
        List<String> dois = new ArrayList<>();
        Matcher m = Pattern.compile("<identifier>doi:([^<]+)</identifier>").matcher(oai);
        while (m.find()) {
            dois.add(m.group(1));
        }
        if (dois.isEmpty()) {
            throw new IllegalStateException("no DOIs harvested: " + oai.substring(0, Math.min(400, oai.length())));
        }
        Random r = new Random(11);
        CatalogBench.run(anonymous, "baseline: GET /api/capabilities", runs, i -> "/api/capabilities");
        CatalogBench.run(anonymous, "landing page (HTML)", runs, i -> "/doi/" + dois.get(r.nextInt(dois.size())));
        CatalogBench.run(anonymous, "landing page (BibTeX)", runs,
                i -> "/doi/" + dois.get(r.nextInt(dois.size())) + "?format=bibtex");
        CatalogBench.run(anonymous, "OAI ListRecords (100)", runs,
                i -> "/oai?verb=ListRecords&metadataPrefix=oai_datacite");
        CatalogBench.run(anonymous, "OAI GetRecord", runs, i -> "/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier="
                + "doi:" + dois.get(r.nextInt(dois.size())));
        CatalogBench.run(anonymous, "PaNOSC energy range", runs, i -> "/api/panosc/Datasets?filter="
                + CatalogBench.encode("{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":{\"and\":["
                        + "{\"name\":\"photon_energy\"},{\"value\":{\"between\":[" + (5 + r.nextInt(10)) + ","
                        + (16 + r.nextInt(8)) + "]}},{\"unit\":\"keV\"}]}}}],\"limit\":25}"));
        CatalogBench.run(anonymous, "PaNOSC free text", runs, i -> "/api/panosc/Datasets?query=lysozyme&filter="
                + CatalogBench.encode("{\"limit\":25}"));
    }
}
