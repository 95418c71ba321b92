package org.datastamp.catalog.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.UnknownUnitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndriyaUnitConverterTest {

    private final IndriyaUnitConverter converter = new IndriyaUnitConverter();

    private void assertConverts(double value, String unit, double expected, String systemUnit) throws Exception {
        NormalizedQuantity q = converter.normalize(value, unit);
        assertEquals(systemUnit, q.systemUnit(), "system unit of " + value + " " + unit);
        assertEquals(expected, q.value(), Math.abs(expected) * 1e-12, value + " " + unit);
    }

    @Test
    void celsiusInEverySpellingIsKelvin() throws Exception {
        for (String unit : new String[] { "degC", "°C", "\u2103", "celsius", "Cel" }) {
            assertConverts(40, unit, 313.15, "K");
        }
        assertConverts(300, "K", 300, "K");
        assertConverts(150, "mK", 0.15, "K");
    }

    @Test
    void electronvoltsAreJoulesNamedByDimension() throws Exception {
        assertConverts(1, "keV", 1.602176634e-16, "kg·m²/s²");
        assertConverts(12.4, "eV", 12.4 * 1.602176634e-19, "kg·m²/s²");
        // however energy is written, it lands on the same name so it compares with the others
        assertConverts(2, "J", 2, "kg·m²/s²");
        assertConverts(2, "kg*m^2/s^2", 2, "kg·m²/s²");
        assertConverts(3, "N*m", 3, "kg·m²/s²");
    }

    @Test
    void lengthsCompareInMetres() throws Exception {
        assertConverts(1500, "mm", 1.5, "m");
        assertConverts(1.5, "m", 1.5, "m");
        assertConverts(3, "um", 3e-6, "m");
        assertConverts(3, "\u00B5m", 3e-6, "m");
        assertConverts(3, "\u03BCm", 3e-6, "m");
        assertConverts(12, "nm", 12e-9, "m");
        assertConverts(1.54, "\u00C5", 1.54e-10, "m");
        assertConverts(1.54, "angstrom", 1.54e-10, "m");
    }

    @Test
    void reciprocalLengthsAsScatteringWritesThemAreInversMetres() throws Exception {
        assertConverts(2, "1/nm", 2e9, "1/m");
        assertConverts(0.2, "1/\u00C5", 0.2e10, "1/m");
        assertConverts(0.2, "1/angstrom", 0.2e10, "1/m");
        assertConverts(2, "nm^-1", 2e9, "1/m");
        assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "1/furlongs"));
    }

    @ParameterizedTest
    @CsvSource({
            "2, ms, 0.002, s", "5, us, 5e-6, s", "1, min, 60, s",
            "3, kHz, 3000, 1/s", "1, bar, 100000, kg/(m·s²)", "2, mbar, 200, kg/(m·s²)", "7, Pa, 7, kg/(m·s²)",
            "5, mW, 0.005, kg·m²/s³", "2, A, 2, A", "230, V, 230, kg·m²/(s³·A)",
            "3, g, 0.003, kg", "5, mg, 5e-6, kg", "180, deg, 3.141592653589793, rad", "180, °, 3.141592653589793, rad",
            "4, mrad, 0.004, rad", "2, GB, 2e9, B", "1, kB, 1000, B", "1, KiB, 1024, B", "3, TB, 3e12, B" })
    void commonBeamlineUnits(double value, String unit, double expected, String systemUnit) throws Exception {
        assertConverts(value, unit, expected, systemUnit);
    }

    @Test
    void ampereIsNotAngstrom() throws Exception {
        assertEquals("A", converter.normalize(1, "A").systemUnit());
        assertEquals("m", converter.normalize(1, "\u212B").systemUnit());
    }

    @Test
    void anEmptyUnitIsADimensionlessNumber() throws Exception {
        assertEquals(new NormalizedQuantity(42, ""), converter.normalize(42, ""));
        assertEquals(new NormalizedQuantity(42, ""), converter.normalize(42, "  "));
        assertEquals(new NormalizedQuantity(42, ""), converter.normalize(42, null));
        assertEquals("", converter.normalize(50, "%").systemUnit());
        assertEquals(0.5, converter.normalize(50, "%").value(), 1e-15);
    }

    @Test
    void degKSuggestsKelvin() {
        UnknownUnitException e = assertThrows(UnknownUnitException.class, () -> converter.normalize(300, "degK"));
        assertEquals("degK", e.unit());
        assertEquals("Unknown unit 'degK'; did you mean 'K'?", e.getMessage());
    }

    @Test
    void aMisspeltUnitSuggestsTheCloseOne() {
        assertEquals("Unknown unit 'kev'; did you mean 'keV'?",
                assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "kev")).getMessage());
        assertEquals("Unknown unit 'mbr'; did you mean 'mbar'?",
                assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "mbr")).getMessage());
    }

    @Test
    void nonsenseGetsAHintInsteadOfASuggestion() {
        UnknownUnitException e = assertThrows(UnknownUnitException.class,
                () -> converter.normalize(1, "furlongsperfortnight"));
        assertTrue(e.getMessage().startsWith("Unknown unit 'furlongsperfortnight'; use an SI symbol"), e.getMessage());
    }

    @Test
    void aMalformedExpressionIsAnUnknownUnit() {
        assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "m/"));
        assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "m)"));
        assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "protein"));
        assertThrows(UnknownUnitException.class, () -> converter.normalize(1, "mm x"));
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertEquals(0, IndriyaUnitConverter.editDistance("keV", "keV"));
        assertEquals(1, IndriyaUnitConverter.editDistance("mbr", "mbar"));
        assertEquals(3, IndriyaUnitConverter.editDistance("degK", "K"));
    }
}
