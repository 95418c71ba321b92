package org.datastamp.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.datastamp.acquisition.api.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanRequestReaderTest {

    private final ScanRequestReader reader = new ScanRequestReader(new JsonCodec());

    @Test
    void readsAFullRequest() throws ProblemException {
        ScanRequest request = read("{\"detectorId\":\"simulated-detector\",\"frameCount\":10,\"title\":\" Test \","
                + "\"sampleName\":\"lysozyme\"}");

        assertEquals(new ScanRequest("simulated-detector", 10, "Test", "lysozyme"), request);
    }

    @Test
    void sampleNameIsOptional() throws ProblemException {
        assertEquals("", read("{\"detectorId\":\"d\",\"frameCount\":1,\"title\":\"t\"}").sampleName());
        assertEquals("", read("{\"detectorId\":\"d\",\"frameCount\":1,\"title\":\"t\",\"sampleName\":null}").sampleName());
    }

    @Test
    void acceptsTheLargestFrameCount() throws ProblemException {
        assertEquals(ScanRequest.MAX_FRAMES,
                read("{\"detectorId\":\"d\",\"frameCount\":1000000,\"title\":\"t\"}").frameCount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON                 | {\"detectorId\":                                       | Malformed JSON",
        "trailing garbage               | {\"detectorId\":\"d\",\"frameCount\":1,\"title\":\"t\"} x | Malformed JSON",
        "duplicate field                | {\"title\":\"a\",\"title\":\"b\"}                     | Malformed JSON",
        "empty body                     | ''                                                     | body is empty",
        "array instead of object        | [1,2]                                                  | got a JSON array",
        "missing detectorId             | {\"frameCount\":1,\"title\":\"t\"}                     | Field 'detectorId' is required",
        "detectorId a number            | {\"detectorId\":5,\"frameCount\":1,\"title\":\"t\"}    | Field 'detectorId' must be a string, got number 5",
        "blank detectorId               | {\"detectorId\":\" \",\"frameCount\":1,\"title\":\"t\"} | Field 'detectorId' must not be blank",
        "missing frameCount             | {\"detectorId\":\"d\",\"title\":\"t\"}                 | Field 'frameCount' is required",
        "frameCount a string            | {\"detectorId\":\"d\",\"frameCount\":\"10\",\"title\":\"t\"} | Field 'frameCount' must be an integer, got string \"10\"",
        "frameCount a fraction          | {\"detectorId\":\"d\",\"frameCount\":1.5,\"title\":\"t\"} | Field 'frameCount' must be an integer, got number 1.5",
        "frameCount zero                | {\"detectorId\":\"d\",\"frameCount\":0,\"title\":\"t\"} | Field 'frameCount' must be between 1 and 1000000, got 0",
        "frameCount negative            | {\"detectorId\":\"d\",\"frameCount\":-3,\"title\":\"t\"} | Field 'frameCount' must be between 1 and 1000000, got -3",
        "frameCount above the maximum   | {\"detectorId\":\"d\",\"frameCount\":1000001,\"title\":\"t\"} | Field 'frameCount' must be between 1 and 1000000, got 1000001",
        "frameCount beyond long         | {\"detectorId\":\"d\",\"frameCount\":99999999999999999999,\"title\":\"t\"} | Field 'frameCount' must be between 1 and 1000000",
        "missing title                  | {\"detectorId\":\"d\",\"frameCount\":1}                | Field 'title' is required",
        "title an object                | {\"detectorId\":\"d\",\"frameCount\":1,\"title\":{}}   | Field 'title' must be a string, got object",
        "sampleName a boolean           | {\"detectorId\":\"d\",\"frameCount\":1,\"title\":\"t\",\"sampleName\":true} | Field 'sampleName' must be a string, got boolean",
        "misspelt field                 | {\"detectorId\":\"d\",\"framecount\":1,\"title\":\"t\"} | Unknown field 'framecount'",
    })
    void refusesBadBodiesWithA400NamingTheProblem(String name, String body, String expectedDetail) {
        ProblemException e = assertThrows(ProblemException.class, () -> read(body));

        assertEquals(400, e.problem().status());
        assertTrue(e.problem().detail().contains(expectedDetail), e.problem().detail());
    }

    private ScanRequest read(String body) throws ProblemException {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
