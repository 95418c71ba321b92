package org.datastamp.acquisition.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datastamp.core.hdf5.LibraryLocator;
import org.datastamp.acquisition.api.ScanFile;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.detector.api.FrameEncoding;
import org.datastamp.detector.api.FrameGeometry;
import org.datastamp.detector.api.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master file is NeXus (NXmx when asked), carries the metadata with units, and refuses bad use clearly. */
class NexusLayoutTest {

    static final FrameGeometry G = new FrameGeometry(32, 16, PixelType.UINT16);

    static final String READ = String.join("\n",
            "import sys",
            "f = h5py.File(sys.argv[1], 'r')",
            "s = lambda v: v.decode() if isinstance(v, bytes) else str(v)",
            "for p in ['/entry', '/entry/instrument', '/entry/instrument/detector', '/entry/instrument/beam',",
            "          '/entry/sample', '/entry/data', '/entry/scan_metadata', '/entry/scan_metadata/start',",
            "          '/entry/scan_metadata/end']:",
            "    print('NX_class:' + p + '=' + s(f[p].attrs['NX_class']))",
            "print('default=' + s(f.attrs['default']) + '/' + s(f['/entry'].attrs['default']))",
            "print('signal=' + s(f['/entry/data'].attrs['signal']))",
            "for p in ['title', 'start_time', 'end_time', 'definition', 'instrument/name', 'sample/name',",
            "          'instrument/detector/description', 'instrument/detector/sensor_material']:",
            "    print(p + '=' + s(f['/entry/' + p][()]))",
            "for p in ['instrument/detector/x_pixels_in_detector', 'instrument/detector/y_pixels_in_detector']:",
            "    print(p + '=' + str(f['/entry/' + p][()]))",
            "for p in ['instrument/detector/distance', 'instrument/detector/beam_center_x',",
            "          'instrument/beam/incident_wavelength', 'scan_metadata/start/sample_temperature',",
            "          'scan_metadata/end/sample_temperature', 'scan_metadata/start/ring_current']:",
            "    d = f['/entry/' + p]",
            "    print(p + '=' + str(round(float(d[()]), 4)) + ' ' + s(d.attrs.get('units', '')))",
            "print('shutter=' + s(f['/entry/scan_metadata/start/shutter_open'][()]))",
            "print('comment=' + s(f['/entry/scan_metadata/start/comment'][()]))",
            "print('list=' + ','.join(str(v) for v in f['/entry/scan_metadata/start/slits'][()]))",
            "print('frames_dtype=' + f['/entry/instrument/detector/data'].dtype.str)",
            "print('frames=' + str(f['/entry/instrument/detector/data'].shape[0]))",
            "print('status=' + s(f['/entry'].attrs['datastamp_status']) + ' ' + str(f['/entry'].attrs['datastamp_frames']))",
            "l = f['/entry/data'].get('data', getlink=True)",
            "print('link=' + type(l).__name__ + ' ' + l.filename + ':' + l.path)");

    static final List<MetadataEntry> START = List.of(new MetadataEntry("sample_temperature", 100.2, "K"),
            new MetadataEntry("detector_distance", 250.0, "mm"), new MetadataEntry("beam_center_x", 1030.5, "pixel"),
            new MetadataEntry("beam_energy", 12.4, "keV"), new MetadataEntry("ring_current", 398, "mA"),
            new MetadataEntry("sensor_material", "Si", ""), new MetadataEntry("shutter_open", true, ""),
            new MetadataEntry("comment", "first crystal", ""), new MetadataEntry("slits", List.of(0.1, 0.2), "mm"));

    @TempDir
    Path dir;

    @Test
    void mxMasterFileIsNexusWithMetadataAndUnits() throws Exception {
        try (ScanFile scan = TestFrames.writer("none")
                .create(TestFrames.layout(dir, "mx1", G, FrameEncoding.RAW, 10, "NXmx", START))) {
            for (int i = 0; i < 3; i++) {
                scan.append(TestFrames.frame(i, G, FrameEncoding.RAW, TestFrames.raw(i, G)));
            }
            scan.finish(TestFrames.T0.plusSeconds(30), List.of(new MetadataEntry("sample_temperature", 100.9, "K")));
            assertEquals(List.of(dir.resolve("mx1.nxs"), dir.resolve("mx1_data_000001.h5")), scan.files());
        }
        Map<String, String> r = Hdf5Tools.python(READ, dir.resolve("mx1.nxs").toString());
        assertEquals("NXentry", r.get("NX_class:/entry"));
        assertEquals("NXinstrument", r.get("NX_class:/entry/instrument"));
        assertEquals("NXdetector", r.get("NX_class:/entry/instrument/detector"));
        assertEquals("NXbeam", r.get("NX_class:/entry/instrument/beam"));
        assertEquals("NXsample", r.get("NX_class:/entry/sample"));
        assertEquals("NXdata", r.get("NX_class:/entry/data"));
        assertEquals("NXcollection", r.get("NX_class:/entry/scan_metadata/start"));
        assertEquals("entry/data", r.get("default"));
        assertEquals("data", r.get("signal"));
        assertEquals("Lysozyme test", r.get("title"));
        assertEquals("2026-03-01T10:00:00Z", r.get("start_time"));
        assertEquals("2026-03-01T10:00:30Z", r.get("end_time"));
        assertEquals("NXmx", r.get("definition"));
        assertEquals("BioMAX", r.get("instrument/name"));
        assertEquals("lysozyme-01", r.get("sample/name"));
        assertEquals("Simulated EIGER2 16M", r.get("instrument/detector/description"));
        assertEquals("Si", r.get("instrument/detector/sensor_material"));
        assertEquals("32", r.get("instrument/detector/x_pixels_in_detector"));
        assertEquals("16", r.get("instrument/detector/y_pixels_in_detector"));
        assertEquals("250.0 mm", r.get("instrument/detector/distance"));
        assertEquals("1030.5 pixel", r.get("instrument/detector/beam_center_x"));
        assertEquals("0.9999 angstrom", r.get("instrument/beam/incident_wavelength"));
        assertEquals("100.2 K", r.get("scan_metadata/start/sample_temperature"));
        assertEquals("100.9 K", r.get("scan_metadata/end/sample_temperature"));
        assertEquals("398.0 mA", r.get("scan_metadata/start/ring_current"));
        assertEquals("1", r.get("shutter"));
        assertEquals("first crystal", r.get("comment"));
        assertEquals("0.1,0.2", r.get("list"));
        assertEquals("<u2", r.get("frames_dtype"), "NXdetector/data links to the frames");
        assertEquals("3", r.get("frames"));
        assertEquals("complete 3", r.get("status"));
        assertEquals("ExternalLink mx1_data_000001.h5:/entry/data/data", r.get("link"));
    }

