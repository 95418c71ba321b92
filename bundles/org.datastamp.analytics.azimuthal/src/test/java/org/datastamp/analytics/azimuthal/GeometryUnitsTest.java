package org.datastamp.analytics.azimuthal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.datastamp.analytics.api.ProcessingException;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.junit.jupiter.api.Test;

/** Geometry values in the units files and people use, converted through the platform's unit converter. */
class GeometryUnitsTest {

    private final Quantities units = quantities();

    private static Quantities quantities() {
        try {
            return new Quantities(new IndriyaUnitConverter());
        } catch (ProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static Quantities.Value v(double value, String unit) {
        return new Quantities.Value(value, unit, "test value");
    }

    @Test
    void lengthsConvertToMetres() throws Exception {
        assertEquals(1.5, units.length(v(1500, "mm")), 1e-12);
        assertEquals(1.5, units.length(v(1.5, "m")), 1e-12);
        assertEquals(172e-6, units.length(v(172, "um")), 1e-18);
        assertEquals(172e-6, units.length(v(172, "µm")), 1e-18);
        assertEquals(0.75, units.length(v(75, "cm")), 1e-12);
    }

    @Test
    void wavelengthsComeFromLengthsOrPhotonEnergies() throws Exception {
        assertEquals(1e-10, units.wavelength(v(1, "Å")), 1e-22);
        assertEquals(1e-10, units.wavelength(v(1, "angstrom")), 1e-22);
        assertEquals(1e-10, units.wavelength(v(0.1, "nm")), 1e-22);
        assertEquals(1e-10, units.wavelength(v(1e-10, "m")), 1e-22);
        // lambda = hc / E: 12.3984 keV is 1 angstrom
        assertEquals(1e-10, units.wavelength(v(12.398419843320026, "keV")), 1e-19);
        assertEquals(1e-10, units.wavelength(v(12398.419843320026, "eV")), 1e-19);
    }

    @Test
    void beamCentreInPixelsOrAsALength() throws Exception {
        assertEquals(1024.5, units.pixels(v(1024.5, "pixel"), 75e-6), 1e-12);
        assertEquals(1024.5, units.pixels(v(1024.5, "pixels"), 75e-6), 1e-12);
        assertEquals(1024.5, units.pixels(v(1024.5, ""), 75e-6), 1e-12);
        assertEquals(1000, units.pixels(v(75, "mm"), 75e-6), 1e-9);
    }

    @Test
    void wrongOrUnknownUnitsAreExplained() {
        ProcessingException notALength = assertThrows(ProcessingException.class, () -> units.length(v(2, "K")));
        assertEquals("test value is 2.0 K, not a length (give it in m, mm, µm, nm or Å)", notALength.getMessage());
        ProcessingException unknown = assertThrows(ProcessingException.class, () -> units.length(v(2, "mmm")));
        assertTrue(unknown.getMessage().startsWith("test value: "), unknown.getMessage());
        ProcessingException none = assertThrows(ProcessingException.class, () -> units.length(v(2, "")));
        assertTrue(none.getMessage().contains("has no unit"), none.getMessage());
        ProcessingException time = assertThrows(ProcessingException.class, () -> units.wavelength(v(2, "s")));
        assertTrue(time.getMessage().contains("neither a wavelength"), time.getMessage());
    }

    @Test
    void parametersCarryAnOptionalUnit() throws Exception {
        Settings s = Settings.parse(Map.of("distance", "2.5 m", "wavelength", "1.0", "x_pixel_size", "75",
                "y_pixel_size", "7.5e-5 m", "beam_center_x", "12.5 mm"));
        assertEquals(2.5, units.length(s.override("distance").orElseThrow()), 1e-12);
        assertEquals(2.5, units.length(Settings.parse(Map.of("distance", "2500")).override("distance")
                .orElseThrow()), 1e-12, "a bare number is in the declared unit, mm");
        assertEquals(1e-10, units.wavelength(s.override("wavelength").orElseThrow()), 1e-22);
        assertEquals(75e-6, units.length(s.override("x_pixel_size").orElseThrow()), 1e-18);
        assertEquals(75e-6, units.length(s.override("y_pixel_size").orElseThrow()), 1e-18);
        assertEquals(12.5e-3 / 75e-6, units.pixels(s.override("beam_center_x").orElseThrow(), 75e-6), 1e-9);
        assertTrue(s.override("beam_center_y").isEmpty());
        assertEquals("Parameter 'distance' must be a number, optionally followed by a unit (e.g. '2.5 m'), got"
                + " 'far'", assertThrows(ProcessingException.class, () -> Settings.parse(Map.of("distance", "far")))
                        .getMessage());
    }

    @Test
    void frameSelections() throws Exception {
        assertArrayEquals(new int[] {0, 1, 2, 3}, Settings.parse(Map.of()).selectFrames(4));
        assertArrayEquals(new int[] {2}, Settings.parse(Map.of("frames", "2")).selectFrames(4));
        assertArrayEquals(new int[] {0, 2, 4, 6, 8}, Settings.parse(Map.of("frames", "::2")).selectFrames(10));
        assertArrayEquals(new int[] {1, 2, 7}, Settings.parse(Map.of("frames", "1:3, 7, 2")).selectFrames(10));
        assertArrayEquals(new int[] {8, 9}, Settings.parse(Map.of("frames", "8:100")).selectFrames(10));
        assertThrows(ProcessingException.class, () -> Settings.parse(Map.of("frames", "a:b")).selectFrames(10));
        assertThrows(ProcessingException.class, () -> Settings.parse(Map.of("frames", "20:30")).selectFrames(10));
    }

    @Test
    void lookupBinsEveryUnmaskedPixelAndSolidAngleFallsOffwards() {
        Geometry g = new Geometry(0.1, 1e-10, 10, 10, 1e-3, 1e-3);
        boolean[] mask = new boolean[400];
        mask[0] = true;
        QLookup lookup = QLookup.build(g, 20, 20, mask, 10, 1e-9, true, Double.NaN);
        double[] centres = lookup.centres();
        assertEquals(10, centres.length);
        assertEquals(lookup.binWidth(), centres[1] - centres[0], 1e-12);
        // pixels next to the beam centre at r = 0.5 pixel; the corner pixel (19, 19) at 9.5 * sqrt 2 pixels
        double k = 4 * Math.PI / 1e-10 * 1e-9;
        assertEquals(k * Math.sin(0.5 * Math.atan2(Math.hypot(0.5e-3, 0.5e-3), 0.1)), lookup.qMin(), 1e-5);
        assertEquals(k * Math.sin(0.5 * Math.atan2(Math.hypot(9.5e-3, 9.5e-3), 0.1)), lookup.qMax(), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> new Geometry(0, 1e-10, 0, 0, 1e-4, 1e-4));
    }

    @Test
    void theGeometryIsRecordedInUnitsTheCatalogueAccepts() throws Exception {
        IndriyaUnitConverter catalogue = new IndriyaUnitConverter();
        Geometry g = new Geometry(0.5, 1e-10, 128, 64, 75e-6, 172e-6);
        for (var entry : g.metadata()) {
            if (!entry.unit().isEmpty()) {
                catalogue.normalize(((Number) entry.value()).doubleValue(), entry.unit()); // throws on an unknown unit
            }
        }
        assertEquals(9.6, (double) g.metadata().stream().filter(e -> e.name().equals("beam_center_x")).findFirst()
                .orElseThrow().value(), 1e-9);
        // the q axis' unit, as the plugin records q_min and q_max
        catalogue.normalize(1.0, "1/nm");
        catalogue.normalize(1.0, "1/\u00C5");
    }
}
