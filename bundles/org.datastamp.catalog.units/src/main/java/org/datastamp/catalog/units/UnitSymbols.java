package org.datastamp.catalog.units;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.measure.Dimension;
import javax.measure.Unit;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The unit symbols DataSTaMP understands: Indriya's SI symbols plus what beamline scientists write and Indriya lacks
 * (degC, eV, Å, bar, deg, um, bytes...). Each instance owns a private {@link SimpleUnitFormat}, so our aliases never
 * leak into the JVM-wide Indriya format other bundles may use.
 */
final class UnitSymbols {

    /** Bytes are not SI; they get a base dimension of their own so they compare only with bytes. */
    static final Dimension INFORMATION = UnitDimension.parse('B');

    static final Unit<?> BYTE = new BaseUnit<>("B", INFORMATION);

    private static final double ELECTRONVOLT_IN_JOULE = 1.602176634e-19;

    /**
     * The default flavour: it reads the Unicode symbols ({@code ℃}, {@code °C}, {@code µm}, {@code Ω}) and lets us
     * add Unicode aliases ({@code Å}, {@code °}); the ASCII flavour refuses non-ASCII aliases. The few ASCII spellings
     * only that flavour knows ({@code Cel}, {@code mL}) are added as aliases below.
     */
    private final SimpleUnitFormat format = SimpleUnitFormat.getNewInstance(SimpleUnitFormat.Flavor.DEFAULT);

    /** Symbols offered as suggestions for a misspelt unit: the common ones and every alias we add. */
    private final List<String> suggestible = new ArrayList<>(List.of("K", "mK", "°C", "m", "mm", "cm", "nm", "pm",
            "km", "s", "ms", "ns", "min", "h", "d", "Hz", "kHz", "MHz", "GHz", "Pa", "kPa", "MPa", "hPa", "N", "J",
            "kJ", "W", "kW", "V", "mV", "kV", "A", "mA", "g", "kg", "mg", "rad", "mrad", "sr", "T", "mT", "Ω", "C",
            "F", "mol", "cd", "l", "ml", "Gy", "Sv", "Bq", "%"));

    UnitSymbols() {
        Unit<?> celsius = Units.CELSIUS;
        alias(celsius, "degC", "celsius", "Celsius", "Cel");

        Unit<?> electronvolt = Units.JOULE.multiply(ELECTRONVOLT_IN_JOULE);
        alias(electronvolt, "eV");
        alias(electronvolt.multiply(1e-3), "meV");
        alias(electronvolt.multiply(1e3), "keV");
        alias(electronvolt.multiply(1e6), "MeV");
        alias(electronvolt.multiply(1e9), "GeV");

        // "A" stays ampere; the angstrom needs its own sign or name
        alias(Units.METRE.multiply(1e-10), "\u00C5", "\u212B", "angstrom", "Angstrom");
        alias(Units.METRE.multiply(1e-6), "um");
        alias(Units.SECOND.multiply(1e-6), "us");
        alias(Units.AMPERE.multiply(1e-6), "uA");
        alias(Units.VOLT.multiply(1e-6), "uV");
        alias(Units.WATT.multiply(1e-6), "uW");
        alias(Units.GRAM.multiply(1e-6), "ug");
        alias(Units.RADIAN.multiply(1e-6), "urad", "µrad");
        alias(Units.LITRE, "L");
        alias(Units.LITRE.multiply(1e-3), "mL");
        alias(Units.LITRE.multiply(1e-6), "uL", "ul", "µL", "µl");

        Unit<?> bar = Units.PASCAL.multiply(1e5);
        alias(bar, "bar");
        alias(bar.multiply(1e-3), "mbar");
        alias(bar.multiply(1e-6), "µbar", "ubar");
        alias(Units.PASCAL.multiply(101325.0 / 760), "Torr", "torr");
        alias(Units.PASCAL.multiply(101325.0 / 760 * 1e-3), "mTorr");

        Unit<?> degree = Units.RADIAN.multiply(Math.PI / 180);
        alias(degree, "deg", "°", "degree", "degrees");
        alias(degree.multiply(1e-3), "mdeg");

        alias(BYTE, "B", "byte", "bytes");
        String[] decimal = { "kB", "MB", "GB", "TB", "PB" };
        String[] binary = { "KiB", "MiB", "GiB", "TiB", "PiB" };
        for (int i = 0; i < decimal.length; i++) {
            alias(BYTE.multiply(Math.pow(1000, i + 1)), decimal[i]);
            alias(BYTE.multiply(Math.pow(1024, i + 1)), binary[i]);
        }
    }

