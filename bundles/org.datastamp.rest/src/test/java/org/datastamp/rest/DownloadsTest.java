package org.datastamp.rest;

import static org.datastamp.rest.DatasetsResourceTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
import org.datastamp.storage.api.StorageBackend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {

    private static final String PATH = "/api/v1/datasets";

    @TempDir
    Path dir;

    private final Fakes.FakeCatalog catalog = new Fakes.FakeCatalog();
    private final List<StorageBackend> storage = new java.util.ArrayList<>();
    private Downloads downloads;
    private final byte[] scan = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private final byte[] processed = new byte[300_000];

    /** What a download wrote. */
    static final class Response implements Downloads.Sink {
        int status;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        @Override
        public void status(int s) {
            status = s;
        }

        @Override
        public void header(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public OutputStream body() {
            return body;
        }
    }

    @BeforeEach
    void facility() throws IOException {
        new java.util.Random(7).nextBytes(processed);
        Path hot = dir.resolve("hot");
        Files.createDirectories(hot.resolve("raw/ds-public/processed"));
        Files.write(hot.resolve("raw/ds-public/scan.nxs"), scan);
        Files.write(hot.resolve("raw/ds-public/processed/azimuthal int.h5"), processed);
        Files.createDirectories(hot.resolve("raw/ds-private"));
        Files.write(hot.resolve("raw/ds-private/scan.nxs"), scan);
        storage.add(new TestStorage.Disk("hot-disk", hot));
        catalog.datasets.add(dataset("ds-public", Fakes.T0, Lifecycle.onHotDisk()));
        catalog.datasets.add(dataset("ds-private", Fakes.NEVER, Lifecycle.onHotDisk()));
        downloads = new Downloads(() -> catalog, new DatasetFiles(() -> storage), new DownloadLog(dir.resolve("log")),
                Downloads.defaultLevel(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    }

    private Dataset dataset(String id, Instant publicFrom, Lifecycle lifecycle) {
        NewDataset content = new NewDataset("Scan " + id, DatasetType.RAW, "CoSAXS", "", "raw/" + id, Fakes.T0,
                Fakes.T0, List.of(new Datafile("scan.nxs", scan.length, "SHA-256", "ab".repeat(32), Fakes.T0),
                        new Datafile("processed/azimuthal int.h5", processed.length, "SHA-256", "cd".repeat(32),
                                Fakes.T0)), List.of());
        return new Dataset(new DatasetId(id), Fakes.T0, content, lifecycle,
                new DatasetAccess("20240123", "CoSAXS", publicFrom), "");
    }

    private Response get(String path, String range, Viewer viewer) throws Exception {
        ApiRequest request = Requests.get(PATH, path, Map.of(), viewer);
        assertTrue(Downloads.handles(request), path);
        Response response = new Response();
        downloads.serve(request, range, false, response);
        return response;
    }

    @Test
    void aDatasetDownloadsAsAZipOfAllItsFiles() throws Exception {
        Response zip = get("/ds-public/download", null, Viewer.anonymous());

        assertEquals(200, zip.status);
        assertEquals("application/zip", zip.headers.get("Content-Type"));
        assertEquals("attachment; filename=\"ds-public.zip\"", zip.headers.get("Content-Disposition"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(List.of("ds-public/scan.nxs", "ds-public/processed/azimuthal int.h5"),
                List.copyOf(entries.keySet()));
        assertArrayEquals(scan, entries.get("ds-public/scan.nxs"));
        assertArrayEquals(processed, entries.get("ds-public/processed/azimuthal int.h5"));
    }

    private Response select(String id, List<String> files, Viewer viewer) throws Exception {
        Response response = new Response();
        downloads.serve(Requests.get(PATH, "/" + id + "/download", Map.of(), viewer), files, null, false, response);
        return response;
    }

    private static Map<String, byte[]> entries(Response zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void aSelectionOfFilesDownloadsAsAZipOfJustThoseFiles() throws Exception {
        Response zip = select("ds-public", List.of("processed/azimuthal int.h5"), Viewer.anonymous());

        assertEquals(200, zip.status);
        assertEquals("application/zip", zip.headers.get("Content-Type"));
        Map<String, byte[]> entries = entries(zip);
        assertEquals(List.of("ds-public/processed/azimuthal int.h5"), List.copyOf(entries.keySet()));
        assertArrayEquals(processed, entries.get("ds-public/processed/azimuthal int.h5"));

        Response posted = new Response();
        downloads.serve(Requests.post(PATH, "/ds-public/download", "{\"files\": [\"processed/azimuthal int.h5\","
                + " \"scan.nxs\", \"scan.nxs\"]}", Viewer.anonymous()), List.of(), null, false, posted);
        assertEquals(List.of("ds-public/scan.nxs", "ds-public/processed/azimuthal int.h5"),
                List.copyOf(entries(posted).keySet()), "the dataset's order, each file once");
    }

    @Test
    void aSelectionNamingUnknownFilesIsRefusedNamingThem() throws Exception {
        ProblemException unknown = assertProblem(400, "has no file(s) nope.h5, b/c.h5", () -> select("ds-public",
                List.of("scan.nxs", "nope.h5", "b/c.h5"), Viewer.anonymous()));
        JsonNode problem = new ObjectMapper().readTree(new JsonCodec().toString(unknown.response().body()));
        assertEquals("[\"nope.h5\",\"b/c.h5\"]", problem.get("unknownFiles").toString());
        assertProblem(400, "non-empty JSON list", () -> downloads.serve(Requests.post(PATH, "/ds-public/download",
                "[]", Viewer.anonymous()), List.of(), null, false, new Response()));
        assertProblem(400, "JSON list of file paths", () -> downloads.serve(Requests.post(PATH, "/ds-public/download",
                "scan.nxs", Viewer.anonymous()), List.of(), null, false, new Response()));
        assertProblem(404, "No dataset ds-private", () -> select("ds-private", List.of("scan.nxs"),
                Viewer.anonymous()));
    }

    @Test
    void aSelectionOfArchivedFilesRecallsOnlyThoseAndIsCounted() throws Exception {
        TestStorage.Tape tape = new TestStorage.Tape(dir.resolve("hot"));
        storage.clear();
        storage.add(tape);
        catalog.datasets.set(0, dataset("ds-public", Fakes.T0, new Lifecycle(false, true, List.of("tape"))));

        assertProblem(503, "1 file(s) of dataset ds-public are archived", () -> select("ds-public",
                List.of("scan.nxs"), Viewer.anonymous()));
        assertEquals(1, tape.recalled.size(), "only the selected file is recalled");

        tape.online.addAll(tape.recalled);
        assertEquals(200, select("ds-public", List.of("scan.nxs"), Fakes.member("ann", "20240123")).status);
        JsonNode usage = new ObjectMapper().readTree(get("/ds-public/usage", null, Viewer.anonymous()).body
                .toByteArray());
        assertEquals(1, usage.get("selectionDownloads").asInt());
        assertEquals(0, usage.get("zipDownloads").asInt());
        assertEquals(1, usage.get("downloads").asInt());
    }

    @Test
    void aFileDownloadsWholeOrByRangeToResume() throws Exception {
        Response whole = get("/ds-public/files/scan.nxs", null, Viewer.anonymous());
        assertEquals(200, whole.status);
        assertArrayEquals(scan, whole.body.toByteArray());
        assertEquals("bytes", whole.headers.get("Accept-Ranges"));
        assertEquals("36", whole.headers.get("Content-Length"));
        assertEquals("\"sha-256-" + "ab".repeat(32) + "\"", whole.headers.get("ETag"));

        Response middle = get("/ds-public/files/scan.nxs", "bytes=10-19", Viewer.anonymous());
        assertEquals(206, middle.status);
        assertEquals("abcdefghij", middle.body.toString(StandardCharsets.US_ASCII));
        assertEquals("bytes 10-19/36", middle.headers.get("Content-Range"));
        assertEquals("xyz", get("/ds-public/files/scan.nxs", "bytes=-3", Viewer.anonymous()).body
                .toString(StandardCharsets.US_ASCII));
        Response rest = get("/ds-public/files/processed/azimuthal int.h5", "bytes=299990-", Viewer.anonymous());
        assertEquals(206, rest.status);
        assertArrayEquals(java.util.Arrays.copyOfRange(processed, 299_990, 300_000), rest.body.toByteArray());
        assertEquals(200, get("/ds-public/files/scan.nxs", "bytes=0-1,5-6", Viewer.anonymous()).status,
                "several ranges: the whole file");
        ProblemException beyond = assertProblem(416, "outside the file of 36 bytes",
                () -> get("/ds-public/files/scan.nxs", "bytes=36-", Viewer.anonymous()));
        assertEquals("bytes */36", beyond.response().headers().get("Content-Range"));
    }

    @Test
    void embargoedDatasetsAreNotFoundExceptForThoseWhoMaySeeThem() throws Exception {
        for (String path : List.of("/ds-private/download", "/ds-private/files/scan.nxs", "/ds-private/usage")) {
            assertProblem(404, "No dataset ds-private", () -> get(path, null, Viewer.anonymous()));
            assertProblem(404, "No dataset ds-private", () -> get(path, null, Fakes.member("ann", "other")));
        }
        assertEquals(200, get("/ds-private/files/scan.nxs", null, Fakes.member("ann", "20240123")).status);
        assertProblem(404, "has no file nope.h5", () -> get("/ds-public/files/nope.h5", null, Viewer.anonymous()));
        assertProblem(500, "could not read processed/azimuthal int.h5 of dataset ds-private", () -> get(
                "/ds-private/files/processed/azimuthal int.h5", null, Viewer.system()));
    }

    @Test
    void archivedFilesAreRecalledFirstAndTheAnswerSaysHowFarTheRecallIs() throws Exception {
        TestStorage.Tape tape = new TestStorage.Tape(dir.resolve("hot"));
        storage.clear();
        storage.add(tape);
        catalog.datasets.set(0, dataset("ds-public", Fakes.T0, new Lifecycle(false, true, List.of("tape"))));

        ProblemException recalling = assertProblem(503, "2 file(s) of dataset ds-public are archived",
                () -> get("/ds-public/download", null, Viewer.anonymous()));

        JsonNode problem = new ObjectMapper().readTree(new JsonCodec().toString(recalling.response().body()));
        assertEquals("QUEUED", problem.at("/recall/state").asText());
        assertEquals("t-1", problem.at("/recall/ticket").asText());
        assertEquals("60", recalling.response().headers().get("Retry-After"));
        assertEquals(2, tape.recalled.size(), "the recall was requested");

        tape.online.addAll(tape.recalled);
        assertEquals(200, get("/ds-public/download", null, Viewer.anonymous()).status);
    }

    @Test
    void everyDownloadIsCountedForTheDatasetsUsage() throws Exception {
        get("/ds-public/download", null, Viewer.anonymous());
        get("/ds-public/files/scan.nxs", "bytes=0-9", Fakes.member("ann", "20240123"));
        get("/ds-public/files/scan.nxs", null, Fakes.member("ann", "20240123"));

        JsonNode usage = new ObjectMapper().readTree(get("/ds-public/usage", null, Viewer.anonymous()).body
                .toByteArray());

        assertEquals(3, usage.get("downloads").asInt());
        assertEquals(1, usage.get("zipDownloads").asInt());
        assertEquals(2, usage.get("fileDownloads").asInt());
        assertEquals(1, usage.get("users").asInt());
        assertTrue(usage.get("bytesSent").asLong() > processed.length + 46);
    }

    @Test
    void aZipLargerThanTheHeapStreamsInAJvmWithLittleMemory() throws Exception {
        Path data = dir.resolve("big");
        long size = ZipHeapCheck.write(data);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), ZipHeapCheck.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        long zipped = Long.parseLong(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(zipped > size, "the ZIP holds all " + size + " bytes (got " + zipped + ")");
    }
}
