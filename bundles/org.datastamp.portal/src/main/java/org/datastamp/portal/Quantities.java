package org.datastamp.portal;

import java.util.Optional;

import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;

/**
 * Converts a value between two units of the same dimension through the catalogue's unit converter, which maps to SI:
 * {@code si = a * x + b} for the target unit (b is non-zero for degC and the like), so {@code x = (si - b) / a}.
 */
final class Quantities {

    private final UnitConverter units;

    Quantities(UnitConverter units) {
        this.units = units;
    }

    /** The value in the target unit, or empty when the units are unknown or of different dimensions. */
    Optional<Double> convert(double value, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(value);
        }
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        try {
            NormalizedQuantity si = units.normalize(value, from);
            NormalizedQuantity zero = units.normalize(0, to);
            NormalizedQuantity one = units.normalize(1, to);
            if (!si.systemUnit().equals(zero.systemUnit())) {
                return Optional.empty();
            }
            double scale = one.value() - zero.value();
            return scale == 0 ? Optional.empty() : Optional.of((si.value() - zero.value()) / scale);
        } catch (UnknownUnitException e) {
            return Optional.empty();
        }
    }

    /** Whether the unit is one the converter knows. */
    boolean known(String unit) {
        try {
            units.normalize(1, unit);
            return true;
        } catch (UnknownUnitException e) {
            return false;
        }
    }
}
