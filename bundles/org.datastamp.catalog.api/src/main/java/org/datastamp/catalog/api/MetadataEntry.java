package org.datastamp.catalog.api;

import java.util.List;
import java.util.Objects;

/**
 * One piece of scientific metadata.
 *
 * @param name  e.g. {@code sample_temperature}
 * @param value a {@link Number}, {@link String}, {@link Boolean} or a {@link List} of those
 * @param unit  unit symbol for quantities (e.g. {@code K}), empty otherwise
 */
public record MetadataEntry(String name, Object value, String unit) {

    public MetadataEntry {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Metadata needs a name");
        }
        Objects.requireNonNull(value, () -> "Metadata '" + name + "' has no value");
        if (!isScalar(value) && !(value instanceof List<?> list && list.stream().allMatch(MetadataEntry::isScalar))) {
            throw new IllegalArgumentException("Metadata '" + name + "' must be a number, string, boolean or a list of"
                    + " those, got " + value.getClass().getSimpleName());
        }
        value = value instanceof List<?> list ? List.copyOf(list) : value;
        unit = unit == null ? "" : unit;
    }

    private static boolean isScalar(Object v) {
        return v instanceof Number || v instanceof String || v instanceof Boolean;
    }
}
