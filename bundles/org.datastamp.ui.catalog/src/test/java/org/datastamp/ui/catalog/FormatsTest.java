package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    static Dataset dataset(String id, String title) {
        NewDataset content = new NewDataset(title, DatasetType.RAW, "SimBeamline", "lysozyme", "hot/" + id, T0,
                T0.plusSeconds(5), List.of(new Datafile("scan.nxs", 1536, "SHA-256", "ab12", T0.plusSeconds(5))),
                List.of(new MetadataEntry("sample_temperature", 293.5, "K"),
                        new MetadataEntry("energies", List.of(1, 2.5), "keV")));
        return new Dataset(new DatasetId(id), T0.plusSeconds(6), content);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1536, 1.5 KiB", "1073741824, 1.0 GiB",
        "9223372036854775807, 8192.0 PiB"})
    void sizesUseBinaryUnits(long bytes, String expected) {
        assertEquals(expected, Formats.size(bytes));
    }

    @Test
    void timesAreUtc() {
        assertEquals("2026-01-31 12:00:06 UTC", Formats.time(T0.plusSeconds(6)));
    }

    @Test
    void detailPropertiesDescribeTheDataset() {
        List<String[]> rows = Formats.properties(dataset("ds-1", "Test"));

        assertArrayEquals(new String[] {"Id", "ds-1"}, rows.get(0));
        assertArrayEquals(new String[] {"Sample", "lysozyme"}, rows.get(4));
        assertArrayEquals(new String[] {"Size", "1.5 KiB in 1 file(s)"}, rows.get(9));
    }

    @Test
    void metadataAndFileRows() {
        Dataset dataset = dataset("ds-1", "Test");

        assertArrayEquals(new String[] {"sample_temperature", "293.5", "K"},
                Formats.metadata(dataset.content().metadata().get(0)));
        assertArrayEquals(new String[] {"energies", "[1, 2.5]", "keV"},
                Formats.metadata(dataset.content().metadata().get(1)));
        assertArrayEquals(new String[] {"scan.nxs", "1.5 KiB", "SHA-256:ab12"},
                Formats.file(dataset.content().files().get(0)));
    }

    @Test
    void scanLineShowsProgressThenDatasetOrError() {
        ScanRequest request = new ScanRequest("simulated-detector", 10, "T", "");
        ScanStatus running = new ScanStatus(new ScanId("scan-000003"), request, ScanState.RUNNING, 4,
                Optional.empty(), Optional.empty());
        ScanStatus done = new ScanStatus(new ScanId("scan-000003"), request, ScanState.COMPLETED, 10,
                Optional.of(new DatasetId("ds-7")), Optional.empty());
        ScanStatus failed = new ScanStatus(new ScanId("scan-000003"), request, ScanState.FAILED, 2,
                Optional.empty(), Optional.of("detector left"));

        assertEquals("scan-000003 RUNNING: 4 of 10 frames", Formats.scan(running));
        assertEquals("scan-000003 COMPLETED: 10 of 10 frames, dataset ds-7", Formats.scan(done));
        assertEquals("scan-000003 FAILED: 2 of 10 frames, failed: detector left", Formats.scan(failed));
        assertFalse(Formats.finished(running));
        assertTrue(Formats.finished(done));
        assertTrue(Formats.finished(failed));
    }

    @Test
    void frameCountAcceptsWholeNumbersInRange() {
        assertEquals(25, Formats.frameCount(" 25 ", 100));
        assertEquals(100, Formats.frameCount("100", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "101", "-5", "ten", "2.5"})
    void frameCountRefusesOtherInputWithTheRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formats.frameCount(text, 100));
        assertEquals("Frames must be a whole number from 1 to 100, not '" + text + "'", e.getMessage());
    }
}
