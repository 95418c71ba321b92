package org.datastamp.karaf.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.datastamp.core.api.CapabilityInfo;
import org.datastamp.core.api.CapabilityKind;
import org.datastamp.core.api.CapabilityState;
import org.junit.jupiter.api.Test;

class CapabilityTableTest {

    private static final CapabilityInfo DETECTOR = new CapabilityInfo(CapabilityKind.DETECTOR, "simulated-detector",
            "Simulated detector", "org.datastamp.detector.simulated", "0.1.0.202601010000", CapabilityState.ACTIVE);
    private static final CapabilityInfo STORAGE = new CapabilityInfo(CapabilityKind.STORAGE, "hot-disk",
            "Hot disk", "org.datastamp.storage.disk", "0.1.0.202601010000", CapabilityState.STOPPING);

    private static List<String> printed(List<CapabilityInfo> capabilities, boolean format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CapabilityTable.of(capabilities).print(new PrintStream(bytes, true, StandardCharsets.UTF_8), format);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void listsOneRowPerCapabilityWithEveryColumnUnderItsHeader() {
        List<String> lines = printed(List.of(DETECTOR, STORAGE), true);

        assertEquals(List.of("Kind", "Id", "Name", "Bundle", "Version", "State"), cells(lines.get(0)));
        assertEquals(List.of("DETECTOR", "simulated-detector", "Simulated detector", "org.datastamp.detector.simulated",
                "0.1.0.202601010000", "ACTIVE"), cells(lines.get(2)));
        assertEquals(List.of("STORAGE", "hot-disk", "Hot disk", "org.datastamp.storage.disk", "0.1.0.202601010000",
                "STOPPING"), cells(lines.get(3)));
        assertEquals(4, lines.size(), "header, rule and two rows");
        assertEquals(lines.get(0).indexOf("Id"), lines.get(2).indexOf("simulated-detector"), "columns line up");
    }

    @Test
    void plainOutputForScriptsHasNoHeaderRule() {
        List<String> lines = printed(List.of(DETECTOR), false);

        assertTrue(lines.stream().noneMatch(l -> l.contains("---")), String.join("\n", lines));
        assertTrue(lines.get(lines.size() - 1).startsWith("DETECTOR"), String.join("\n", lines));
    }

    @Test
    void saysSoWhenNothingIsRegistered() {
        assertTrue(String.join("\n", printed(List.of(), true)).contains("No capabilities registered"));
    }

    @Test
    void kindFilterAcceptsAnyCaseAndDashesAndNamesTheChoicesWhenWrong() {
        assertEquals(CapabilityKind.CONTROL_SYSTEM, CapabilitiesCommand.parseKind("control-system"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CapabilitiesCommand.parseKind("camera"));
        assertTrue(e.getMessage().contains("'camera'") && e.getMessage().contains("DETECTOR"), e.getMessage());
    }

    /** The cells of a formatted row: Karaf separates columns with " | ". */
    private static List<String> cells(String line) {
        return List.of(line.split("\\|")).stream().map(String::trim).toList();
    }
}
