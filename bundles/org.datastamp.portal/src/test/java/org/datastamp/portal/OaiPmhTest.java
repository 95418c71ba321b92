package org.datastamp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.net.URL;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.doi.api.DoiMetadataFormat;
import org.datastamp.doi.datacite.DataCiteXmlFormat;
import org.datastamp.doi.datacite.OaiDataCiteFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class OaiPmhTest {

    /** The official OAI-PMH schema with DataCite's kernel 4.6 and oai-1.1 schemas, for records in those formats. */
    private static final Schema SCHEMA = schema();

    private final Fixtures fixtures = new Fixtures();
    private OaiPmh oai;

    @BeforeEach
    void repository() {
        // two more DOIs, registered later, so three records page as 2 + 1; dr-3 is of another beamline, and the
        // embargoed ds-2 of dr-1 is of a third, whose sets must not show
        fixtures.add("ds-4", "Copper XAS", "Balder", "XAS", Fixtures.NOW.minusSeconds(60), "10.80000/maxiv.dr-3", 0,
                List.of());
        fixtures.add("ds-2", "Still embargoed", "FemtoMAX", "x-ray diffraction", Fixtures.NOW.plusSeconds(86_400),
                Fixtures.DOI.value(), 600, List.of());
        fixtures.registered.add(Fixtures.request("dr-2", "10.80000/maxiv.dr-2",
                Fixtures.metadata("https://data.example.org/doi/10.80000/maxiv.dr-2"), List.of(new DatasetId("ds-1")),
                Fixtures.NOW.plusSeconds(3600)));
        fixtures.registered.add(Fixtures.request("dr-3", "10.80000/maxiv.dr-3",
                Fixtures.metadata("https://data.example.org/doi/10.80000/maxiv.dr-3"), List.of(new DatasetId("ds-4")),
                Fixtures.NOW.plusSeconds(86_400 * 3)));
        List<DoiMetadataFormat> formats = List.of(new DataCiteXmlFormat(), new OaiDataCiteFormat(
                new OaiDataCiteFormat.Config() {
                    @Override
                    public Class<? extends Annotation> annotationType() {
                        return OaiDataCiteFormat.Config.class;
                    }

                    @Override
                    public String datacentreSymbol() {
                        return "MAXIV.DATA";
                    }
                }));
        oai = new OaiPmh(new OaiPmh.Settings("MAX IV open data", "https://data.example.org/oai",
                "data-office@example.org", 2), fixtures::minting, fixtures::catalog, fixtures::directory,
                PanetTechniques.standard(), () -> formats,
                Clock.fixed(Fixtures.NOW.plusSeconds(86_400 * 10), ZoneOffset.UTC));
    }

    private Document get(String... pairs) throws Exception {
        Map<String, List<String>> collected = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            collected.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        collected.forEach((k, v) -> parameters.put(k, v.toArray(String[]::new)));
        Answer answer = oai.answer(parameters);
        assertEquals(200, answer.status());
        assertEquals("text/xml; charset=utf-8", answer.contentType());
        return parse(answer.body());
    }

    private Document valid(String... pairs) throws Exception {
        Document doc = get(pairs);
        SCHEMA.newValidator().validate(new javax.xml.transform.dom.DOMSource(doc));
        return doc;
    }

    private static String x(Document doc, String path) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        return xpath.evaluate(path, doc);
    }

    private static int count(Document doc, String path) throws Exception {
        return ((Double) XPathFactory.newInstance().newXPath().evaluate("count(" + path + ")", doc,
                XPathConstants.NUMBER)).intValue();
    }

    @Test
    void identifyDescribesTheRepository() throws Exception {
        Document doc = valid("verb", "Identify");

        assertEquals("MAX IV open data", x(doc, "//*[local-name()='repositoryName']"));
        assertEquals("2.0", x(doc, "//*[local-name()='protocolVersion']"));
        assertEquals("2026-11-25T11:59:30Z", x(doc, "//*[local-name()='earliestDatestamp']"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", x(doc, "//*[local-name()='granularity']"));
        assertEquals("Identify", x(doc, "//*[local-name()='request']/@verb"));
    }

    @Test
    void metadataFormatsAreDublinCoreAndTheDataCiteFormats() throws Exception {
        Document doc = valid("verb", "ListMetadataFormats");

        assertEquals(3, count(doc, "//*[local-name()='metadataFormat']"));
        assertEquals("oai_dc", x(doc, "//*[local-name()='metadataFormat'][1]/*[local-name()='metadataPrefix']"));
        assertEquals(1, count(doc, "//*[local-name()='metadataPrefix'][.='oai_datacite']"));
        assertEquals("idDoesNotExist", x(valid("verb", "ListMetadataFormats", "identifier", "doi:10.1/none"),
                "//*[local-name()='error']/@code"));
    }

    @Test
    void listRecordsPagesWithResumptionTokensAndEveryPageValidates() throws Exception {
        Document first = valid("verb", "ListRecords", "metadataPrefix", "oai_datacite");
        assertEquals(2, count(first, "//*[local-name()='record']"));
        assertEquals("doi:10.80000/maxiv.dr-1", x(first, "//*[local-name()='record'][1]//*[local-name()='identifier']"));
        assertEquals("0", x(first, "//*[local-name()='resumptionToken']/@cursor"));
        String token = x(first, "//*[local-name()='resumptionToken']");
        assertTrue(!token.isEmpty());

        Document last = valid("verb", "ListRecords", "resumptionToken", token);

        assertEquals(1, count(last, "//*[local-name()='record']"));
        assertEquals("doi:10.80000/maxiv.dr-3", x(last, "//*[local-name()='header']/*[local-name()='identifier']"));
        assertEquals("", x(last, "//*[local-name()='resumptionToken']"), "the last page has an empty token");
        assertEquals("2", x(last, "//*[local-name()='resumptionToken']/@cursor"));
        assertEquals("MAXIV.DATA", x(last, "//*[local-name()='datacentreSymbol']"));
    }

    @Test
    void fromAndUntilSelectByDatestamp() throws Exception {
        Document doc = valid("verb", "ListIdentifiers", "metadataPrefix", "datacite", "from", "2026-11-25T12:30:00Z",
                "until", "2026-11-26T00:00:00Z");
        assertEquals(1, count(doc, "//*[local-name()='header']"));
        assertEquals("doi:10.80000/maxiv.dr-2", x(doc, "//*[local-name()='identifier']"));
        assertEquals(3, count(valid("verb", "ListIdentifiers", "metadataPrefix", "datacite", "from", "2026-11-25",
                "until", "2026-11-28"), "//*[local-name()='header']") + 1, "days: 2 on the first page, one more");
        assertEquals("noRecordsMatch", x(valid("verb", "ListRecords", "metadataPrefix", "datacite", "from",
                "2030-01-01"), "//*[local-name()='error']/@code"));
    }

    @Test
    void getRecordServesDataCiteXmlValidAgainstTheKernelSchema() throws Exception {
        Document doc = valid("verb", "GetRecord", "identifier", "doi:10.80000/maxiv.dr-1", "metadataPrefix",
                "datacite");
        assertEquals("10.80000/maxiv.dr-1", x(doc, "//*[local-name()='resource']/*[local-name()='identifier']"));
        assertEquals("https://orcid.org/0000-0002-1825-0097", x(doc, "//*[local-name()='nameIdentifier']"));
    }

    @Test
    void dublinCoreRecordsCarryTheCoreFields() throws Exception {
        Document doc = get("verb", "GetRecord", "identifier", "doi:10.80000/maxiv.dr-1", "metadataPrefix", "oai_dc");
        String dc = "//*[namespace-uri()='http://purl.org/dc/elements/1.1/' and local-name()='%s']";
        assertEquals("Lysozyme <script>alert(1)</script> & \"friends\"", x(doc, dc.formatted("title")));
        assertEquals(2, count(doc, dc.formatted("creator")));
        assertEquals("https://doi.org/10.80000/maxiv.dr-1", x(doc, dc.formatted("identifier")));
        assertEquals("Dataset", x(doc, dc.formatted("type")));
        assertEquals("http://www.openarchives.org/OAI/2.0/oai_dc/",
                x(doc, "namespace-uri(//*[local-name()='metadata']/*)"));
    }

    @Test
    void protocolErrorsAnswerWithTheirCodesInValidResponses() throws Exception {
        Map<String, String[][]> cases = new LinkedHashMap<>();
        cases.put("badVerb", new String[][] {{}, {"verb", "ListEverything"}, {"verb", "Identify", "verb", "Identify"}});
        cases.put("badArgument", new String[][] {{"verb", "Identify", "metadataPrefix", "oai_dc"},
            {"verb", "ListRecords"}, {"verb", "GetRecord", "identifier", "doi:10.80000/maxiv.dr-1"},
            {"verb", "ListRecords", "metadataPrefix", "oai_dc", "metadataPrefix", "datacite"},
            {"verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-12-01", "until", "2026-11-01"},
            {"verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-11-01", "until", "2026-12-01T00:00:00Z"},
            {"verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday"},
            {"verb", "ListRecords", "resumptionToken", "x", "metadataPrefix", "oai_dc"}});
        cases.put("cannotDisseminateFormat", new String[][] {{"verb", "ListRecords", "metadataPrefix", "marc21"},
            {"verb", "GetRecord", "identifier", "doi:10.80000/maxiv.dr-1", "metadataPrefix", "mods"}});
        cases.put("idDoesNotExist", new String[][] {{"verb", "GetRecord", "identifier", "doi:10.80000/nope",
            "metadataPrefix", "oai_dc"}, {"verb", "GetRecord", "identifier", "ds-1", "metadataPrefix", "oai_dc"}});
        cases.put("badResumptionToken", new String[][] {{"verb", "ListRecords", "resumptionToken", "not-ours"}});
        cases.put("noRecordsMatch", new String[][] {{"verb", "ListRecords", "metadataPrefix", "oai_dc", "set",
            "CoSAXS"}, {"verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:FemtoMAX"}});
        cases.put("badArgument ", new String[][] {
            {"verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "CoSAXS beamline"},
            {"verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:"},
            {"verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "technique|PaNET01188"}});
        cases.put("badResumptionToken ", new String[][] {{"verb", "ListSets", "resumptionToken", "abc"}});
        for (Map.Entry<String, String[][]> c : cases.entrySet()) {
            for (String[] pairs : c.getValue()) {
                Document doc = valid(pairs);
                String what = c.getKey() + " " + String.join(" ", pairs);
                assertEquals(c.getKey().strip(), x(doc, "//*[local-name()='error']/@code"), what);
                if (c.getKey().startsWith("bad") && !c.getKey().startsWith("badResumptionToken")) {
                    assertEquals(0, count(doc, "//*[local-name()='request']/@*"), "no echo after " + what);
                }
            }
        }
    }

    private static List<String> all(Document doc, String path) throws Exception {
        org.w3c.dom.NodeList nodes = (org.w3c.dom.NodeList) XPathFactory.newInstance().newXPath().evaluate(path, doc,
                XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    @Test
    void listSetsNamesTheInstrumentsAndPanetTechniquesOfPublicDatasets() throws Exception {
        Document doc = valid("verb", "ListSets");

        assertEquals(List.of("instrument", "instrument:Balder", "instrument:CoSAXS", "technique",
                "technique:PaNET01188", "technique:PaNET01196"), all(doc, "//*[local-name()='setSpec']"),
                "FemtoMAX and x-ray diffraction only through the embargoed ds-2: not listed");
        assertEquals("Instrument CoSAXS beamline",
                x(doc, "//*[local-name()='set'][*[local-name()='setSpec']='instrument:CoSAXS']/*[local-name()='setName']"));
        assertEquals("Technique small angle x-ray scattering (http://purl.org/pan-science/PaNET/PaNET01188)",
                x(doc, "//*[local-name()='set'][*[local-name()='setSpec']='technique:PaNET01188']"
                        + "/*[local-name()='setName']"));
    }

    @Test
    void headersCarryTheirSetsAndSetSelectsRecords() throws Exception {
        Document one = valid("verb", "GetRecord", "identifier", "doi:10.80000/maxiv.dr-1", "metadataPrefix",
                "datacite");
        assertEquals(List.of("instrument:CoSAXS", "technique:PaNET01188"),
                all(one, "//*[local-name()='header']/*[local-name()='setSpec']"));
        assertTrue(oai.answer(Map.of("verb", new String[] {"GetRecord"}, "identifier",
                new String[] {"doi:10.80000/maxiv.dr-1"}, "metadataPrefix", new String[] {"datacite"})).body()
                .contains("<setSpec>instrument:CoSAXS</setSpec><setSpec>technique:PaNET01188</setSpec>"),
                "as PortalIntegrationTest reads it");

        Document xas = valid("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "technique:PaNET01196");
        assertEquals(List.of("doi:10.80000/maxiv.dr-3"), all(xas, "//*[local-name()='identifier']"));
        assertEquals(0, count(xas, "//*[local-name()='resumptionToken']"));
        assertEquals("technique:PaNET01196", x(xas, "//*[local-name()='request']/@set"));
        Document balder = valid("verb", "ListRecords", "metadataPrefix", "oai_datacite", "set", "instrument:Balder");
        assertEquals(List.of("instrument:Balder", "technique:PaNET01196"),
                all(balder, "//*[local-name()='header']/*[local-name()='setSpec']"));
        assertEquals(3, count(valid("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "technique"),
                "//*[local-name()='header']") + 1, "the parent set holds all three: 2 on the first page");
    }

    @Test
    void resumptionTokensKeepTheSet() throws Exception {
        fixtures.registered.add(Fixtures.request("dr-4", "10.80000/maxiv.dr-4",
                Fixtures.metadata("https://data.example.org/doi/10.80000/maxiv.dr-4"), List.of(new DatasetId("ds-1")),
                Fixtures.NOW.plusSeconds(86_400 * 5)));

        Document first = valid("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "instrument:CoSAXS");
        assertEquals(List.of("doi:10.80000/maxiv.dr-1", "doi:10.80000/maxiv.dr-2"),
                all(first, "//*[local-name()='identifier']"));
        Document last = valid("verb", "ListIdentifiers", "resumptionToken",
                x(first, "//*[local-name()='resumptionToken']"));

        assertEquals(List.of("doi:10.80000/maxiv.dr-4"), all(last, "//*[local-name()='identifier']"),
                "dr-3 (Balder) is skipped although it comes third in the whole list");
        assertEquals("", x(last, "//*[local-name()='resumptionToken']"));
        assertEquals("2", x(last, "//*[local-name()='resumptionToken']/@cursor"));
    }

    @Test
    void setSpecsMatchTheSchemaPatternEvenForInstrumentIdsWithAt() {
        assertEquals("instrument:beam~40lab", OaiSets.instrument("beam@lab"));
        assertTrue(OaiSets.SET_SPEC.matcher(OaiSets.instrument("beam@lab.1-a_b")).matches());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Schema schema() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            List<Source> sources = new ArrayList<>();
            for (String resource : List.of("/schema/OAI-PMH.xsd",
                    "/org/datastamp/doi/datacite/schema/kernel-4.6/metadata.xsd",
                    "/org/datastamp/doi/datacite/schema/oai-1.1/oai.xsd")) {
                URL url = OaiPmhTest.class.getResource(resource);
                sources.add(new StreamSource(url.openStream(), url.toExternalForm()));
            }
            return factory.newSchema(sources.toArray(Source[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("The OAI-PMH and DataCite schemas do not load: " + e, e);
        }
    }
}
