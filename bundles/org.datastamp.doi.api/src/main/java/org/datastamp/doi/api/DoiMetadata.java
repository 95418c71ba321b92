package org.datastamp.doi.api;

import java.util.List;
import java.util.Objects;

/**
 * What is registered about published data with a DOI: the DataCite mandatory properties (creators, title, publisher,
 * publication year, resource type, which is always {@code Dataset} here) and the recommended ones this platform
 * knows. Providers map it to their own format (DataCite XML).
 *
 * @param creators           creators in citation order, at least one
 * @param title              title
 * @param publisher          who publishes: the facility
 * @param publisherRor       the publisher's ROR id URL, empty if unknown
 * @param publicationYear    year of publication
 * @param description        abstract, empty if none
 * @param subjects           keywords, techniques
 * @param dates              collection dates and the like
 * @param relatedIdentifiers publications, input datasets
 * @param rights             licence
 * @param landingPage        the landing page URL the DOI resolves to
 */
public record DoiMetadata(List<Creator> creators, String title, String publisher, String publisherRor,
        int publicationYear, String description, List<Subject> subjects, List<DoiDate> dates,
        List<RelatedIdentifier> relatedIdentifiers, Rights rights, String landingPage) {

    public DoiMetadata {
        if (creators == null || creators.isEmpty()) {
            throw new IllegalArgumentException("Published data need at least one creator");
        }
        creators = List.copyOf(creators);
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Published data need a title");
        }
        if (publisher == null || publisher.isBlank()) {
            throw new IllegalArgumentException("Published data need a publisher");
        }
        publisherRor = publisherRor == null ? "" : publisherRor;
        if (publicationYear < 1000 || publicationYear > 9999) {
            throw new IllegalArgumentException("Publication year " + publicationYear + " is not a four-digit year");
        }
        description = description == null ? "" : description;
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        dates = dates == null ? List.of() : List.copyOf(dates);
        relatedIdentifiers = relatedIdentifiers == null ? List.of() : List.copyOf(relatedIdentifiers);
        Objects.requireNonNull(rights, "rights");
        landingPage = landingPage == null ? "" : landingPage;
    }

    /** The same metadata resolving to another landing page. */
    public DoiMetadata withLandingPage(String url) {
        return new DoiMetadata(creators, title, publisher, publisherRor, publicationYear, description, subjects,
                dates, relatedIdentifiers, rights, url);
    }
}
