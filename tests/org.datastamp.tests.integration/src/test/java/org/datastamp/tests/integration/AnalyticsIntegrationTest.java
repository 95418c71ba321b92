package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Remote analytics in the running platform: the azimuthal integration plugin, run as a job through REST on a
 * simulated scan, makes a DERIVED dataset whose NeXus file the platform's reader opens, with the scan as its input,
 * its provenance in the metadata, the lineage both ways and a PROV-JSON document that derives one from the other.
 */
class AnalyticsIntegrationTest {

    private static final String PLUGIN = "azimuthal-integration";

    private final Platform platform = new Platform();

    @Test
    void anAzimuthalIntegrationJobOnAScanMakesADerivedDatasetWithItsProvenance() throws Exception {
        Platform.await("the " + PLUGIN + " plugin to be offered", Platform.SERVICE_TIMEOUT, () -> plugins()
                .contains(PLUGIN));
        String scan = platform.simulatedScan("Analytics integration test", 3)[0];

        // the simulated detector records no beam centre or pixel size: the parameters give the whole geometry
        HttpResponse<String> submitted = platform.postJsonAsAdmin("/api/v1/analytics/jobs", """
                {"plugin":"%s","inputs":["%s"],"title":"I(q) of the integration test scan",
                 "parameters":{"bins":64,"distance":500,"wavelength":1.0,"beam_center_x":128,"beam_center_y":128,
                               "x_pixel_size":75,"y_pixel_size":75}}""".formatted(PLUGIN, scan));
        assertEquals(202, submitted.statusCode(), submitted.body());
        String job = submitted.headers().firstValue("Location").orElseThrow();
        JsonNode[] state = new JsonNode[1];
        Platform.await("the job at " + job + " to finish", Duration.ofSeconds(120), () -> {
            state[0] = platform.jsonAsAdmin(job);
            return Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state[0].get("state").asText());
        });
        assertEquals("SUCCEEDED", state[0].get("state").asText(), state[0].toString());
        String derived = state[0].get("output").asText();

        JsonNode dataset = platform.jsonAsAdmin("/api/v1/datasets/" + derived);
        assertEquals("DERIVED", dataset.get("type").asText(), dataset.toString());
        assertEquals(1, dataset.get("inputs").size(), dataset.toString());
        assertEquals(scan, dataset.get("inputs").get(0).get("id").asText(), dataset.toString());
        assertTrue(dataset.get("metadata").toString().contains("\"provenance.plugin\""), dataset.toString());
        assertTrue(dataset.get("metadata").toString().contains(PLUGIN), dataset.toString());

        String file = dataset.get("files").get(0).get("path").asText();
        JsonNode tree = platform.jsonAsAdmin("/api/v1/datasets/" + derived + "/files/" + file + "/tree");
        assertTrue(tree.toString().contains("\"I\"") && tree.toString().contains("\"q\""), tree.toString());

        JsonNode lineage = platform.jsonAsAdmin("/api/v1/analytics/lineage/" + scan);
        JsonNode edge = lineage.get("edges").get(0);
        assertEquals(scan, edge.get("input").asText(), lineage.toString());
        assertEquals(derived, edge.get("output").asText(), lineage.toString());
        assertEquals(PLUGIN, edge.get("pluginId").asText(), lineage.toString());

        JsonNode prov = platform.jsonAsAdmin("/api/v1/analytics/provenance/" + derived);
        JsonNode derivation = prov.get("wasDerivedFrom");
        assertTrue(derivation != null && derivation.toString().contains(derived) && derivation.toString()
                .contains(scan), prov.toString());
        assertTrue(prov.get("agent").toString().contains("prov:SoftwareAgent"), prov.toString());
    }

    private List<String> plugins() {
        List<String> ids = new ArrayList<>();
        platform.jsonAsAdmin("/api/v1/analytics/plugins").forEach(plugin -> ids.add(plugin.get("id").asText()));
        return ids;
    }
}
