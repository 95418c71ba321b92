package org.datastamp.analytics.azimuthal;

import java.util.Locale;
import java.util.Set;

import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;

/** Geometry values with their units (from a file's {@code @units} or a parameter) converted to SI through the catalogue's converter. */
final class Quantities {

    /** Planck constant times the speed of light, J m (exact in the 2019 SI). */
    static final double HC = 6.62607015e-34 * 299_792_458.0;

    private static final Set<String> PIXELS = Set.of("", "pixel", "pixels", "px", "pix");

    private final UnitConverter units;
    private final String metre;
    private final String joule;

    Quantities(UnitConverter units) throws ProcessingException {
        this.units = units;
        this.metre = systemUnit(1, "m", "metre");
        this.joule = systemUnit(1, "J", "joule");
    }

    /** A length in metres. */
    double length(Value v) throws ProcessingException {
        NormalizedQuantity q = normalize(v);
        if (!q.systemUnit().equals(metre)) {
            throw new ProcessingException(v.what() + " is " + v + ", not a length (give it in m, mm, µm, nm or Å)");
        }
        return q.value();
    }

    /** A wavelength in metres, from a length or from a photon energy (λ = hc/E). */
    double wavelength(Value v) throws ProcessingException {
        NormalizedQuantity q = normalize(v);
        if (q.systemUnit().equals(metre)) {
            return q.value();
        }
        if (q.systemUnit().equals(joule) && q.value() > 0) {
            return HC / q.value();
        }
        throw new ProcessingException(v.what() + " is " + v + ", neither a wavelength (Å, nm, m) nor a photon energy"
                + " (eV, keV)");
    }

    /** A beam centre coordinate in pixels: given in pixels (or without unit), or as a length on the detector. */
    double pixels(Value v, double pixelSize) throws ProcessingException {
        if (PIXELS.contains(v.unit().strip().toLowerCase(Locale.ROOT))) {
            return v.value();
        }
        return length(v) / pixelSize;
    }

    private NormalizedQuantity normalize(Value v) throws ProcessingException {
        if (v.unit().isBlank()) {
            throw new ProcessingException(v.what() + " has no unit (" + v.value() + "); the file or parameter must"
                    + " say its unit");
        }
        try {
            return units.normalize(v.value(), v.unit());
        } catch (UnknownUnitException e) {
            throw new ProcessingException(v.what() + ": " + e.getMessage(), e);
        }
    }

    private String systemUnit(double value, String unit, String name) throws ProcessingException {
        try {
            return units.normalize(value, unit).systemUnit();
        } catch (UnknownUnitException e) {
            throw new ProcessingException("The unit converter does not know the " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A number with its unit symbol, and where it came from for messages.
     *
     * @param what e.g. {@code detector distance (/entry/instrument/detector/distance)}
     */
    record Value(double value, String unit, String what) {

        Value {
            unit = unit == null ? "" : unit;
        }

        @Override
        public String toString() {
            return unit.isBlank() ? Double.toString(value) : value + " " + unit;
        }
    }
}
