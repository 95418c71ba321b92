package org.datastamp.metadata.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.datastamp.metadata.api.SchemaViolation;
import org.junit.jupiter.api.Test;

class NexusSchemaTest {

    private static final IndriyaUnitConverter UNITS = new IndriyaUnitConverter();
    private final NxsasSchema nxsas = new NxsasSchema(UNITS);
    private final NxmxSchema nxmx = new NxmxSchema(UNITS);

    private static List<MetadataEntry> saxs() {
        return new ArrayList<>(List.of(new MetadataEntry("wavelength", 1.54, "Å"),
                new MetadataEntry("sample_detector_distance", 3500.0, "mm"),
                new MetadataEntry("beam_center_x", 40.5, "mm"), new MetadataEntry("beam_center_y", 41.2, "mm"),
                new MetadataEntry("x_pixel_size", 75, "um"), new MetadataEntry("y_pixel_size", 75, "um"),
                new MetadataEntry("sample_temperature", 293.0, "K")));
    }

    private static List<SchemaViolation> without(NexusSchema schema, List<MetadataEntry> entries, String name) {
        entries.removeIf(e -> e.name().equals(name));
        return schema.validate(entries);
    }

    @Test
    void completeSaxsMetadataSatisfiesNxsas() {
        assertEquals(List.of(), nxsas.validate(saxs()));
        assertEquals("NXsas", nxsas.definition());
    }

    @Test
    void theBeamEnergyStandsInForTheWavelength() {
        List<MetadataEntry> entries = saxs();
        entries.removeIf(e -> e.name().equals("wavelength"));
        entries.add(new MetadataEntry("beam_energy", 12.4, "keV"));

        assertEquals(List.of(), nxsas.validate(entries));
    }

    @Test
    void aMissingQuantityIsAViolationNamingItsDimension() {
        assertEquals(List.of(new SchemaViolation("NXsas", "beam_center_y",
                "NXsas needs 'beam_center_y' (a length), which was not recorded")),
                without(nxsas, saxs(), "beam_center_y"));
        assertEquals(List.of(new SchemaViolation("NXsas", "wavelength",
                "NXsas needs 'wavelength' (a length) or 'beam_energy' (an energy), which was not recorded")),
                without(nxsas, saxs(), "wavelength"));
    }

    @Test
    void aValueWithAnIncompatibleUnitIsAViolation() {
        List<MetadataEntry> entries = saxs();
        entries.replaceAll(e -> e.name().equals("sample_detector_distance")
                ? new MetadataEntry(e.name(), 3.5, "keV") : e);

        List<SchemaViolation> violations = nxsas.validate(entries);

        assertEquals(1, violations.size(), violations.toString());
        assertEquals("sample_detector_distance", violations.get(0).field());
        assertEquals("'sample_detector_distance' must be a length (e.g. in m), but its unit 'keV' is of another"
                + " dimension", violations.get(0).reason());
    }

    @Test
    void aMissingUnitAnUnknownUnitAndAStringAreViolations() {
        List<MetadataEntry> entries = saxs();
        entries.replaceAll(e -> switch (e.name()) {
            case "x_pixel_size" -> new MetadataEntry(e.name(), 75, "");
            case "y_pixel_size" -> new MetadataEntry(e.name(), 75, "furlongz");
            case "beam_center_x" -> new MetadataEntry(e.name(), "centre", "mm");
            default -> e;
        });

        List<SchemaViolation> violations = nxsas.validate(entries);

        assertEquals(List.of("beam_center_x", "x_pixel_size", "y_pixel_size"),
                violations.stream().map(SchemaViolation::field).toList());
        assertTrue(violations.get(0).reason().contains("must be a number"), violations.toString());
        assertTrue(violations.get(1).reason().endsWith("its unit '' is missing"), violations.toString());
        assertTrue(violations.get(2).reason().contains("furlongz"), violations.toString());
    }

    @Test
    void nxmxNeedsTheSensorThicknessAndAcceptsAStill() {
        List<MetadataEntry> still = saxs();
        still.add(new MetadataEntry("sensor_thickness", 0.45, "mm"));

        assertEquals(List.of(), nxmx.validate(still));
        assertEquals(List.of("sensor_thickness"), without(nxmx, saxs(), "sensor_thickness").stream()
                .map(SchemaViolation::field).toList());
    }

    @Test
    void nxmxRotationNeedsStartAndIncrementAsAngles() {
        List<MetadataEntry> rotation = saxs();
        rotation.add(new MetadataEntry("sensor_thickness", 450, "um"));
        rotation.add(new MetadataEntry("omega_start", 0.0, "deg"));
        rotation.add(new MetadataEntry("omega_increment", 0.1, "deg"));
        assertEquals(List.of(), nxmx.validate(rotation));

        rotation.removeIf(e -> e.name().equals("omega_increment"));
        assertEquals(List.of(new SchemaViolation("NXmx", "omega_increment", "'omega_start' (an angle) recorded"
                + " without 'omega_increment' (an angle); NXmx needs them together")), nxmx.validate(rotation));

        rotation.add(new MetadataEntry("omega_increment", 0.1, "mm"));
        assertEquals(List.of("omega_increment"), nxmx.validate(rotation).stream().map(SchemaViolation::field)
                .toList());
    }
}
