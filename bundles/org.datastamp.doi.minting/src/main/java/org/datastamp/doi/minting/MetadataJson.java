package org.datastamp.doi.minting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.doi.api.DoiMetadata;

/** DOI metadata as the JSON document kept in the catalogue's {@code doi_request.metadata} column. */
final class MetadataJson {

    // Records map to JSON by component name; unknown fields from a later version are ignored when read back.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MetadataJson() {
    }

    static String write(DoiMetadata metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("DOI metadata cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static DoiMetadata read(String json) {
        try {
            return JSON.readValue(json, DoiMetadata.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored DOI metadata cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
