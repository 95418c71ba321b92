package org.datastamp.analytics.jupyterhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.RecallState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

class JupyterHubLauncherTest {

    private static final DatasetId ID = new DatasetId("ds-1");
    private static final URI PUBLIC = URI.create("https://jupyter.example.org/");

    @TempDir
    Path hot;

    private final Viewer pia = TestData.member("pia", "P1");
    private final Dataset dataset = TestData.dataset("ds-1", "P1", "10.80512/ds-1", "scan.nxs", "scan.log",
            "detector/frames_000.h5");
    private FakeJupyterHub hub;
    private JupyterHubLauncher launcher;

    @BeforeEach
    void start() throws Exception {
        hub = new FakeJupyterHub();
    }

    @AfterEach
    void stop() throws Exception {
        if (launcher != null) {
            launcher.deactivate();
        }
        hub.close();
    }

    private JupyterHubLauncher launcher(URI hubUrl, String token, Duration spawnTimeout, TestData.Locator locator) {
        HubSettings settings = new HubSettings(hubUrl, PUBLIC, token, hot, "/mnt/datastamp", "datastamp/notebooks",
                spawnTimeout, Duration.ofSeconds(10), Duration.ofMillis(20));
        launcher = new JupyterHubLauncher(TestData.catalog(dataset), locator, settings, null, 2);
        return launcher;
    }

    private JupyterHubLauncher launcher() {
        return launcher(hub.url(), FakeJupyterHub.TOKEN, Duration.ofSeconds(30), new TestData.Locator(hot));
    }

    private NotebookSession await(NotebookState state) throws AnalysisException, InterruptedException {
        return await(s -> s.state() == state, "state " + state);
    }

    private NotebookSession awaitMessage(String message) throws AnalysisException, InterruptedException {
        return await(s -> s.message().equals(message), "message '" + message + "'");
    }

