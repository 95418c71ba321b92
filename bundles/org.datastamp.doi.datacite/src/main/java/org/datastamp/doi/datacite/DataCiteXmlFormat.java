package org.datastamp.doi.datacite;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.osgi.service.component.annotations.Component;

/** DataCite XML (kernel 4.6) for OAI-PMH harvesters, metadataPrefix {@code datacite}. */
@Component(service = DoiMetadataFormat.class)
public class DataCiteXmlFormat implements DoiMetadataFormat {

    @Override
    public String metadataPrefix() {
        return "datacite";
    }

    @Override
    public String namespace() {
        return DataCiteXml.NAMESPACE;
    }

    @Override
    public String schemaLocation() {
        return DataCiteXml.SCHEMA_LOCATION;
    }

    @Override
    public String toXml(Doi doi, DoiMetadata metadata) {
        return DataCiteXml.element(doi, metadata);
    }
}
