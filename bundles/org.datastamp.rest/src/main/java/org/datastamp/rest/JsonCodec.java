package org.datastamp.rest;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads request bodies into JSON trees and writes response trees; one per servlet, thread-safe once built. */
final class JsonCodec {

    private final ObjectMapper mapper = new ObjectMapper()
            // a body such as {"a":1}{"b":2} or {"a":1} trailing-garbage is malformed, not "the first object"
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Parses a request body.
     *
     * @throws ProblemException 400 naming where the JSON is broken
     */
    JsonNode read(byte[] body) throws ProblemException {
        if (body.length == 0) {
            throw new ProblemException(Problem.badRequest("The request body is empty; send a JSON object"));
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new ProblemException(Problem.badRequest("The request body is empty; send a JSON object"));
            }
            return tree;
        } catch (JacksonException e) {
            throw new ProblemException(Problem.badRequest("Malformed JSON: " + describe(e)), e);
        } catch (IOException e) {
            throw new ProblemException(Problem.badRequest("Unreadable request body: " + e.getMessage()), e);
        }
    }

    void write(JsonNode tree, OutputStream out) throws IOException {
        mapper.writeValue(out, tree);
    }

    String toString(JsonNode tree) {
        try {
            return mapper.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written: " + e.getMessage(), e);
        }
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        return e.getLocation() == null ? message
                : message + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