    /** Polls the status until {@code reached}; the generous bound only keeps a broken test from hanging. */
    private NotebookSession await(java.util.function.Predicate<NotebookSession> reached, String what)
            throws AnalysisException, InterruptedException {
        NotebookSession last = null;
        for (int i = 0; i < 1500; i++) {
            last = launcher.status(ID, pia);
            if (reached.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        return fail("Never reached " + what + "; last " + last + "; hub saw " + hub.requestLines());
    }

    @Test
    void aNewUserIsCreatedItsServerSpawnedAndTheStarterNotebookPlaced() throws Exception {
        NotebookSession first = launcher().open(ID, pia);
        assertEquals(NotebookState.SPAWNING, first.state());
        assertEquals("pia", first.user());

        NotebookSession spawning = awaitMessage("Spawning server...");
        assertEquals(50, spawning.progress());
        hub.release.countDown();
        NotebookSession ready = await(NotebookState.READY);

        assertEquals("https://jupyter.example.org/user/pia/lab/tree/datastamp/notebooks/ds-1.ipynb",
                ready.notebookUrl());
        assertEquals(100, ready.progress());
        assertEquals(List.of("GET /hub/api/users/pia", "POST /hub/api/users/pia", "GET /hub/api/users/pia",
                "POST /hub/api/users/pia/server", "GET /hub/api/users/pia/server/progress",
                "PUT /user/pia/api/contents/datastamp", "PUT /user/pia/api/contents/datastamp/notebooks",
                "GET /user/pia/api/contents/datastamp/notebooks/ds-1.ipynb",
                "PUT /user/pia/api/contents/datastamp/notebooks/ds-1.ipynb"), hub.requestLines());
        assertTrue(hub.received.stream().allMatch(r -> ("token " + FakeJupyterHub.TOKEN).equals(r.authorization())));

        JsonNode options = hub.received.get(3).body();
        assertEquals("ds-1", options.get("dataset_id").textValue());
        assertEquals("/mnt/datastamp", options.get("data_mount").textValue());
        List<String> paths = new java.util.ArrayList<>();
        options.get("read_only_paths").forEach(p -> paths.add(p.textValue()));
        assertEquals(List.of("/mnt/datastamp/raw/2026/ds-1/scan.nxs",
                "/mnt/datastamp/raw/2026/ds-1/detector/frames_000.h5"), paths);

        JsonNode notebook = hub.contents.get("pia/datastamp/notebooks/ds-1.ipynb").get("content");
        assertEquals(4, notebook.get("nbformat").intValue());
        assertTrue(NotebookSchema.errors(notebook).isEmpty(), () -> NotebookSchema.errors(notebook).toString());
        assertTrue(notebook.toString().contains("/mnt/datastamp/raw/2026/ds-1/scan.nxs"));
    }

    @Test
    void aRunningServerIsReusedAndAnEarlierNotebookIsKept() throws Exception {
        hub.users.put("pia", "ready");
        hub.contents.put("pia/datastamp", JsonNodeFactory.instance.objectNode().put("type", "directory"));
        hub.contents.put("pia/datastamp/notebooks", JsonNodeFactory.instance.objectNode().put("type", "directory"));
        JsonNode edited = JsonNodeFactory.instance.objectNode().put("type", "notebook").put("edited", true);
        hub.contents.put("pia/datastamp/notebooks/ds-1.ipynb", edited);

        launcher().open(ID, pia);
        NotebookSession ready = await(NotebookState.READY);

        assertTrue(ready.message().contains("earlier opening"), ready.message());
        assertEquals(edited, hub.contents.get("pia/datastamp/notebooks/ds-1.ipynb"));
        assertFalse(hub.requestLines().contains("POST /hub/api/users/pia/server"), hub.requestLines()::toString);
    }

    @Test
    void aServerReadyAtOnceNeedsNoProgressStream() throws Exception {
        hub.spawn = FakeJupyterHub.Spawn.IMMEDIATE;
        launcher().open(ID, pia);
        await(NotebookState.READY);
        assertTrue(hub.requestLines().contains("POST /hub/api/users/pia/server"));
        assertFalse(hub.requestLines().contains("GET /hub/api/users/pia/server/progress"));
    }

    @Test
    void aWrongTokenFailsSayingWhichScopesAreNeeded() throws Exception {
        launcher(hub.url(), "stale-token", Duration.ofSeconds(30), new TestData.Locator(hot)).open(ID, pia);
        NotebookSession failed = await(NotebookState.FAILED);
        assertTrue(failed.message().contains("403"), failed.message());
        assertTrue(failed.message().contains("scopes"), failed.message());
    }

    @Test
    void aHubThatIsDownFailsNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        launcher(URI.create("http://127.0.0.1:" + port + "/"), FakeJupyterHub.TOKEN, Duration.ofSeconds(30),
                new TestData.Locator(hot)).open(ID, pia);
        NotebookSession failed = await(NotebookState.FAILED);
        assertTrue(failed.message().contains("cannot be reached"), failed.message());
        assertTrue(failed.message().contains("127.0.0.1:" + port), failed.message());
    }

    @Test
    void aHubErrorOnSpawnFails() throws Exception {
        assertSpawnFails(FakeJupyterHub.Spawn.ERROR, "500", "Unhandled error starting server");
    }

    @Test
    void aFailedSpawnEventFailsWithTheHubsMessage() throws Exception {
        assertSpawnFails(FakeJupyterHub.Spawn.FAILS, "Spawn failed: image pull error");
    }

    private void assertSpawnFails(FakeJupyterHub.Spawn spawn, String... messageParts) throws Exception {
        hub.spawn = spawn;
        launcher().open(ID, pia);
        NotebookSession failed = await(NotebookState.FAILED);
        for (String part : messageParts) {
            assertTrue(failed.message().contains(part), failed.message());
        }
    }

    @Test
    void aServerThatNeverGetsReadyFailsAfterTheSpawnTimeout() throws Exception {
        hub.spawn = FakeJupyterHub.Spawn.NEVER_READY;
        launcher(hub.url(), FakeJupyterHub.TOKEN, Duration.ofMillis(300), new TestData.Locator(hot)).open(ID, pia);
        NotebookSession failed = await(NotebookState.FAILED);
        assertTrue(failed.message().contains("did not start pia's server within"), failed.message());
        assertTrue(hub.contents.isEmpty());
    }

    @Test
    void filesOnTapeAreRecalledBeforeTheHubIsAsked() throws Exception {
        TestData.Locator locator = new TestData.Locator(hot).recalling("scan.nxs", RecallState.QUEUED,
                RecallState.STAGING, RecallState.STAGING);
        hub.spawn = FakeJupyterHub.Spawn.IMMEDIATE;

        NotebookSession first = launcher(hub.url(), FakeJupyterHub.TOKEN, Duration.ofSeconds(30), locator)
                .open(ID, pia);

        assertEquals(NotebookState.RECALLING, first.state());
        assertTrue(first.message().contains("Recalling 1 of 2 files from tier tape"), first.message());
        assertTrue(first.message().contains("expected online by 2026-03-02T09:50:00Z"), first.message());
        assertEquals(50, first.progress());
        assertTrue(hub.received.isEmpty(), hub.requestLines()::toString);
        NotebookSession ready = await(NotebookState.READY);
        assertTrue(locator.calls >= 6, "the files were located again until online");
        assertTrue(ready.notebookUrl().endsWith("/ds-1.ipynb"));
    }

    @Test
    void aFailedRecallFailsTheOpening() throws Exception {
        TestData.Locator locator = new TestData.Locator(hot).recalling("scan.nxs", RecallState.QUEUED,
                RecallState.FAILED);
        launcher(hub.url(), FakeJupyterHub.TOKEN, Duration.ofSeconds(30), locator).open(ID, pia);
        NotebookSession failed = await(NotebookState.FAILED);
        assertTrue(failed.message().contains("cartridge VT0042 unreadable"), failed.message());
        assertTrue(hub.received.isEmpty());
    }

    @Test
    void aFileOutsideTheMountedDirectoryIsRefusedAtOnce() {
        TestData.Locator elsewhere = new TestData.Locator(hot.resolveSibling("elsewhere"));
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> launcher(hub.url(), FakeJupyterHub.TOKEN, Duration.ofSeconds(30), elsewhere).open(ID, pia));
        assertEquals(AnalysisException.Reason.UNAVAILABLE, e.reason());
        assertTrue(e.getMessage().contains("hostDirectory"), e.getMessage());
    }