    private void alias(Unit<?> unit, String... symbols) {
        for (String symbol : symbols) {
            format.alias(unit, symbol);
            suggestible.add(symbol);
        }
    }

    /**
     * Parses a unit expression such as {@code keV}, {@code mm}, {@code kg/m^3}.
     *
     * @return the unit, or {@code null} when the expression is not a unit
     * @throws RuntimeException as Indriya reports most malformed expressions
     */
    Unit<?> parse(String symbol) {
        // Indriya stops quietly at a dangling operator or parenthesis ("m/" and "m)" both read as metres)
        if (symbol.matches(".*[/*·^.(]\\s*") || symbol.startsWith(")") || !balanced(symbol)) {
            return null;
        }
        // Reciprocal units as scattering writes them (q in 1/nm or 1/Å); Indriya has no unit named "1"
        Matcher reciprocal = RECIPROCAL.matcher(symbol);
        if (reciprocal.matches()) {
            Unit<?> denominator = parse(reciprocal.group(1));
            return denominator == null ? null : denominator.inverse();
        }
        return format.parse(symbol);
    }

    private static final Pattern RECIPROCAL = Pattern.compile("1\\s*/\\s*(.+)");

    private static boolean balanced(String symbol) {
        int depth = 0;
        for (char c : symbol.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    List<String> suggestible() {
        return Collections.unmodifiableList(suggestible);
    }

    /**
     * The system unit's name built from the unit's dimension in a fixed order of base units, so every unit of one
     * dimension gets the same name whichever way it was written ({@code J}, {@code eV} and {@code kg*m^2/s^2} all
     * give {@code kg·m²/s²}). Dimensionless units are empty, except angles and solid angles, which keep their unit
     * ({@code rad}, {@code sr}) so an angle never compares with a plain number.
     */
    static String systemUnitName(Unit<?> unit) {
        Dimension dimension = unit.getDimension();
        Map<? extends Dimension, Integer> powers = dimension.getBaseDimensions();
        if (powers == null) {
            powers = Map.of(dimension, 1);
        }
        if (powers.isEmpty()) {
            Unit<?> system = unit.getSystemUnit();
            return system.equals(AbstractUnit.ONE) ? "" : system.getSymbol() == null ? system.toString()
                    : system.getSymbol();
        }
        StringBuilder numerator = new StringBuilder();
        List<String> denominator = new ArrayList<>();
        for (Map.Entry<Dimension, String> base : BASE_SYMBOLS) {
            Integer power = powers.get(base.getKey());
            if (power == null || power == 0) {
                continue;
            }
            if (power > 0) {
                if (numerator.length() > 0) {
                    numerator.append('·');
                }
                numerator.append(base.getValue()).append(superscript(power));
            } else {
                denominator.add(base.getValue() + superscript(-power));
            }
        }
        for (Dimension other : powers.keySet()) {
            if (BASE_SYMBOLS.stream().noneMatch(e -> e.getKey().equals(other))) {
                // A dimension we do not know by name: fall back to the library's own notation, still unambiguous
                return dimension.toString();
            }
        }
        String top = numerator.length() == 0 ? "1" : numerator.toString();
        if (denominator.isEmpty()) {
            return top;
        }
        String bottom = String.join("·", denominator);
        return top + "/" + (denominator.size() > 1 ? "(" + bottom + ")" : bottom);
    }

    /** SI base dimensions (and bytes) in the order their units are written. */
    private static final List<Map.Entry<Dimension, String>> BASE_SYMBOLS = List.of(
            Map.entry(UnitDimension.MASS, "kg"),
            Map.entry(UnitDimension.LENGTH, "m"),
            Map.entry(UnitDimension.TIME, "s"),
            Map.entry(UnitDimension.ELECTRIC_CURRENT, "A"),
            Map.entry(UnitDimension.TEMPERATURE, "K"),
            Map.entry(UnitDimension.AMOUNT_OF_SUBSTANCE, "mol"),
            Map.entry(UnitDimension.LUMINOUS_INTENSITY, "cd"),
            Map.entry(INFORMATION, "B"));

    private static String superscript(int power) {
        if (power == 1) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char digit : Integer.toString(power).toCharArray()) {
            out.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0'));
        }
        return out.toString();
    }
}
