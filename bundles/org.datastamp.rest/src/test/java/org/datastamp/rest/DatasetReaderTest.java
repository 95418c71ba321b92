package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.NewDataset;
import org.junit.jupiter.api.Test;

class DatasetReaderTest {

    private static final String MINIMAL = "{\"title\":\"T\",\"instrument\":\"CoSAXS\",\"startTime\":\"2026-01-31T12:00:00Z\","
            + "\"endTime\":\"2026-01-31T12:01:00Z\",\"files\":[{\"path\":\"a.nxs\",\"size\":1,\"checksum\":\"ab\"}]";

    private final DatasetReader reader = new DatasetReader(new JsonCodec());

    @Test
    void readsEveryFieldWithDefaults() throws ProblemException {
        NewDataset dataset = read(MINIMAL + ",\"type\":\"derived\",\"inputs\":[\"ds-1\"],\"keywords\":[\"k\"],"
                + "\"proposalId\":\"20240123\",\"metadata\":[{\"name\":\"e\",\"value\":[1,2.5,true,\"x\"],\"unit\":\"keV\"}]}")
                .dataset();

        assertEquals(DatasetType.DERIVED, dataset.type());
        assertEquals(List.of(new DatasetId("ds-1")), dataset.inputs());
        assertEquals("SHA-256", dataset.files().get(0).checksumAlgorithm());
        assertEquals(Instant.parse("2026-01-31T12:01:00Z"), dataset.files().get(0).modified());
        assertEquals(List.of(1, 2.5, true, "x"), dataset.metadata().get(0).value());
        assertEquals("", dataset.location());
    }

    @Test
    void eachRefusalNamesItsField() {
        assertField("startTime", MINIMAL.replace("2026-01-31T12:00:00Z", "yesterday") + "}");
        assertField("endTime", MINIMAL.replace("12:01:00Z", "11:00:00Z") + "}");
        assertField("files[0].size", MINIMAL.replace("\"size\":1", "\"size\":-1") + "}");
        assertField("files[0].path", MINIMAL.replace("a.nxs", "../etc/passwd") + "}");
        assertField("files[0].colour", MINIMAL.replace("\"size\":1", "\"size\":1,\"colour\":\"red\"") + "}");
        assertField("metadata[0].value", MINIMAL + ",\"metadata\":[{\"name\":\"x\",\"value\":{\"a\":1}}]}");
        assertField("metadata[0].value[1]", MINIMAL + ",\"metadata\":[{\"name\":\"x\",\"value\":[1,[2]]}]}");
        assertField("inputs", MINIMAL + ",\"inputs\":[\"ds-1\"]}");
        assertField("proposalId", MINIMAL + ",\"proposalId\":\"no spaces allowed\"}");
        assertField("sessionId", MINIMAL + ",\"sessionId\":\"-bad\"}");
        assertField("type", MINIMAL + ",\"type\":\"cooked\"}");
        assertField("id", MINIMAL + ",\"id\":\"has space\"}");
        assertField("instrument", MINIMAL.replace("\"instrument\":\"CoSAXS\"", "\"instrument\":7") + "}");
        assertField("files", "{\"title\":\"T\",\"instrument\":\"I\",\"startTime\":\"2026-01-31T12:00:00Z\","
                + "\"endTime\":\"2026-01-31T12:00:00Z\"}");
        assertField("", "[1]");
    }

    @Test
    void malformedJsonIs400() {
        ProblemException e = assertThrows(ProblemException.class, () -> read("{\"title\":"));
        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().startsWith("Malformed JSON"), e.problem().detail());
    }

    @Test
    void batchElementsArePrefixedWithTheirIndex() {
        ProblemException e = assertThrows(ProblemException.class, () -> reader.readBatch(bytes("[" + MINIMAL
                + ",\"id\":\"a\"}," + MINIMAL.replace("\"title\":\"T\",", "") + ",\"id\":\"b\"}]")));
        assertEquals("[1].title", e.problem().members().get("field"));
        assertEquals("[0]", assertThrows(ProblemException.class, () -> reader.readBatch(bytes("[3]"))).problem()
                .members().get("field"));
        assertEquals("", assertThrows(ProblemException.class, () -> reader.readBatch(bytes("[]"))).problem()
                .members().get("field"));
    }

    private void assertField(String field, String body) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(body), body);
        assertEquals(400, e.problem().status());
        assertEquals(field, e.problem().members().get("field"), e.problem().detail());
    }

    private DatasetReader.Submission read(String body) throws ProblemException {
        return reader.readOne(bytes(body));
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
