package org.datastamp.doi.api;

import java.util.Objects;

/**
 * A date or date range of published data, as ISO 8601 / RKMS-ISO8601 text: {@code 2024-03-01} or
 * {@code 2024-03-01T08:00:00Z/2024-03-02T10:00:00Z}.
 *
 * @param value the date or range
 * @param type  its meaning
 */
public record DoiDate(String value, DateType type) {

    public DoiDate {
        if (value == null || !value.matches("\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]+Z)?)?)?(/\\d{4}(-\\d{2}(-\\d{2}(T[0-9:.]+Z)?)?)?)?")) {
            throw new IllegalArgumentException("Date '" + value + "' is not an ISO 8601 date or range such as"
                    + " 2024-03-01 or 2024-03-01T08:00:00Z/2024-03-02T10:00:00Z");
        }
        Objects.requireNonNull(type, "type");
    }
}
