package org.datastamp.catalog.api;

/** Parses unit symbols and converts quantities to SI, backed by a units library (JSR 385). */
public interface UnitConverter {

    /**
     * Converts a value in the given unit to its system unit, e.g. {@code 40 degC -> 313.15 K}. An empty unit means a
     * dimensionless number and returns it unchanged with an empty system unit.
     *
     * @throws UnknownUnitException when the unit cannot be parsed; the message suggests a known symbol if one is close
     */
    NormalizedQuantity normalize(double value, String unit) throws UnknownUnitException;
}
