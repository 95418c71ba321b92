package org.datastamp.acquisition.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.controls.api.VariableReading;
import org.datastamp.detector.api.Frame;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.datastamp.detector.simulated.SimulatedPattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

class NexusWriterTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private static FrameStack frames(FrameGeometry g, int n) throws IOException {
        FrameStack stack = new FrameStack(g, n);
        for (int i = 0; i < n; i++) {
            stack.add(new Frame(i, g, SimulatedPattern.render(i, g), T0));
        }
        return stack;
    }

    private static NexusScan scan(FrameStack frames, List<VariableReading> controls) {
        return new NexusScan(new ScanId("scan-000042"), "t", "s", "SimBeamline", T0, T0.plusSeconds(1),
                "simulated-detector", "Simulated detector", frames, 0, controls, List.of());
    }

    @ParameterizedTest
    @EnumSource(PixelType.class)
    void everyPixelTypeIsWrittenWithItsSignednessAndReadsBackExactly(PixelType type) throws Exception {
        FrameGeometry g = new FrameGeometry(9, 7, type);
        Path file = dir.resolve(type + ".nxs");

        new NexusWriter(type == PixelType.UINT32 ? 3 : 0).write(file, scan(frames(g, 3), List.of()));

        try (HdfFile hdf = new HdfFile(file)) {
            Dataset data = hdf.getDatasetByPath("/entry/data/data");
            assertEquals(List.of(3, 7, 9), List.of(data.getDimensions()[0], data.getDimensions()[1],
                    data.getDimensions()[2]));
            Object values = data.getData();
            for (int f = 0; f < 3; f++) {
                for (int y = 0; y < 7; y++) {
                    for (int x = 0; x < 9; x++) {
                        Object row = Array.get(Array.get(values, f), y);
                        double read = ((Number) Array.get(row, x)).doubleValue();
                        assertEquals(SimulatedPattern.value(f, x, y, g), read, type + " f" + f + " y" + y + " x" + x);
                    }
                }
            }
            // jhdf widens unsigned types when reading, so the Java type proves the file says "unsigned".
            Class<?> expected = switch (type) {
                case UINT8 -> int.class;
                case UINT16 -> int.class;
                case UINT32 -> long.class;
                case INT32 -> int.class;
                case FLOAT32 -> float.class;
            };
            assertEquals(expected, data.getJavaType());
        }
    }

    @Test
    void aControlVariableOfferedTwiceIsKeptTwice() throws Exception {
        ControlVariable a = new ControlVariable("", "ring_current", "sim/ring/dcct-01", "Current", "mA", null, null, 1);
        ControlVariable b = new ControlVariable("", "ring_current", "other/ring/dcct-02", "Current", "mA", null, null, 1);
        Path file = dir.resolve("twice.nxs");
        FrameGeometry g = new FrameGeometry(2, 2, PixelType.UINT16);

        new NexusWriter(0).write(file, scan(frames(g, 1), List.of(new VariableReading(a, 401.0, T0),
                new VariableReading(b, 399.5, T0))));

        try (HdfFile hdf = new HdfFile(file)) {
            assertEquals(401.0, hdf.getDatasetByPath("/entry/instrument/control_variables/ring_current").getData());
            Dataset second = hdf.getDatasetByPath("/entry/instrument/control_variables/ring_current_2");
            assertEquals(399.5, second.getData());
            assertEquals("other/ring/dcct-02", second.getAttribute("device").getData());
            assertEquals("mA", second.getAttribute("units").getData());
        }
    }

    @Test
    void metadataReadAtTheEndIsWrittenWithItsUnits() throws Exception {
        Path file = dir.resolve("end.nxs");
        FrameGeometry g = new FrameGeometry(2, 2, PixelType.UINT16);
        NexusScan scan = new NexusScan(new ScanId("scan-000043"), "t", "s", "SimBeamline", T0, T0.plusSeconds(1),
                "simulated-detector", "Simulated detector", frames(g, 1), 2, List.of(),
                List.of(new org.datastamp.catalog.api.MetadataEntry("temperature", 296.5, "K")));

        new NexusWriter(0).write(file, scan);

        try (HdfFile hdf = new HdfFile(file)) {
            Dataset t = hdf.getDatasetByPath("/entry/instrument/control_variables_end/temperature");
            assertEquals(296.5, t.getData());
            assertEquals("K", t.getAttribute("units").getData());
            assertEquals(2L, hdf.getDatasetByPath("/entry/instrument/detector/frames_dropped").getData());
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("taken.nxs");
        Files.writeString(file, "earlier data");
        FrameGeometry g = new FrameGeometry(2, 2, PixelType.UINT16);

        IOException e = assertThrows(IOException.class, () -> new NexusWriter(0).write(file, scan(frames(g, 1),
                List.of())));

        assertTrue(e.getMessage().startsWith("Refusing to overwrite " + file), e.getMessage());
        assertEquals("earlier data", Files.readString(file));
    }
}
