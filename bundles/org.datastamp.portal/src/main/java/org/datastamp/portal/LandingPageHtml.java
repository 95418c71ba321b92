package org.datastamp.portal;

import static org.datastamp.portal.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Subject;

/** The human-readable landing page; every text from the metadata or the catalogue is escaped. */
final class LandingPageHtml {

    /** Pages list at most this many files per dataset; the ZIP has them all. */
    static final int MAX_FILES_LISTED = 200;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private LandingPageHtml() {
    }

    static String render(LandingPage page) {
        DoiMetadata m = page.metadata();
        String doiUrl = Citations.doiUrl(page.doi());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(m.title())).append("</title>")
                .append("<link rel=\"cite-as\" href=\"").append(escape(doiUrl)).append("\">")
                .append("<meta name=\"citation_title\" content=\"").append(escape(m.title())).append("\">")
                .append("<meta name=\"citation_doi\" content=\"").append(escape(page.doi().value())).append("\">")
                .append("<script type=\"application/ld+json\">")
                .append(SchemaOrg.forScriptElement(SchemaOrg.dataset(page)))
                .append("</script><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
                        + "table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;"
                        + "text-align:left}pre{white-space:pre-wrap;background:#f5f5f5;padding:.6em}</style>")
                .append("</head><body>\n<main>\n<h1 id=\"title\">").append(escape(m.title())).append("</h1>\n");
        h.append("<p class=\"creators\">");
        for (int i = 0; i < m.creators().size(); i++) {
            h.append(i == 0 ? "" : "; ").append(creator(m.creators().get(i)));
        }
        h.append("</p>\n<p>DOI: <a id=\"doi\" href=\"").append(escape(doiUrl)).append("\">").append(escape(doiUrl))
                .append("</a><br>Published ").append(m.publicationYear()).append(" by ").append(escape(m.publisher()))
                .append(" &middot; Licence: ").append(rights(m)).append("</p>\n");
        if (!m.description().isBlank()) {
            h.append("<h2>Description</h2>\n<p id=\"description\">").append(escape(m.description())).append("</p>\n");
        }
        details(h, m);
        datasets(h, page);
        citations(h, page);
        h.append("</main>\n</body></html>\n");
        return h.toString();
    }

    private static String creator(Creator c) {
        StringBuilder s = new StringBuilder(escape(c.name()));
        if (!c.orcid().isEmpty()) {
            s.append(" <a href=\"https://orcid.org/").append(escape(c.orcid())).append("\">ORCID ")
                    .append(escape(c.orcid())).append("</a>");
        }
        for (Affiliation a : c.affiliations()) {
            s.append(" (").append(a.ror().isEmpty() ? escape(a.name())
                    : "<a href=\"" + escape(a.ror()) + "\">" + escape(a.name()) + "</a>").append(')');
        }
        return s.toString();
    }

    private static String rights(DoiMetadata m) {
        return m.rights().uri().isEmpty() ? escape(m.rights().name())
                : "<a href=\"" + escape(m.rights().uri()) + "\">" + escape(m.rights().name()) + "</a>";
    }

    private static void details(StringBuilder h, DoiMetadata m) {
        if (m.subjects().isEmpty() && m.dates().isEmpty() && m.relatedIdentifiers().isEmpty()) {
            return;
        }
        h.append("<h2>Details</h2>\n<dl>");
        for (Subject s : m.subjects()) {
            h.append("<dt>").append(s.scheme().isEmpty() ? "Keyword" : escape(s.scheme())).append("</dt><dd>")
                    .append(escape(s.value())).append("</dd>");
        }
        for (DoiDate d : m.dates()) {
            h.append("<dt>").append(escape(d.type().dataCiteName())).append("</dt><dd>").append(escape(d.value()))
                    .append("</dd>");
        }
        for (RelatedIdentifier r : m.relatedIdentifiers()) {
            String href = "DOI".equals(r.identifierType()) ? "https://doi.org/" + r.identifier() : r.identifier();
            h.append("<dt>").append(escape(r.relationType())).append("</dt><dd>");
            if (href.startsWith("https://") || href.startsWith("http://")) {
                h.append("<a href=\"").append(escape(href)).append("\">").append(escape(r.identifier())).append("</a>");
            } else {
                h.append(escape(r.identifier()));
            }
            h.append("</dd>");
        }
        h.append("</dl>\n");
    }

    private static void datasets(StringBuilder h, LandingPage page) {
        h.append("<h2>Data</h2>\n");
        if (page.datasets().isEmpty()) {
            h.append("<p>The datasets are not public yet.</p>\n");
            return;
        }
        for (Dataset d : page.datasets()) {
            h.append("<section class=\"dataset\" id=\"dataset-").append(escape(d.id().value())).append("\"><h3>")
                    .append(escape(d.content().title())).append("</h3><p>").append(escape(d.content().instrument()))
                    .append(" &middot; ").append(TIME.format(d.content().startTime())).append(" &middot; ")
                    .append(d.content().files().size()).append(" files, ").append(bytes(d.size()))
                    .append(" &middot; <a class=\"zip\" href=\"").append(escape(LandingPage.zipPath(d)))
                    .append("\">Download all (ZIP)</a></p>");
            if (!d.content().files().isEmpty()) {
                h.append("<table><tr><th>File</th><th>Size</th><th>SHA-256 / checksum</th></tr>");
                d.content().files().stream().limit(MAX_FILES_LISTED).forEach(f -> file(h, d, f));
                h.append("</table>");
                if (d.content().files().size() > MAX_FILES_LISTED) {
                    h.append("<p>").append(d.content().files().size() - MAX_FILES_LISTED)
                            .append(" more files are in the ZIP.</p>");
                }
            }
            h.append("</section>\n");
        }
    }

    private static void file(StringBuilder h, Dataset d, Datafile f) {
        h.append("<tr><td><a href=\"").append(escape(LandingPage.filePath(d, f.path()))).append("\">")
                .append(escape(f.path()))
                .append("</a></td><td>").append(bytes(f.size())).append("</td><td><code>")
                .append(escape(f.checksumAlgorithm())).append(' ').append(escape(f.checksum()))
                .append("</code></td></tr>");
    }

    /** Export links are relative to the page, so they work on whatever address it was reached by. */
    private static void citations(StringBuilder h, LandingPage page) {
        h.append("<h2>Cite as</h2>\n<p id=\"citation\">").append(escape(Citations.text(page.doi(), page.metadata())))
                .append("</p>\n<p>Export: <a href=\"?format=bibtex\">BibTeX</a> &middot; <a href=\"?format=ris\">RIS</a>")
                .append(" &middot; <a href=\"?format=datacite\">DataCite XML</a> &middot; <a href=\"?format=json-ld\">")
                .append("JSON-LD</a></p>\n<pre id=\"bibtex\">").append(escape(Citations.bibtex(page.doi(),
                        page.metadata()))).append("</pre>\n");
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
