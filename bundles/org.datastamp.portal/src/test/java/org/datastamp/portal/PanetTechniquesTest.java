package org.datastamp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PanetTechniquesTest {

    private final PanetTechniques panet = PanetTechniques.standard();

    private String id(PanetTechniques techniques, String name) {
        return techniques.of(name).map(PanetTechniques.Technique::id).orElse("none");
    }

    @Test
    void labelsAndAlternativeLabelsMatchWithoutRegardToCase() {
        assertEquals("PaNET01188", id(panet, "small angle x-ray scattering"));
        assertEquals("PaNET01188", id(panet, "SAXS"));
        assertEquals("PaNET01188", id(panet, " saxs "));
        assertEquals("PaNET01164", id(panet, "MX"));
        assertEquals("PaNET01164", id(panet, "Protein Crystallography"));
        assertEquals("PaNET01227", id(panet, "x-ray absorption"));
        assertEquals("small angle x-ray scattering", panet.of("SAXS").orElseThrow().label());
        assertEquals("http://purl.org/pan-science/PaNET/PaNET01188", panet.of("SAXS").orElseThrow().iri());
    }

    @Test
    void aLabelWinsOverAnotherClasssAlternativeLabel() {
        // PaNET01163 (high pressure single crystal diffraction) has the alternative label 'Diffraction'
        assertEquals("PaNET01022", id(panet, "diffraction"));
    }

    @Test
    void unknownNamesAndIdsMapToNothing() {
        assertTrue(panet.of("beamline magic").isEmpty());
        assertTrue(panet.of("").isEmpty());
        assertTrue(panet.byId("PaNET99999").isEmpty());
        assertTrue(panet.byId("probe").isEmpty());
        assertTrue(panet.byId("PaNET2011000").isEmpty(), "specifier classes are not techniques");
        assertEquals("PaNET01188", panet.byId("http://purl.org/pan-science/PaNET/PaNET01188").orElseThrow().id());
        assertEquals("PaNET01188", panet.byId("PaNET01188").orElseThrow().id());
    }

    @Test
    void facilityOverridesComeFirstAndAreFoundBackFromTheClass() {
        PanetTechniques facility = PanetTechniques.standard(" SAXS = PaNET01241, beamline magic=PaNET01188,"
                + "XAS-K=http://purl.org/pan-science/PaNET/PaNET01196");

        assertEquals("PaNET01241", id(facility, "saxs"), "override beats the alternative label");
        assertEquals("PaNET01188", id(facility, "Beamline Magic"));
        assertEquals("PaNET01196", id(facility, "XAS-K"));
        assertEquals(List.of("beamline magic", "small angle x-ray scattering"),
                facility.names(facility.byId("PaNET01188").orElseThrow()));
        assertTrue(panet.names(panet.byId("PaNET01188").orElseThrow()).contains("saxs"));
    }

    @Test
    void badOverridesFailWithAMessageNamingThem() {
        Map<String, String> bad = Map.of(
                "SAXS=PaNET99999", "'PaNET99999' (for 'SAXS') is not a PaNET technique id",
                "SAXS", "'SAXS' is not name=PaNET id",
                "SAXS=PaNET01188,=PaNET01188", "'=PaNET01188' is not name=PaNET id",
                "MX=PaNET2011000", "'PaNET2011000' (for 'MX') is not a PaNET technique id");
        bad.forEach((mapping, message) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PanetTechniques.standard(mapping), mapping);
            assertTrue(e.getMessage().startsWith("techniqueMapping: ") && e.getMessage().contains(message),
                    e.getMessage());
        });
    }

    @Test
    void aTechniquePanetLacksKeepsTheFallbackPidAndItsName() {
        PanoscModel model = new PanoscModel("MAX IV", Map.of(), panet);

        assertEquals("technique:beamline magic", model.technique("beamline magic").get("pid").asText());
        assertEquals("beamline magic", model.technique("beamline magic").get("name").asText());
        assertEquals("http://purl.org/pan-science/PaNET/PaNET01188", model.technique("SAXS").get("pid").asText());
    }
}
