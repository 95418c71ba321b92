package org.datastamp.portal;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Subject;

/** Unqualified Dublin Core for OAI-PMH ({@code oai_dc}), the format every harvester must be offered. */
final class DublinCore implements DoiMetadataFormat {

    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    @Override
    public String metadataPrefix() {
        return "oai_dc";
    }

    @Override
    public String namespace() {
        return OAI_DC;
    }

    @Override
    public String schemaLocation() {
        return "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    }

    @Override
    public String toXml(Doi doi, DoiMetadata m) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            xml.writeStartElement("oai_dc", "dc", OAI_DC);
            xml.writeNamespace("oai_dc", OAI_DC);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "schemaLocation", OAI_DC + " " + schemaLocation());
            element(xml, "title", m.title());
            for (Creator c : m.creators()) {
                element(xml, "creator", c.name());
            }
            for (Subject s : m.subjects()) {
                element(xml, "subject", s.value());
            }
            if (!m.description().isBlank()) {
                element(xml, "description", m.description());
            }
            element(xml, "publisher", m.publisher());
            element(xml, "date", Integer.toString(m.publicationYear()));
            for (DoiDate d : m.dates()) {
                element(xml, "coverage", d.value());
            }
            element(xml, "type", "Dataset");
            element(xml, "identifier", Citations.doiUrl(doi));
            for (RelatedIdentifier r : m.relatedIdentifiers()) {
                element(xml, "relation", "DOI".equals(r.identifierType()) ? "https://doi.org/" + r.identifier()
                        : r.identifier());
            }
            element(xml, "rights", m.rights().uri().isEmpty() ? m.rights().name() : m.rights().uri());
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write oai_dc for " + doi.value(), e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("dc", name, DC);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
