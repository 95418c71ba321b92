package org.datastamp.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Dataset;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Subject;

/**
 * The landing page as a schema.org {@code Dataset} in JSON-LD, with the properties Google Dataset Search requires
 * (name, description) and recommends (identifier, creator, license, url, keywords, temporalCoverage, distribution,
 * isAccessibleForFree, publisher, datePublished).
 */
final class SchemaOrg {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaOrg() {
    }

    static ObjectNode dataset(LandingPage page) {
        DoiMetadata m = page.metadata();
        String doiUrl = Citations.doiUrl(page.doi());
        ObjectNode d = JSON.createObjectNode();
        d.put("@context", "https://schema.org/");
        d.put("@type", "Dataset");
        d.put("@id", doiUrl);
        d.put("name", m.title());
        d.put("description", description(page));
        d.put("url", m.landingPage());
        d.put("sameAs", doiUrl);
        ObjectNode identifier = d.putObject("identifier");
        identifier.put("@type", "PropertyValue");
        identifier.put("propertyID", "DOI");
        identifier.put("value", page.doi().value());
        identifier.put("url", doiUrl);
        ArrayNode creators = d.putArray("creator");
        m.creators().forEach(c -> creators.add(creator(c)));
        ObjectNode publisher = d.putObject("publisher");
        publisher.put("@type", "Organization");
        publisher.put("name", m.publisher());
        if (!m.publisherRor().isEmpty()) {
            publisher.put("@id", m.publisherRor());
        }
        d.put("datePublished", Integer.toString(m.publicationYear()));
        d.put("license", m.rights().uri().isEmpty() ? m.rights().name() : m.rights().uri());
        d.put("isAccessibleForFree", true);
        ArrayNode keywords = d.putArray("keywords");
        m.subjects().stream().map(Subject::value).forEach(keywords::add);
        for (DoiDate date : m.dates()) {
            if (date.type() == DateType.COLLECTED) {
                d.put("temporalCoverage", date.value());
            }
        }
        ArrayNode citations = d.putArray("citation");
        for (RelatedIdentifier r : m.relatedIdentifiers()) {
            if ("IsSupplementTo".equals(r.relationType()) || "IsCitedBy".equals(r.relationType())) {
                citations.add("DOI".equals(r.identifierType()) ? "https://doi.org/" + r.identifier() : r.identifier());
            }
        }
        ArrayNode distribution = d.putArray("distribution");
        for (Dataset dataset : page.datasets()) {
            ObjectNode download = distribution.addObject();
            download.put("@type", "DataDownload");
            download.put("name", dataset.content().title());
            download.put("encodingFormat", "application/zip");
            download.put("contentUrl", page.zipUrl(dataset));
            download.put("contentSize", dataset.size() + " B");
        }
        return d;
    }

    /** Google needs 50 to 5000 characters; a short abstract is completed from what the page lists. */
    private static String description(LandingPage page) {
        DoiMetadata m = page.metadata();
        String text = m.description().isBlank() ? m.title() : m.description();
        if (text.length() < 50) {
            text = text + ". " + page.datasets().size() + " dataset(s) published by " + m.publisher() + " in "
                    + m.publicationYear() + " under DOI " + page.doi().value() + ".";
        }
        return text.length() > 5000 ? text.substring(0, 4997) + "..." : text;
    }

    private static ObjectNode creator(Creator c) {
        ObjectNode p = JSON.createObjectNode();
        boolean person = !c.familyName().isEmpty();
        p.put("@type", person ? "Person" : "Organization");
        p.put("name", c.name());
        if (person) {
            if (!c.givenName().isEmpty()) {
                p.put("givenName", c.givenName());
            }
            p.put("familyName", c.familyName());
        }
        if (!c.orcid().isEmpty()) {
            p.put("@id", "https://orcid.org/" + c.orcid());
        }
        if (!c.affiliations().isEmpty()) {
            ArrayNode affiliations = p.putArray("affiliation");
            for (Affiliation a : c.affiliations()) {
                ObjectNode o = affiliations.addObject();
                o.put("@type", "Organization");
                o.put("name", a.name());
                if (!a.ror().isEmpty()) {
                    o.put("@id", a.ror());
                }
            }
        }
        return p;
    }

    /**
     * JSON for a {@code <script type="application/ld+json">} element: {@code <}, {@code >} and {@code &} only occur
     * inside JSON strings, where their unicode escapes mean the same, so no text can close the script element.
     */
    static String forScriptElement(ObjectNode json) {
        return json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
