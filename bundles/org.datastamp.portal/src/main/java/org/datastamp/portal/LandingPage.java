package org.datastamp.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.MintRequest;

/**
 * What a DOI's landing page shows: the registered metadata and the public datasets behind it.
 *
 * @param doi      the DOI
 * @param request  its (registered) minting request
 * @param datasets its datasets, as anonymous visitors see them
 */
record LandingPage(Doi doi, MintRequest request, List<Dataset> datasets) {

    LandingPage {
        datasets = List.copyOf(datasets);
    }

    DoiMetadata metadata() {
        return request.metadata();
    }

    /** The platform's public base URL, taken from the registered landing page URL ({@code <base>/doi/<doi>}). */
    String origin() {
        String url = metadata().landingPage();
        int at = url.indexOf("/doi/");
        return at < 0 ? "" : url.substring(0, at);
    }

    /** Absolute URL of the whole dataset as a ZIP, for JSON-LD read elsewhere (served by the REST API). */
    String zipUrl(Dataset d) {
        return origin() + zipPath(d);
    }

    /**
     * The ZIP's path on this server. The page links by path, so its links work on whatever address the visitor
     * reached it by (a proxy, a test port), not only on the configured public one.
     */
    static String zipPath(Dataset d) {
        return "/api/v1/datasets/" + encode(d.id().value()) + "/download";
    }

    /** The path of one file, resumable with HTTP Range. */
    static String filePath(Dataset d, String path) {
        StringBuilder url = new StringBuilder("/api/v1/datasets/").append(encode(d.id().value())).append("/files");
        for (String segment : path.split("/")) {
            url.append('/').append(encode(segment));
        }
        return url.toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
