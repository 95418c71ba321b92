package org.datastamp.ui.analytics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.JobRequest;
import org.datastamp.analytics.api.JobState;
import org.datastamp.analytics.api.ParameterKind;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.catalog.api.DatasetId;
import org.junit.jupiter.api.Test;

class JobFormTest {

    private static final PluginDescription PLUGIN = new PluginDescription("azimuthal-integration", "1.0.0",
            "Azimuthal integration", "", List.of(new ParameterSpec("mask", "mask file", ParameterKind.TEXT, "", "",
                    true, List.of()), ParameterSpec.optional("bins", "q bins", ParameterKind.INTEGER, "", "1000"),
                    ParameterSpec.optional("distance", "detector distance", ParameterKind.NUMBER, "mm", "")));

    @Test
    void theFormSendsTheInputsAndOnlyTheValuesChangedFromTheirDefaults() {
        JobRequest request = JobForm.request(PLUGIN, Map.of("mask", " mask.h5 ", "bins", "1000", "distance", "1500"),
                "ds-1, ds-2\nds-3", " I(q) ");

        assertEquals(new JobRequest("azimuthal-integration", List.of(new DatasetId("ds-1"), new DatasetId("ds-2"),
                new DatasetId("ds-3")), Map.of("mask", "mask.h5", "distance", "1500"), "I(q)"), request);
    }

    @Test
    void noInputOrAnImpossibleIdIsRefusedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobForm.request(PLUGIN, Map.of(), " ", ""))
                .getMessage().contains("at least one input"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobForm.request(PLUGIN, Map.of(), "../x", ""))
                .getMessage().contains("Invalid dataset id"));
    }

    @Test
    void labelsShowUnitAndWhetherRequired() {
        assertEquals("mask *", JobForm.label(PLUGIN.parameters().get(0)));
        assertEquals("distance (mm)", JobForm.label(PLUGIN.parameters().get(2)));
    }

    @Test
    void aJobAsTableCells() {
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        AnalysisJob job = new AnalysisJob("job-1", new JobRequest("azimuthal-integration", List.of(new DatasetId(
                "ds-1")), Map.of(), ""), "1.0.0", "pia", JobState.RUNNING, 0.426, "Frame 43 of 100", t,
                Optional.of(t), Optional.empty(), Optional.empty());

        assertArrayEquals(new String[] {"job-1", "azimuthal-integration 1.0.0", "RUNNING", "43 %", "Frame 43 of 100",
                "2026-11-25 12:00:00", ""}, JobForm.cells(job));
    }
}
