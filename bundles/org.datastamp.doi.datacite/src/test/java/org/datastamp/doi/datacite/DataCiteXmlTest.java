package org.datastamp.doi.datacite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiException;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.RelatedIdentifier;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class DataCiteXmlTest {

    private static final DataCiteSchema KERNEL = DataCiteSchema.load(DataCiteSchema.KERNEL);
    private static final Doi DOI = new Doi("10.80512/maxiv.dr-1");

    @Test
    void theOfficialFullExampleValidatesSoTheSchemaIsTheRealOne() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/examples/datacite-example-full-v4.xml")) {
            KERNEL.validate(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void metadataOfSeveralKindsOfPublishedDataValidatesAgainstTheDataCiteSchema() throws DoiException {
        for (DoiMetadata metadata : List.of(Samples.saxsSeries(), Samples.minimal(), Samples.markup())) {
            KERNEL.validate(DataCiteXml.document(DOI, metadata));
        }
    }

    @Test
    void creatorsCarryOrcidAndRorAffiliations() throws Exception {
        Document xml = parse(DataCiteXml.document(DOI, Samples.saxsSeries()));
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("10.80512/maxiv.dr-1", x.evaluate("/*[local-name()='resource']/*[local-name()='identifier']",
                xml));
        assertEquals("https://orcid.org/0000-0002-1825-0097",
                x.evaluate("//*[local-name()='creator'][1]/*[local-name()='nameIdentifier'][@nameIdentifierScheme='ORCID']", xml));
        assertEquals("https://ror.org/012a77v79", x.evaluate(
                "//*[local-name()='creator'][2]/*[local-name()='affiliation'][1]/@affiliationIdentifier", xml));
        assertEquals("Dataset", x.evaluate("//*[local-name()='resourceType']/@resourceTypeGeneral", xml));
        assertEquals("2026", x.evaluate("//*[local-name()='publicationYear']", xml));
        assertEquals("https://ror.org/05wv2vq37", x.evaluate("//*[local-name()='publisher']/@publisherIdentifier", xml));
        assertEquals("Collected", x.evaluate("//*[local-name()='date'][1]/@dateType", xml));
        assertEquals("IsSupplementTo", x.evaluate("//*[local-name()='relatedIdentifier'][1]/@relationType", xml));
        assertEquals("CC-BY-4.0", x.evaluate("//*[local-name()='rights']/@rightsIdentifier", xml));
        assertEquals("Abstract", x.evaluate("//*[local-name()='description']/@descriptionType", xml));
    }

    @Test
    void markupInTextStaysText() throws Exception {
        Document xml = parse(DataCiteXml.document(DOI, Samples.markup()));
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("Ratio < 1 & > 0 \"quoted\" </title>", x.evaluate("//*[local-name()='title']", xml));
        assertEquals("<script>alert(1)</script>", x.evaluate("//*[local-name()='description']", xml));
        assertEquals(0.0, (Double) x.evaluate("count(//*[local-name()='script'])", xml,
                javax.xml.xpath.XPathConstants.NUMBER));
    }

    @Test
    void aRelationTypeDataCiteDoesNotKnowIsRefusedWithTheSchemasReason() {
        DoiMetadata m = Samples.saxsSeries();
        DoiMetadata bad = new DoiMetadata(m.creators(), m.title(), m.publisher(), m.publisherRor(),
                m.publicationYear(), m.description(), m.subjects(), m.dates(),
                List.of(new RelatedIdentifier("10.1/x", "DOI", "IsInspiredBy")), m.rights(), m.landingPage());
        DoiException e = assertThrows(DoiException.class, () -> KERNEL.validate(DataCiteXml.document(DOI, bad)));
        assertTrue(e.getMessage().contains("IsInspiredBy") && e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void oaiDataCiteRecordsValidateAgainstTheOaiWrapperSchema() throws Exception {
        String record = new OaiDataCiteFormat("MAXIV.DATA").toXml(DOI, Samples.saxsSeries());
        DataCiteSchema.load(DataCiteSchema.OAI).validate(record);
        Document xml = parse(record);
        XPath x = XPathFactory.newInstance().newXPath();
        assertEquals("MAXIV.DATA", x.evaluate("//*[local-name()='datacentreSymbol']", xml));
        String payload = x.evaluate("local-name(//*[local-name()='payload']/*)", xml);
        assertEquals("resource", payload);
        KERNEL.validate(DataCiteXml.document(DOI, Samples.saxsSeries()));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