    @Test
    void closingUnfinishedKeepsTheFramesAndMarksTheEntryIncomplete() throws Exception {
        ScanFile scan = TestFrames.writer("none")
                .create(TestFrames.layout(dir, "failed", G, FrameEncoding.RAW, 2, "", List.of()));
        for (int i = 0; i < 3; i++) {
            scan.append(TestFrames.frame(i, G, FrameEncoding.RAW, TestFrames.raw(i, G)));
        }
        scan.close();
        Map<String, String> r = Hdf5Tools.python(String.join("\n", "import sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "print('status=' + f['/entry'].attrs['datastamp_status'].decode() + ' ' + str(f['/entry'].attrs['datastamp_frames']))",
                "print('frames=' + str(f['/entry/data/data'].shape[0]))",
                "print('end_time=' + str('end_time' in f['/entry']))",
                "print('definition=' + str('definition' in f['/entry']))"), dir.resolve("failed.nxs").toString());
        assertEquals("incomplete 3", r.get("status"));
        assertEquals("3", r.get("frames"));
        assertEquals("False", r.get("end_time"));
        assertEquals("False", r.get("definition"), "the generic layout claims no application definition");
        assertFalse(Files.exists(dir.resolve("failed.nxs.writing")), "nothing left to recover");
        assertTrue(TestFrames.writer("none").recover(dir.resolve("failed.nxs")).isEmpty());
    }

    @Test
    void framesOutOfOrderAreRefused() throws Exception {
        try (ScanFile scan = TestFrames.writer("none")
                .create(TestFrames.layout(dir, "order", G, FrameEncoding.RAW, 10, "", List.of()))) {
            scan.append(TestFrames.frame(0, G, FrameEncoding.RAW, TestFrames.raw(0, G)));
            IOException e = assertThrows(IOException.class,
                    () -> scan.append(TestFrames.frame(2, G, FrameEncoding.RAW, TestFrames.raw(2, G))));
            assertEquals("Scan order expects frame 1 next but got frame 2; frames are appended in index order without"
                    + " gaps", e.getMessage());
            IOException other = assertThrows(IOException.class, () -> scan.append(TestFrames.frame(1, G,
                    FrameEncoding.LZ4, TestFrames.lz4Chunk(TestFrames.raw(1, G)))));
            assertTrue(other.getMessage().contains("frame 1 is LZ4") && other.getMessage().contains("created for RAW"),
                    other.getMessage());
            assertEquals(1, scan.flush());
        }
    }

    @Test
    void anExistingScanIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("taken.nxs"), "precious");
        IOException e = assertThrows(IOException.class, () -> TestFrames.writer("none")
                .create(TestFrames.layout(dir, "taken", G, FrameEncoding.RAW, 10, "", List.of())));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(dir.resolve("taken.nxs")));
    }

    @Test
    void aMissingLibraryIsNamedInTheError() {
        IOException e = assertThrows(IOException.class,
                () -> LibraryLocator.library("/opt/nowhere/libhdf5.so", null));
        assertEquals("libhdf5 not found at /opt/nowhere/libhdf5.so (from configured libraryPath)", e.getMessage());
        IOException env = assertThrows(IOException.class, () -> LibraryLocator.library("", "/opt/env/libhdf5.so"));
        assertTrue(env.getMessage().contains("DATASTAMP_HDF5_LIB"), env.getMessage());
    }

    @Test
    void hdf5ErrorsCarryTheLibrarysErrorStack() throws Exception {
        Path notHdf5 = Files.writeString(dir.resolve("x.nxs"), "not HDF5");
        Files.writeString(dir.resolve("x.nxs.writing"), "scanId=x\nwidth=2\nheight=2\npixelType=UINT8\n"
                + "framesPerDataFile=1\ndataFiles=\nframesFlushed=0\n");
        IOException e = assertThrows(IOException.class, () -> TestFrames.writer("none").recover(notHdf5));
        assertTrue(e.getMessage().startsWith("HDF5 could not open " + notHdf5 + ": H5Fopen: unable to open file"),
                e.getMessage());
    }

    @Test
    void unknownCompressionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RawCompression.parse("zstd"));
        assertEquals("Unknown compression for raw frames 'zstd'; use none, deflate, deflate:<1-9>, bslz4 or lz4",
                e.getMessage());
    }
}
