package org.datastamp.metadata.api;

import java.util.Objects;

/**
 * One way a scan's recorded metadata fails an application definition.
 *
 * @param definition the definition, e.g. {@code NXsas}
 * @param field      the missing or wrong field, e.g. {@code wavelength}
 * @param reason     what is wrong, for a scientist to act on
 */
public record SchemaViolation(String definition, String field, String reason) {
    public SchemaViolation {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
