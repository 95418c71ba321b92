package org.datastamp.doi.datacite;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * DataCite's OAI-PMH dissemination format {@code oai_datacite} (schema oai-1.1): the DataCite XML record wrapped
 * with the schema version and the symbol of the repository (data centre) that registered it.
 */
@Component(service = DoiMetadataFormat.class, configurationPid = OaiDataCiteFormat.PID)
@Designate(ocd = OaiDataCiteFormat.Config.class)
public class OaiDataCiteFormat implements DoiMetadataFormat {

    static final String PID = "org.datastamp.doi.datacite.oai";
    static final String NAMESPACE = "http://schema.datacite.org/oai/oai-1.1/";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @ObjectClassDefinition(name = "DataSTaMP oai_datacite format",
            description = "DataCite records for OAI-PMH harvesters")
    public @interface Config {

        @AttributeDefinition(description = "Symbol of the DataCite repository that registers the DOIs, e.g."
                + " MAXIV.DATA")
        String datacentreSymbol() default "DATASTAMP";
    }

    private final String datacentreSymbol;

    @Activate
    public OaiDataCiteFormat(Config config) {
        this(config.datacentreSymbol());
    }

    OaiDataCiteFormat(String datacentreSymbol) {
        this.datacentreSymbol = datacentreSymbol;
    }

    @Override
    public String metadataPrefix() {
        return "oai_datacite";
    }

    @Override
    public String namespace() {
        return NAMESPACE;
    }

    @Override
    public String schemaLocation() {
        return "http://schema.datacite.org/oai/oai-1.1/oai.xsd";
    }

    @Override
    public String toXml(Doi doi, DoiMetadata metadata) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "oai_datacite");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "schemaVersion");
            xml.writeCharacters("4.6");
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "datacentreSymbol");
            xml.writeCharacters(datacentreSymbol);
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "payload");
            xml.writeCharacters("");
            xml.flush();
            text.write(DataCiteXml.element(doi, metadata));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write oai_datacite for " + doi.value(), e);
        }
        return text.toString();
    }
}
