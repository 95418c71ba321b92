package org.datastamp.doi.api;

/**
 * Writes DOI metadata in one XML format, e.g. DataCite XML; offered as a service so open-data endpoints (OAI-PMH)
 * can serve every format installed.
 */
public interface DoiMetadataFormat {

    /** The OAI-PMH metadataPrefix, e.g. {@code oai_datacite}. */
    String metadataPrefix();

    /** Namespace of the root element. */
    String namespace();

    /** URL of the XML schema the output validates against. */
    String schemaLocation();

    /** The metadata as an XML element (no XML declaration), valid against {@link #schemaLocation()}. */
    String toXml(Doi doi, DoiMetadata metadata);
}
