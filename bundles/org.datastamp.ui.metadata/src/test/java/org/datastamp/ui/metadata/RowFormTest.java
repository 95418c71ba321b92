package org.datastamp.ui.metadata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import org.datastamp.catalog.api.Viewer;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.junit.jupiter.api.Test;

class RowFormTest {

    @Test
    void aFilledFormIsARowAndARowFillsTheForm() {
        RowForm form = new RowForm("beam", " wavelength ", "b311a/mono", "Wavelength", "nm", "0.05", "0,3", "1",
                true);

        ConfiguredVariable row = form.parse().row();

        assertEquals(new ConfiguredVariable(new ControlVariable("beam", "wavelength", "b311a/mono", "Wavelength",
                "nm", 0.05, 0.3, 1), true), row);
        assertArrayEquals(new String[] {"beam", "wavelength", "b311a/mono", "Wavelength", "nm", "0.05", "0.3", "1",
                "yes"}, RowForm.of(row).cells());
        assertEquals("300", RowForm.text(300.0));
    }

    @Test
    void everyBadFieldIsNamed() {
        RowForm.Result result = new RowForm("", "wavelength", "", "", "nm", "low", "", "first", false).parse();

        assertNull(result.row());
        assertEquals(List.of("Min: 'low' is not a number", "Order: 'first' is not a whole number",
                "Device: required", "Attribute: required"), result.problems());
    }

    @Test
    void crossedLimitsAndBadNamesAreRefusedWithTheRecordsMessage() {
        assertEquals(List.of("Variable wavelength: minimum 2.0 is above maximum 1.0"),
                new RowForm("", "wavelength", "d", "a", "nm", "2", "1", "", true).parse().problems());
        assertEquals(1, new RowForm("", "2theta", "d", "a", "deg", "", "", "", true).parse().problems().size());
    }

    @Test
    void onlyTheBeamlinesStaffCuratorsAndAdminsMayChangeIt() {
        assertEquals(true, EditRights.refusal(Viewer.anonymous(), "CoSAXS").orElseThrow().startsWith("Sign in"));
        assertEquals(true, EditRights.refusal(new Viewer("ann", Set.of("p1"), Set.of(), false), "CoSAXS")
                .isPresent());
        assertEquals(true, EditRights.refusal(new Viewer("sam", Set.of(), Set.of("BioMAX"), false), "CoSAXS")
                .isPresent());
        assertEquals(false, EditRights.refusal(new Viewer("sam", Set.of(), Set.of("CoSAXS"), false), "CoSAXS")
                .isPresent());
        assertEquals(false, EditRights.refusal(new Viewer("cur", Set.of(), Set.of(), true), "CoSAXS").isPresent());
    }
}
