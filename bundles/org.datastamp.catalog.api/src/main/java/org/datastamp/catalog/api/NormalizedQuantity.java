package org.datastamp.catalog.api;

import java.util.Objects;

/**
 * A quantity converted to its system (SI) unit, so quantities of the same dimension compare as plain numbers.
 *
 * @param value      the value in {@code systemUnit}
 * @param systemUnit the SI unit, as the unit library prints it, e.g. {@code K}, {@code m}, {@code kg·m²/s²}
 */
public record NormalizedQuantity(double value, String systemUnit) {

    public NormalizedQuantity {
        Objects.requireNonNull(systemUnit, "systemUnit");
    }
}
