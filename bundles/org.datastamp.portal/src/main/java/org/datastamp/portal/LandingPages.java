package org.datastamp.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;

/**
 * Landing pages at {@code /doi/<prefix>/<suffix>}: HTML by default; DataCite text, BibTeX, RIS, JSON-LD or DataCite
 * XML by {@code ?format=} or by the Accept header (the media types of DOI content negotiation). Only registered DOIs
 * have a page, and only datasets an anonymous visitor may see are listed.
 */
final class LandingPages {

    static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "text/x-bibliography", "text", "application/x-bibtex", "bibtex",
            "application/x-research-info-systems", "ris", "application/ld+json", "json-ld",
            "application/vnd.schemaorg.ld+json", "json-ld", "application/vnd.datacite.datacite+xml", "datacite");

    private final Supplier<DoiMinting> minting;
    private final Supplier<Catalog> catalog;
    private final Function<String, Optional<DoiMetadataFormat>> formats;

    LandingPages(Supplier<DoiMinting> minting, Supplier<Catalog> catalog,
            Function<String, Optional<DoiMetadataFormat>> formats) {
        this.minting = minting;
        this.catalog = catalog;
        this.formats = formats;
    }

    Answer answer(String path, String format, String accept) {
        String doiText = path.startsWith("/") ? path.substring(1) : path;
        Doi doi;
        try {
            doi = new Doi(doiText);
        } catch (IllegalArgumentException e) {
            return notFound(doiText, "is not a DOI");
        }
        DoiMinting m = minting.get();
        Catalog c = catalog.get();
        if (m == null || c == null) {
            return Answer.of(503, "text/plain; charset=utf-8", "The catalogue is starting; try again shortly.\n");
        }
        Optional<MintRequest> request;
        List<Dataset> datasets = new ArrayList<>();
        try {
            request = m.registered(doi);
            if (request.isEmpty()) {
                return notFound(doi.value(), "is not registered here");
            }
            for (DatasetId id : request.get().datasets()) {
                c.find(id, Viewer.anonymous()).ifPresent(datasets::add);
            }
        } catch (MintingException | CatalogException e) {
            return Answer.of(503, "text/plain; charset=utf-8", "The catalogue cannot be read now: " + e.getMessage()
                    + "\n");
        }
        LandingPage page = new LandingPage(doi, request.get(), datasets);
        String chosen = chooseFormat(format, accept);
        return switch (chosen) {
            case "text" -> Answer.of(200, "text/x-bibliography; charset=utf-8",
                    Citations.text(doi, page.metadata()) + "\n");
            case "bibtex" -> Answer.of(200, "application/x-bibtex; charset=utf-8", Citations.bibtex(doi,
                    page.metadata()));
            case "ris" -> Answer.of(200, "application/x-research-info-systems; charset=utf-8", Citations.ris(doi,
                    page.metadata()));
            case "json-ld" -> Answer.of(200, "application/ld+json; charset=utf-8", SchemaOrg.dataset(page).toString());
            case "datacite" -> formats.apply("datacite").map(f -> Answer.of(200,
                    "application/vnd.datacite.datacite+xml; charset=utf-8", f.toXml(doi, page.metadata())))
                    .orElse(Answer.of(406, "text/plain; charset=utf-8", "DataCite XML needs the DataCite bundle\n"));
            case "html" -> Answer.of(200, HTML, LandingPageHtml.render(page));
            default -> Answer.of(400, "text/plain; charset=utf-8", "Unknown format '" + format
                    + "'; use one of html, " + String.join(", ", Citations.formats()) + "\n");
        };
    }

    /** {@code ?format=} wins; else the first Accept media type we serve; else HTML. */
    static String chooseFormat(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.strip().toLowerCase(Locale.ROOT);
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (MEDIA_TYPES.containsKey(type)) {
                return MEDIA_TYPES.get(type);
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                return "html";
            }
        }
        return "html";
    }

    private static Answer notFound(String doi, String why) {
        return Answer.of(404, HTML, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>DOI not"
                + " found</title></head><body><h1>DOI not found</h1><p>" + Html.escape(doi) + " " + why
                + ".</p></body></html>\n");
    }
}
