package org.datastamp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class LandingPagesTest {

    private final Fixtures fixtures = new Fixtures();
    private final LandingPages pages = new LandingPages(fixtures::minting, fixtures::catalog, p -> Optional.empty());

    private Answer get(String format, String accept) {
        return pages.answer("/10.80000/maxiv.dr-1", format, accept);
    }

    @Test
    void thePageEmbedsSchemaOrgDatasetJsonLdWithTheFieldsGoogleDatasetSearchReads() throws Exception {
        Answer html = get("", "text/html");

        assertEquals(200, html.status());
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html.body());
        assertTrue(script.find());
        JsonNode ld = new ObjectMapper().readTree(script.group(1));
        assertEquals("https://schema.org/", ld.get("@context").asText());
        assertEquals("Dataset", ld.get("@type").asText());
        assertEquals("Lysozyme <script>alert(1)</script> & \"friends\"", ld.get("name").asText());
        assertTrue(ld.get("description").asText().length() >= 50);
        assertEquals("10.80000/maxiv.dr-1", ld.at("/identifier/value").asText());
        assertEquals("https://orcid.org/0000-0002-1825-0097", ld.at("/creator/0/@id").asText());
        assertEquals("https://ror.org/05wv2vq37", ld.at("/creator/0/affiliation/0/@id").asText());
        assertEquals("https://creativecommons.org/licenses/by/4.0/legalcode", ld.get("license").asText());
        assertEquals("https://data.example.org/api/v1/datasets/ds-1/download",
                ld.at("/distribution/0/contentUrl").asText());
        assertEquals(1, ld.get("distribution").size(), "the embargoed dataset is not offered");
        assertTrue(ld.get("isAccessibleForFree").asBoolean());
    }

    @Test
    void everyTextIsEscapedSoMetadataCannotInjectMarkup() {
        String body = get("", "").body();

        assertFalse(body.contains("<script>alert(1)</script>"), "title escaped in HTML and in JSON-LD");
        assertTrue(body.contains("Lysozyme &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;"));
        assertTrue(body.contains("Lysozyme &lt;290 K&gt; &amp; buffer"));
        assertEquals(1, body.split("</script>", -1).length - 1, "only the JSON-LD element closes a script");
    }

    @Test
    void thePageListsPublicDatasetsWithDownloadLinksAndHidesEmbargoedOnes() {
        String body = get("", "").body();

        assertTrue(body.contains("href=\"/api/v1/datasets/ds-1/download\""), "links by path: any address works");
        assertTrue(body.contains("href=\"/api/v1/datasets/ds-1/files/processed/azimuthal%20int.h5\""));
        assertFalse(body.contains("Still embargoed"));
        assertFalse(body.contains("ds-2"));
    }

    @Test
    void citationsComeInDataCiteTextBibtexAndRisByParameterOrContentNegotiation() {
        assertEquals("Investigator, Pia; Ber, Mem (2026): Lysozyme <script>alert(1)</script> & \"friends\". MAX IV"
                + " Laboratory. Dataset. https://doi.org/10.80000/maxiv.dr-1\n", get("", "text/x-bibliography").body());
        Answer bibtex = get("bibtex", "");
        assertEquals("application/x-bibtex; charset=utf-8", bibtex.contentType());
        assertTrue(bibtex.body().startsWith("@misc{10_80000_maxiv_dr_1,\n"));
        assertTrue(bibtex.body().contains("author = {Investigator, Pia and Ber, Mem}"));
        assertTrue(bibtex.body().contains("title = {{Lysozyme <script>alert(1)</script> \\& \"friends\"}}"));
        assertTrue(bibtex.body().contains("doi = {10.80000/maxiv.dr-1}"));
        Answer ris = get("", "application/x-research-info-systems");
        assertTrue(ris.body().startsWith("TY  - DATA\r\nAU  - Investigator, Pia\r\nAU  - Ber, Mem\r\n"));
        assertTrue(ris.body().contains("AB  - Temperature series of lysozyme. Second line"), "one line per tag");
        assertTrue(ris.body().endsWith("ER  - \r\n"));
        assertEquals("application/ld+json; charset=utf-8", get("", "application/ld+json").contentType());
    }

    @Test
    void unknownDoisAndFormatsAreClearErrors() {
        Answer unknown = pages.answer("/10.80000/<b>nope</b>", "", "");
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("10.80000/&lt;b&gt;nope&lt;/b&gt; is not registered here"));
        assertEquals(404, pages.answer("/not-a-doi", "", "").status());
        Answer format = get("docx", "");
        assertEquals(400, format.status());
        assertTrue(format.body().contains("use one of html, text, bibtex, ris, json-ld, datacite"));
        assertEquals(406, get("datacite", "").status(), "without the DataCite bundle");
    }

    @Test
    void bibtexSpecialCharactersAreEscaped() {
        assertEquals("100\\% \\{braces\\} \\& \\$math\\$ a\\_b \\textbackslash{}", Citations.bibtexEscape(
                "100% {braces} & $math$ a_b \\"));
    }
}
