package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.storage.api.StorageBackend;
import org.junit.jupiter.api.Test;

/**
 * Publishing end to end in the running platform: an embargoed dataset, the DOI request through REST with the form
 * the catalogue fills in, a curator's approval registering it with the local test-prefix provider, and then the
 * public side: landing page with JSON-LD, OAI-PMH record, PaNOSC search hit, ZIP and ranged file downloads.
 */
class PortalIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform = new Platform();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDatasetIsRequestedApprovedRegisteredAndThenPublicEverywhere() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        DatasetId id = new DatasetId("ds-portal-" + suffix);
        byte[] content = ("NeXus bytes of " + id.value()).getBytes(StandardCharsets.UTF_8);
        String location = "raw/portal/" + id.value();
        platform.service(StorageBackend.class, "org.datastamp.storage.disk")
                .put(location + "/scan.nxs", new ByteArrayInputStream(content));
        FacilityDirectory directory = platform.service(FacilityDirectory.class, "org.datastamp.catalog.jdbc");
        directory.saveInstrument(new Instrument("PortalBeam", "Portal beamline", List.of("SAXS")));
        directory.savePerson(new Person("pia-" + suffix, "Pia Investigator", "", "0000-0002-1825-0097",
                "MAX IV Laboratory", Set.of(Role.SCIENTIST), Set.of()));
        directory.saveProposal(new Proposal("p-" + suffix, "Portal proposal", "Folding proteins in the portal.",
                "pia-" + suffix, Set.of(), null));
        Instant start = Instant.parse("2026-03-01T08:00:00Z");
        platform.service(Catalog.class, "org.datastamp.catalog.jdbc").register(id, new NewDataset("Portal scan "
                + suffix, DatasetType.RAW, "PortalBeam", "lysozyme", location, start, start.plusSeconds(60),
                List.of(new Datafile("scan.nxs", content.length, "SHA-256", "ab".repeat(32), start)),
                List.of(new MetadataEntry("photon_energy", 12.4, "keV")), "", "p-" + suffix, "", "", "SAXS",
                List.of(), List.of()));
        assertEquals(404, platform.get("/api/v1/datasets/" + id.value() + "/download").statusCode(),
                "embargoed: not downloadable anonymously");

        HttpResponse<String> form = platform.getAsAdmin("/api/v1/doi-requests/form?datasets=" + id.value());
        assertEquals(200, form.statusCode(), form.body());
        JsonNode metadata = JSON.readTree(form.body());
        assertEquals("0000-0002-1825-0097", metadata.at("/creators/0/orcid").asText());
        ObjectNode body = JSON.createObjectNode();
        body.putArray("datasets").add(id.value());
        body.set("metadata", metadata);
        HttpResponse<String> requested = platform.postJsonAsAdmin("/api/v1/doi-requests", body.toString());
        assertEquals(201, requested.statusCode(), requested.body());
        String requestId = JSON.readTree(requested.body()).get("id").asText();
        HttpResponse<String> approved = platform.postJsonAsAdmin("/api/v1/doi-requests/" + requestId + "/approve", "");
        assertEquals(200, approved.statusCode(), approved.body());
        JsonNode registered = JSON.readTree(approved.body());
        assertEquals("REGISTERED", registered.get("state").asText());
        String doi = registered.get("doi").asText();
        assertTrue(doi.startsWith("10.80000/"), doi);

        HttpResponse<String> landing = platform.get("/doi/" + doi);
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("<script type=\"application/ld+json\">"));
        assertTrue(landing.body().contains("/api/v1/datasets/" + id.value() + "/download"));
        assertTrue(platform.get("/doi/" + doi + "?format=bibtex").body().contains("doi = {" + doi + "}"));

        HttpResponse<String> oai = platform.get("/oai?verb=GetRecord&metadataPrefix=oai_datacite&identifier=doi:"
                + doi);
        assertTrue(oai.body().contains("<identifier identifierType=\"DOI\">" + doi + "</identifier>"), oai.body());
        assertTrue(oai.body().contains("<setSpec>instrument:PortalBeam</setSpec><setSpec>technique:PaNET01188"
                + "</setSpec>"), "the record is in its beamline's set and in PaNET's small angle x-ray scattering");
        assertTrue(platform.get("/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=technique:PaNET01188").body()
                .contains("doi:" + doi));

        String filter = "{\"include\":[{\"relation\":\"parameters\",\"scope\":{\"where\":{\"and\":[{\"name\":"
                + "\"photon_energy\"},{\"value\":{\"between\":[12000,13000]}},{\"unit\":\"eV\"}]}}}]}";
        Platform.await("the search index to see the dataset public", Duration.ofSeconds(20), () -> {
            try {
                return platform.get("/api/panosc/Datasets?filter=" + URLEncoder.encode(filter,
                        StandardCharsets.UTF_8)).body().contains(id.value());
            } catch (Exception e) {
                return false;
            }
        });

        String byPanet = "{\"include\":[{\"relation\":\"techniques\",\"scope\":{\"where\":{\"pid\":"
                + "\"http://purl.org/pan-science/PaNET/PaNET01188\"}}}],\"limit\":1000}";
        JsonNode hits = JSON.readTree(platform.get("/api/panosc/Datasets?filter=" + URLEncoder.encode(byPanet,
                StandardCharsets.UTF_8)).body());
        JsonNode hit = null;
        for (JsonNode h : hits) {
            hit = h.get("pid").asText().equals(id.value()) ? h : hit;
        }
        assertTrue(hit != null, "the catalogue's SAXS is found by its PaNET pid: " + hits);
        assertEquals("small angle x-ray scattering", hit.at("/techniques/0/name").asText());

        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(platform.baseUri().resolve("/api/v1/datasets/"
                + id.value() + "/download")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            assertEquals(id.value() + "/scan.nxs", in.getNextEntry().getName());
            assertEquals(new String(content, StandardCharsets.UTF_8), new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        HttpResponse<byte[]> selection = http.send(HttpRequest.newBuilder(platform.baseUri().resolve(
                "/api/v1/datasets/" + id.value() + "/download?file=scan.nxs")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, selection.statusCode());
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(selection.body()))) {
            assertEquals(id.value() + "/scan.nxs", in.getNextEntry().getName());
        }
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(platform.baseUri().resolve(
                "/api/v1/datasets/" + id.value() + "/download?file=scan.nxs&file=nope.h5")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("nope.h5"), unknown.body());
        HttpResponse<String> range = http.send(HttpRequest.newBuilder(platform.baseUri().resolve(
                "/api/v1/datasets/" + id.value() + "/files/scan.nxs")).header("Range", "bytes=0-4").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(206, range.statusCode());
        assertEquals("NeXus", range.body());
        assertFalse(platform.get("/api/v1/datasets/" + id.value() + "/usage").body().contains("\"downloads\":0"));
    }
}
