package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurations;
import org.datastamp.metadata.api.UnknownRevisionException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class MetadataConfigurationResourceTest {

    private static final String INSTRUMENTS = "/api/v1/instruments";
    private static final String PATH = "/CoSAXS/metadata-configuration";
    private static final String BODY = """
            {"definition":"NXsas","message":"Record the wavelength","variables":[
              {"group":"beam","name":"wavelength","device":"b311a/mono","attribute":"Wavelength","units":"nm",
               "min":0.05,"max":0.3,"order":1,"enabled":true}]}""";

    private final InMemoryConfigurations store = new InMemoryConfigurations();
    private final MetadataConfigurationResource resource = new MetadataConfigurationResource(() -> store,
            new JsonCodec());

    private JsonNode put(String body, Viewer viewer) throws ProblemException {
        return resource.handle(Requests.put(INSTRUMENTS, PATH, body, viewer)).body();
    }

    @Test
    void putSavesARevisionByTheCallerAndGetShowsIt() throws ProblemException {
        JsonNode saved = put(BODY, Fakes.staff("sam", "CoSAXS"));

        assertEquals("sam", saved.at("/revision/author").textValue());
        assertEquals("Record the wavelength", saved.at("/revision/message").textValue());
        JsonNode current = resource.handle(Requests.get(INSTRUMENTS, PATH, Map.of())).body();
        assertEquals("NXsas", current.get("definition").textValue());
        assertEquals("wavelength", current.at("/variables/0/name").textValue());
        assertEquals(0.3, current.at("/variables/0/max").doubleValue());
        assertEquals("nm", current.at("/variables/0/units").textValue());
        assertTrue(current.at("/variables/0/enabled").booleanValue());
        assertEquals(saved.at("/revision/id"), current.at("/revision/id"));
    }

    @Test
    void anUnsavedInstrumentIsEmptyWithoutRevision() throws ProblemException {
        JsonNode current = resource.handle(Requests.get(INSTRUMENTS, "/BioMAX/metadata-configuration", Map.of()))
                .body();

        assertEquals(0, current.get("variables").size());
        assertTrue(current.get("revision").isNull());
    }

    @Test
    void historyDiffAndRestore() throws ProblemException {
        String first = put(BODY, Fakes.curator()).at("/revision/id").textValue();
        String second = put(BODY.replace("0.3", "0.4"), Fakes.curator()).at("/revision/id").textValue();

        JsonNode history = resource.handle(Requests.get(INSTRUMENTS, PATH + "/history", Map.of())).body();
        assertEquals(List.of(second, first), List.of(history.at("/revisions/0/id").textValue(),
                history.at("/revisions/1/id").textValue()));

        JsonNode diff = resource.handle(Requests.get(INSTRUMENTS, PATH + "/diff", Map.of("from", first))).body();
        assertEquals(second, diff.get("to").textValue());
        assertEquals("diff " + first + ".." + second, diff.get("diff").textValue());

        JsonNode restored = resource.handle(Requests.post(INSTRUMENTS, PATH + "/restore",
                "{\"revision\":\"" + first + "\"}", Fakes.staff("sam", "CoSAXS"))).body();
        assertEquals("sam", restored.get("author").textValue());
        assertEquals(0.3, store.current("CoSAXS").variables().get(0).variable().maximum());
    }

    @Test
    void onlyTheBeamlinesStaffCuratorsAndAdminsWrite() {
        assertProblem(401, "needs a signed-in", () -> put(BODY, Viewer.anonymous()));
        assertProblem(403, "'ann' may not change the metadata configuration of CoSAXS",
                () -> put(BODY, Fakes.member("ann", "20240123")));
        assertProblem(403, "'sam' may not change", () -> put(BODY, Fakes.staff("sam", "BioMAX")));
        assertProblem(401, "needs a signed-in", () -> resource.handle(Requests.post(INSTRUMENTS, PATH + "/restore",
                "{\"revision\":\"abcd\"}", Viewer.anonymous())));
        assertTrue(store.saved.isEmpty());
    }

    @Test
    void badRowsAre400NamingTheField() {
        ProblemException e = assertProblem(400, "Field 'variables[0].min'",
                () -> put(BODY.replace("0.05", "\"low\""), Fakes.curator()));
        assertEquals("variables[0].min", e.problem().members().get("field"));
        assertProblem(400, "Field 'variables[0].max': Variable wavelength: minimum 0.05 is above maximum 0.01",
                () -> put(BODY.replace("0.3", "0.01"), Fakes.curator()));
        assertProblem(400, "Field 'variables[0].name'", () -> put(BODY.replace("\"wavelength\"", "\"2theta\""),
                Fakes.curator()));
        assertProblem(400, "Field 'variables[0].colour': Unknown field",
                () -> put(BODY.replace("\"order\":1", "\"colour\":1"), Fakes.curator()));
        assertProblem(400, "Field 'variables'", () -> put("{\"definition\":\"NXsas\"}", Fakes.curator()));
    }

    @Test
    void unknownRevisionIs404AndDiffNeedsFrom() {
        assertProblem(404, "No revision 'deadbeef'", () -> resource.handle(Requests.post(INSTRUMENTS,
                PATH + "/restore", "{\"revision\":\"deadbeef\"}", Fakes.curator())));
        assertProblem(400, "Query parameter 'from' is required", () -> resource.handle(Requests.get(INSTRUMENTS,
                PATH + "/diff", Map.of())));
        assertProblem(405, "answers GET, PUT, not POST", () -> resource.handle(Requests.post(INSTRUMENTS, PATH,
                BODY, Fakes.curator())));
    }

    @Test
    void withoutTheServiceIs503() {
        MetadataConfigurationResource without = new MetadataConfigurationResource(() -> null, new JsonCodec());

        assertProblem(503, "org.datastamp.metadata.git", () -> without.handle(Requests.get(INSTRUMENTS, PATH,
                Map.of())));
    }

    @Test
    void recognisesOnlyMetadataConfigurationPaths() {
        assertTrue(MetadataConfigurationResource.handles(Requests.get(INSTRUMENTS, PATH + "/history", Map.of())));
        assertFalse(MetadataConfigurationResource.handles(Requests.get(INSTRUMENTS, "/CoSAXS", Map.of())));
        assertFalse(MetadataConfigurationResource.handles(Requests.get(INSTRUMENTS, "", Map.of())));
    }

    /** Revisions in a list; the diff names its ends so the test sees which revisions were compared. */
    static final class InMemoryConfigurations implements MetadataConfigurations {
        final List<ConfigurationRevision> saved = new ArrayList<>();
        final Map<String, MetadataConfiguration> content = new HashMap<>();

        @Override
        public List<String> instruments() {
            return content.values().stream().map(MetadataConfiguration::instrument).distinct().sorted().toList();
        }

        @Override
        public MetadataConfiguration current(String instrument) {
            List<ConfigurationRevision> history = history(instrument);
            return history.isEmpty() ? MetadataConfiguration.empty(instrument) : content.get(history.get(0).id());
        }

        @Override
        public ConfigurationRevision save(MetadataConfiguration configuration, String author, String message) {
            ConfigurationRevision revision = new ConfigurationRevision(String.format("%040x", saved.size() + 1),
                    author, message, Instant.now());
            saved.add(0, revision);
            content.put(revision.id(), configuration);
            return revision;
        }

        @Override
        public List<ConfigurationRevision> history(String instrument) {
            return saved.stream().filter(r -> content.get(r.id()).instrument().equals(instrument)).toList();
        }

        @Override
        public MetadataConfiguration at(String instrument, String revisionId) throws UnknownRevisionException {
            MetadataConfiguration c = content.get(revisionId);
            if (c == null) {
                throw new UnknownRevisionException("No revision '" + revisionId + "'");
            }
            return c;
        }

        @Override
        public String diff(String instrument, String fromRevisionId, String toRevisionId) {
            return "diff " + fromRevisionId + ".." + toRevisionId;
        }

        @Override
        public ConfigurationRevision restore(String instrument, String revisionId, String author)
                throws UnknownRevisionException {
            return save(at(instrument, revisionId), author, "Restore " + revisionId);
        }
    }
}
