package org.datastamp.doi.datacite;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.datastamp.doi.api.DoiException;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DataCite's official XML schemas (kernel 4.6 and the OAI-PMH wrapper oai-1.1), shipped in this bundle unchanged
 * (see schema/LICENSE.md), so metadata is checked before it is sent: a record DataCite would refuse is refused here
 * with the schema's reason, without a round trip.
 */
final class DataCiteSchema {

    static final String KERNEL = "schema/kernel-4.6/metadata.xsd";
    static final String OAI = "schema/oai-1.1/oai.xsd";

    private final Schema schema;

    private DataCiteSchema(Schema schema) {
        this.schema = schema;
    }

    /** Loads a schema from the bundle; its includes resolve relative to it inside the bundle. */
    static DataCiteSchema load(String resource) {
        URL url = DataCiteSchema.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("DataCite schema " + resource + " is missing from the bundle");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // No schema is fetched from the network: every include is a file of the bundle.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,bundleresource,bundleentry");
            return new DataCiteSchema(factory.newSchema(url));
        } catch (SAXException e) {
            throw new IllegalStateException("DataCite schema " + resource + " does not load: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a document.
     *
     * @throws DoiException naming the line, column and the schema's complaint
     */
    void validate(String xml) throws DoiException {
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new DoiException("DataCite metadata is not valid against the DataCite schema (line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + "): " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new DoiException("DataCite metadata could not be checked: " + e.getMessage(), e);
        }
    }
}
