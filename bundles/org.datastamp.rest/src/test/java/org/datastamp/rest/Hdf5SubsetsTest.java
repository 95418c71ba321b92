package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.visualization.api.BadDataRequestException;
import org.datastamp.visualization.api.DataSubsetWriter;
import org.datastamp.visualization.api.FileLocation;
import org.datastamp.visualization.api.NoSuchNodeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST side of partial HDF5 downloads; the HDF5 written (values, shape, attributes, read back with h5py) is
 * tested with libhdf5 in org.datastamp.visualization.hdf5 (SubsetWriteTest).
 */
class Hdf5SubsetsTest {

    private static final String PATH = "/api/v1/datasets";
    private static final byte[] WRITTEN = "\u0089HDF\r\n\u001a\n subset".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final List<String> writes = new ArrayList<>();
    private FileLocation location;
    private Hdf5Subsets subsets;

    /** Writes a marker file for /entry/data/data, refuses what the real writer refuses. */
    private final DataSubsetWriter writer = (source, datasetPath, slice, target) -> {
        writes.add(source.getFileName() + " " + datasetPath + " [" + slice + "]");
        if (!datasetPath.equals("/entry/data/data")) {
            throw new NoSuchNodeException("No object at " + datasetPath + " in " + source.getFileName());
        }
        if (slice.startsWith("9")) {
            throw new BadDataRequestException("Index 9 is out of bounds for dimension 0 of size 4");
        }
        try {
            Files.write(target, WRITTEN);
        } catch (java.io.IOException e) {
            throw new org.datastamp.visualization.api.VisualizationException(e.getMessage(), e);
        }
        return new long[] {10, 40, 50};
    };

    @BeforeEach
    void facility() throws Exception {
        Files.createDirectories(dir.resolve("hot"));
        Files.write(dir.resolve("hot/scan.nxs"), new byte[] {1});
        location = new FileLocation.Readable(dir.resolve("hot/scan.nxs"));
        catalog.datasets.add(dataset("ds-public", Fakes.T0));
        catalog.datasets.add(dataset("ds-private", Fakes.NEVER));
        subsets = new Hdf5Subsets(() -> catalog, () -> writer, () -> (dataset, path) -> location,
                new DownloadLog(dir.resolve("log")), dir.resolve("scratch"),
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    }

    private static Dataset dataset(String id, Instant publicFrom) {
        NewDataset content = new NewDataset("Scan " + id, DatasetType.RAW, "CoSAXS", "", "raw/" + id, Fakes.T0,
                Fakes.T0, List.of(new Datafile("scan.nxs", 1, "SHA-256", "ab".repeat(32), Fakes.T0)), List.of());
        return new Dataset(new DatasetId(id), Fakes.T0, content, Lifecycle.onHotDisk(),
                new DatasetAccess("20240123", "CoSAXS", publicFrom), "");
    }

    private DownloadsTest.Response get(String path, Map<String, String> query, Viewer viewer) throws Exception {
        ApiRequest request = Requests.get(PATH, path, query, viewer);
        assertTrue(Hdf5Subsets.handles(request) && Downloads.handles(request)
                && !DatasetFilesResource.handles(request), path);
        DownloadsTest.Response response = new DownloadsTest.Response();
        subsets.serve(request, false, response);
        return response;
    }

    @Test
    void aSliceOfAnHdf5DatasetIsSentAsANewFileAndTheScratchCopyDeleted() throws Exception {
        DownloadsTest.Response subset = get("/ds-public/files/scan.nxs/subset", Map.of("path", "/entry/data/data",
                "slice", "0:10,:,:"), Viewer.anonymous());

        assertEquals(200, subset.status);
        assertArrayEquals(WRITTEN, subset.body.toByteArray());
        assertEquals("application/x-hdf5", subset.headers.get("Content-Type"));
        assertEquals(Integer.toString(WRITTEN.length), subset.headers.get("Content-Length"));
        assertEquals("attachment; filename=\"scan_entry_data_data.h5\"", subset.headers.get("Content-Disposition"));
        assertEquals(List.of("scan.nxs /entry/data/data [0:10,:,:]"), writes);
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(0, left.count(), "the scratch copy is deleted once sent");
        }
        Downloads downloads = new Downloads(() -> catalog, new DatasetFiles(List::of), new DownloadLog(dir
                .resolve("log")), Downloads.defaultLevel(), Clock.systemUTC());
        DownloadsTest.Response usage = new DownloadsTest.Response();
        downloads.serve(Requests.get(PATH, "/ds-public/usage", Map.of(), Viewer.anonymous()), null, false, usage);
        JsonNode counted = new ObjectMapper().readTree(usage.body.toByteArray());
        assertEquals(1, counted.get("fileDownloads").asInt(), "a subset counts as a file download");
        assertEquals(WRITTEN.length, counted.get("bytesSent").asInt());
    }

    @Test
    void badSlicesAndMissingPathsAreBadRequestsAndUnknownNamesNotFound() throws Exception {
        String file = "/ds-public/files/scan.nxs/subset";
        ProblemException bad = assertProblem(400, "Index 9 is out of bounds", () -> get(file, Map.of("path",
                "/entry/data/data", "slice", "9,:,:"), Viewer.anonymous()));
        assertEquals("slice", new ObjectMapper().readTree(new JsonCodec().toString(bad.response().body()))
                .get("field").asText());
        assertProblem(400, "Name the HDF5 dataset to cut with path=", () -> get(file, Map.of(), Viewer.anonymous()));
        assertProblem(404, "No object at /entry/nothing", () -> get(file, Map.of("path", "/entry/nothing"),
                Viewer.anonymous()));
        assertProblem(404, "has no file 'other.nxs'", () -> get("/ds-public/files/other.nxs/subset",
                Map.of("path", "/entry/data/data"), Viewer.anonymous()));
        assertProblem(404, "No dataset ds-private", () -> get("/ds-private/files/scan.nxs/subset",
                Map.of("path", "/entry/data/data"), Viewer.anonymous()));
        assertEquals(200, get("/ds-private/files/scan.nxs/subset", Map.of("path", "/entry/data/data"),
                Fakes.member("ann", "20240123")).status);
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(0, left.count(), "refused subsets leave nothing behind");
        }
    }

    @Test
    void anArchivedFileAnswers503WithTheRecallStatus() throws Exception {
        location = new FileLocation.Recalling("tape", new RecallStatus(new RecallTicket("t-7"), RecallState.QUEUED, 0,
                1, null, "waiting for a drive"));

        ProblemException recalling = assertProblem(503, "scan.nxs of dataset ds-public is archived", () -> get(
                "/ds-public/files/scan.nxs/subset", Map.of("path", "/entry/data/data"), Viewer.anonymous()));

        JsonNode problem = new ObjectMapper().readTree(new JsonCodec().toString(recalling.response().body()));
        assertEquals("t-7", problem.at("/recall/ticket").asText());
        assertEquals("QUEUED", problem.at("/recall/state").asText());
        assertEquals("60", recalling.response().headers().get("Retry-After"));
        assertTrue(writes.isEmpty());
    }

    @Test
    void crashLeftoversInTheScratchFolderAreDeletedAtStart() throws Exception {
        Files.createDirectories(dir.resolve("scratch"));
        Files.write(dir.resolve("scratch/0b2c.h5"), WRITTEN);
        subsets.clearScratch();
        assertTrue(Files.notExists(dir.resolve("scratch/0b2c.h5")));
    }
}
