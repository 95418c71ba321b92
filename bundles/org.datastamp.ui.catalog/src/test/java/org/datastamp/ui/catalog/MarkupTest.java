package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityState;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesEveryCharacterXhtmlGivesMeaningTo() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", Markup.escape("a <b> & \"c\" 'd'"));
    }

    @Test
    void rowAnchorGivesAStableIdAndClass() {
        assertEquals("<span class=\"datastamp-dataset-row\" id=\"dataset-row-ds-1.a_b\">ds &amp; 1</span>",
                Markup.rowAnchor("datastamp-dataset-row", "dataset-row-ds-1.a_b", "ds & 1"));
    }

    @Test
    void rowAnchorReplacesCharactersAnIdCannotHold() {
        assertEquals("<span class=\"c\" id=\"capability-detector-my_detector__1_\">x</span>",
                Markup.rowAnchor("c", "capability-detector-my detector (1)", "x"));
    }

    @Test
    void datasetRowAnchorsItsIdAndEscapesTheTitle() {
        String[] row = DatasetsPanel.row(FormatsTest.hit("ds-1", "Fe <K-edge> & more"));

        assertEquals("<span class=\"datastamp-dataset-row\" id=\"dataset-row-ds-1\">ds-1</span>", row[0]);
        assertEquals("Fe &lt;K-edge&gt; &amp; more", row[1]);
        assertEquals("1.5 KiB", row[6]);
    }

    @Test
    void capabilityRowAnchorsKindAndId() {
        String[] row = CapabilitiesView.row(new CapabilityInfo(CapabilityKind.CONTROL_SYSTEM, "simulated-controls",
                "Simulated <beamline>", "org.datastamp.controls.simulated", "0.1.0.2026", CapabilityState.ACTIVE));

        assertEquals("<span class=\"datastamp-capability-row\" id=\"capability-control-system-simulated-controls\">"
                + "simulated-controls</span>", row[1]);
        assertEquals("Simulated &lt;beamline&gt;", row[2]);
    }
}
