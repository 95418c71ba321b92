package org.datastamp.acquisition.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.metadata.api.MetadataSchema;
import org.datastamp.metadata.api.SchemaViolation;

/**
 * Checks a dataset's metadata against the application definition its beamline's configuration names, with the
 * {@link MetadataSchema} plugin of that definition, and says so in the metadata: {@code schema_definition},
 * {@code schema_valid} and, when not valid, {@code schema_violations}. A definition without a plugin, or a plugin
 * that breaks, is itself a violation: a check that did not run must not look like one that passed.
 */
final class SchemaCheck {

    static final String DEFINITION = "schema_definition";
    static final String VALID = "schema_valid";
    static final String VIOLATIONS = "schema_violations";

    private SchemaCheck() {
    }

    /**
     * @param definition the configured definition; empty for none (then nothing is checked or added)
     * @param schemas    the schema plugins bound now
     * @param recorded   the dataset's metadata
     * @return the entries to add to the dataset's metadata
     */
    static List<MetadataEntry> check(String definition, List<MetadataSchema> schemas, List<MetadataEntry> recorded) {
        if (definition.isEmpty()) {
            return List.of();
        }
        List<String> violations = new ArrayList<>();
        Optional<MetadataSchema> schema = schemas.stream().filter(s -> definition.equals(s.definition())).findFirst();
        if (schema.isEmpty()) {
            violations.add("No schema plugin for " + definition + " is installed; the metadata was not checked");
        } else {
            try {
                for (SchemaViolation v : schema.get().validate(recorded)) {
                    violations.add(v.field() + ": " + v.reason());
                }
            } catch (RuntimeException e) {
                violations.add("The " + definition + " schema plugin '" + schema.get().capabilityId()
                        + "' failed; the metadata was not checked: " + e);
            }
        }
        List<MetadataEntry> entries = new ArrayList<>();
        entries.add(new MetadataEntry(DEFINITION, definition, ""));
        entries.add(new MetadataEntry(VALID, violations.isEmpty(), ""));
        if (!violations.isEmpty()) {
            entries.add(new MetadataEntry(VIOLATIONS, violations, ""));
        }
        return entries;
    }
}