    @Test
    void anInvisibleDatasetIsNotFoundAndAnAnonymousViewerForbidden() {
        JupyterHubLauncher l = launcher();
        AnalysisException invisible = assertThrows(AnalysisException.class,
                () -> l.open(ID, TestData.member("otto", "P2")));
        assertEquals(AnalysisException.Reason.NOT_FOUND, invisible.reason());
        AnalysisException unknown = assertThrows(AnalysisException.class, () -> l.open(new DatasetId("ds-9"), pia));
        assertEquals(AnalysisException.Reason.NOT_FOUND, unknown.reason());
        AnalysisException anonymous = assertThrows(AnalysisException.class, () -> l.open(ID, Viewer.anonymous()));
        assertEquals(AnalysisException.Reason.FORBIDDEN, anonymous.reason());
        AnalysisException neverOpened = assertThrows(AnalysisException.class, () -> l.status(ID, pia));
        assertEquals(AnalysisException.Reason.NOT_FOUND, neverOpened.reason());
        assertTrue(hub.received.isEmpty());
    }

    @Test
    void openingAgainWhileSpawningReturnsTheSameOpening() throws Exception {
        launcher().open(ID, pia);
        awaitMessage("Spawning server...");
        NotebookSession again = launcher.open(ID, pia);
        assertEquals(NotebookState.SPAWNING, again.state());
        hub.release.countDown();
        await(NotebookState.READY);
        assertEquals(1, hub.requestLines().stream().filter("POST /hub/api/users/pia/server"::equals).count());
    }
}
