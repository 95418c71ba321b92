package org.datastamp.doi.datacite;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Subject;

/**
 * Writes {@link DoiMetadata} as a DataCite Metadata Schema 4.6 {@code resource} document. StAX escapes every text
 * and attribute, so titles and names with markup characters stay text.
 */
final class DataCiteXml {

    static final String NAMESPACE = "http://datacite.org/schema/kernel-4";
    static final String SCHEMA_LOCATION = "https://schema.datacite.org/meta/kernel-4.6/metadata.xsd";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private DataCiteXml() {
    }

    /** The whole document, with an XML declaration, as sent to DataCite. */
    static String document(Doi doi, DoiMetadata metadata) {
        return write(doi, metadata, true);
    }

    /** The {@code resource} element alone, to embed in another document. */
    static String element(Doi doi, DoiMetadata metadata) {
        return write(doi, metadata, false);
    }

    private static String write(Doi doi, DoiMetadata metadata, boolean declaration) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(text);
            if (declaration) {
                xml.writeStartDocument("UTF-8", "1.0");
            }
            resource(xml, doi, metadata);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter fails only on a programming error.
            throw new IllegalStateException("Could not write DataCite XML for " + doi.value(), e);
        }
        return text.toString();
    }

    private static void resource(XMLStreamWriter xml, Doi doi, DoiMetadata m) throws XMLStreamException {
        xml.setDefaultNamespace(NAMESPACE);
        xml.writeStartElement(NAMESPACE, "resource");
        xml.writeDefaultNamespace(NAMESPACE);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute(XSI, "schemaLocation", NAMESPACE + " " + SCHEMA_LOCATION);
        text(xml, "identifier", doi.value(), "identifierType", "DOI");
        xml.writeStartElement("creators");
        for (Creator creator : m.creators()) {
            creator(xml, creator);
        }
        xml.writeEndElement();
        xml.writeStartElement("titles");
        text(xml, "title", m.title());
        xml.writeEndElement();
        if (m.publisherRor().isEmpty()) {
            text(xml, "publisher", m.publisher());
        } else {
            text(xml, "publisher", m.publisher(), "publisherIdentifier", m.publisherRor(),
                    "publisherIdentifierScheme", "ROR", "schemeURI", "https://ror.org/");
        }
        text(xml, "publicationYear", Integer.toString(m.publicationYear()));
        text(xml, "resourceType", "", "resourceTypeGeneral", "Dataset");
        subjects(xml, m);
        dates(xml, m);
        relatedIdentifiers(xml, m);
        xml.writeStartElement("rightsList");
        if (m.rights().identifier().isEmpty()) {
            text(xml, "rights", m.rights().name(), "rightsURI", m.rights().uri());
        } else {
            text(xml, "rights", m.rights().name(), "rightsURI", m.rights().uri(), "rightsIdentifier",
                    m.rights().identifier(), "rightsIdentifierScheme", "SPDX", "schemeURI", "https://spdx.org/licenses/");
        }
        xml.writeEndElement();
        if (!m.description().isBlank()) {
            xml.writeStartElement("descriptions");
            text(xml, "description", m.description(), "descriptionType", "Abstract");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void creator(XMLStreamWriter xml, Creator c) throws XMLStreamException {
        boolean person = !c.familyName().isEmpty();
        xml.writeStartElement("creator");
        text(xml, "creatorName", c.name(), "nameType", person ? "Personal" : "Organizational");
        if (!c.givenName().isEmpty()) {
            text(xml, "givenName", c.givenName());
        }
        if (person) {
            text(xml, "familyName", c.familyName());
        }
        if (!c.orcid().isEmpty()) {
            text(xml, "nameIdentifier", "https://orcid.org/" + c.orcid(), "nameIdentifierScheme", "ORCID",
                    "schemeURI", "https://orcid.org");
        }
        for (Affiliation a : c.affiliations()) {
            if (a.ror().isEmpty()) {
                text(xml, "affiliation", a.name());
            } else {
                text(xml, "affiliation", a.name(), "affiliationIdentifier", a.ror(), "affiliationIdentifierScheme",
                        "ROR", "schemeURI", "https://ror.org");
            }
        }
        xml.writeEndElement();
    }

    private static void subjects(XMLStreamWriter xml, DoiMetadata m) throws XMLStreamException {
        if (m.subjects().isEmpty()) {
            return;
        }
        xml.writeStartElement("subjects");
        for (Subject s : m.subjects()) {
            xml.writeStartElement("subject");
            if (!s.scheme().isEmpty()) {
                xml.writeAttribute("subjectScheme", s.scheme());
            }
            if (!s.valueUri().isEmpty()) {
                xml.writeAttribute("valueURI", s.valueUri());
            }
            xml.writeCharacters(s.value());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void dates(XMLStreamWriter xml, DoiMetadata m) throws XMLStreamException {
        if (m.dates().isEmpty()) {
            return;
        }
        xml.writeStartElement("dates");
        for (DoiDate d : m.dates()) {
            text(xml, "date", d.value(), "dateType", d.type().dataCiteName());
        }
        xml.writeEndElement();
    }

    private static void relatedIdentifiers(XMLStreamWriter xml, DoiMetadata m) throws XMLStreamException {
        if (m.relatedIdentifiers().isEmpty()) {
            return;
        }
        xml.writeStartElement("relatedIdentifiers");
        for (RelatedIdentifier r : m.relatedIdentifiers()) {
            text(xml, "relatedIdentifier", r.identifier(), "relatedIdentifierType", r.identifierType(),
                    "relationType", r.relationType());
        }
        xml.writeEndElement();
    }

    /** An element with text content and attributes given as name, value pairs (empty values left out). */
    private static void text(XMLStreamWriter xml, String name, String value, String... attributes)
            throws XMLStreamException {
        xml.writeStartElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (!attributes[i + 1].isEmpty()) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
