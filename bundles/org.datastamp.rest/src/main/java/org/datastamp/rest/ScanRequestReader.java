package org.datastamp.rest;

import java.util.Iterator;
import java.util.Set;

import org.datastamp.acquisition.api.ScanRequest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the body of {@code POST /api/scans} into a {@link ScanRequest}, checking each field so a 400 names the
 * field and says what is wrong with it. Unknown fields are refused: a misspelt {@code framecount} would
 * otherwise silently fall back to nothing.
 */
final class ScanRequestReader {

    static final Set<String> FIELDS = Set.of("detectorId", "frameCount", "title", "sampleName");

    private final JsonCodec codec;

    ScanRequestReader(JsonCodec codec) {
        this.codec = codec;
    }

    ScanRequest read(byte[] body) throws ProblemException {
        JsonNode json = codec.read(body);
        if (!json.isObject()) {
            throw bad("The request body must be a JSON object with detectorId, frameCount, title and optionally"
                    + " sampleName; got a JSON " + typeOf(json));
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad("Unknown field '" + name + "'; a scan request has detectorId, frameCount, title and"
                        + " sampleName");
            }
        }
        String detectorId = requiredText(json, "detectorId");
        int frameCount = frameCount(json);
        String title = requiredText(json, "title");
        String sampleName = optionalText(json, "sampleName");
        return new ScanRequest(detectorId, frameCount, title, sampleName);
    }

    private static int frameCount(JsonNode json) throws ProblemException {
        JsonNode node = json.get("frameCount");
        if (node == null || node.isNull()) {
            throw bad("Field 'frameCount' is required: the number of frames to acquire, 1 to " + ScanRequest.MAX_FRAMES);
        }
        if (!node.isIntegralNumber()) {
            throw bad("Field 'frameCount' must be an integer, got " + describe(node));
        }
        if (!node.canConvertToLong() || node.longValue() < 1 || node.longValue() > ScanRequest.MAX_FRAMES) {
            throw bad("Field 'frameCount' must be between 1 and " + ScanRequest.MAX_FRAMES + ", got " + node.asText());
        }
        return node.intValue();
    }

    private static String requiredText(JsonNode json, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw bad("Field '" + field + "' is required");
        }
        if (!node.isTextual()) {
            throw bad("Field '" + field + "' must be a string, got " + describe(node));
        }
        if (node.textValue().isBlank()) {
            throw bad("Field '" + field + "' must not be blank");
        }
        return node.textValue().strip();
    }

    private static String optionalText(JsonNode json, String field) throws ProblemException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return "";
        }
        if (!node.isTextual()) {
            throw bad("Field '" + field + "' must be a string, got " + describe(node));
        }
        return node.textValue().strip();
    }

    private static String describe(JsonNode node) {
        return typeOf(node) + " " + node.toString();
    }

    private static String typeOf(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT, POJO -> "object";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case STRING -> "string";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    private static ProblemException bad(String detail) {
        return new ProblemException(Problem.badRequest(detail));
    }
}
