package org.datastamp.analytics.jupyterhub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** nbformat's v4 JSON schema (draft-04; test resource copied from Debian's python3-nbformat, see its README). */
final class NotebookSchema {

    private static final JsonSchema SCHEMA = load();

    private NotebookSchema() {
    }

    /** Where {@code notebook} breaks the schema; empty when it is a valid nbformat 4 notebook. */
    static List<String> errors(JsonNode notebook) {
        return SCHEMA.validate(notebook).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load() {
        try (InputStream in = NotebookSchema.class.getResourceAsStream("/nbformat/nbformat.v4.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("nbformat/nbformat.v4.schema.json is missing from the test resources");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
