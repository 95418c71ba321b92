package org.datastamp.storage.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ManagedBackend} must show. A backend's test class extends this and creates a fresh,
 * empty backend in {@link #createBackend()}. Recallable backends are read through a recall (request, poll until
 * online, then get); a test with a simulated clock overrides {@link #letTimePass()}.
 */
public abstract class StorageBackendContract {

    private static final Duration RECALL_TIMEOUT = Duration.ofSeconds(30);

    protected ManagedBackend backend;

    /** A new backend over empty storage; called before each test. */
    protected abstract ManagedBackend createBackend() throws Exception;

    /** Lets (simulated or real) time pass while a recall runs; the default sleeps 5 ms. */
    protected void letTimePass() throws InterruptedException {
        Thread.sleep(5);
    }

    @BeforeEach
    void setUpBackend() throws Exception {
        backend = createBackend();
    }

    /** Reads an object, recalling it first (and waiting) if the backend has recall latency. */
    protected byte[] read(String key) throws Exception {
        if (backend instanceof RecallableBackend recallable && !recallable.isOnline(key)) {
            awaitOnline(recallable, recallable.requestRecall(List.of(key)));
        }
        try (InputStream in = backend.get(key)) {
            return in.readAllBytes();
        }
    }

    /** Polls a recall until it is online; fails the test if it fails or takes longer than 30 s of real time. */
    protected void awaitOnline(RecallableBackend recallable, RecallTicket ticket) throws Exception {
        Instant deadline = Instant.now().plus(RECALL_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            RecallStatus status = recallable.recallStatus(ticket);
            if (status.state() == RecallState.ONLINE) {
                return;
            }
            if (status.state() == RecallState.FAILED) {
                fail("Recall failed: " + status.message());
            }
            letTimePass();
        }
        fail("Recall " + ticket.id() + " not online after " + RECALL_TIMEOUT);
    }

    protected static InputStream bytes(byte[] content) {
        return new ByteArrayInputStream(content);
    }

    protected static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storedBytesReadBackUnchanged() throws Exception {
        backend.put("raw/2026/scan-000001/scan-000001.nxs", bytes(utf8("frames")));

        assertTrue(backend.contains("raw/2026/scan-000001/scan-000001.nxs"));
        assertEquals("frames", new String(read("raw/2026/scan-000001/scan-000001.nxs"), StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyObjectIsStoredAndReadBack() throws Exception {
        backend.put("raw/empty.dat", bytes(new byte[0]));

        assertTrue(backend.contains("raw/empty.dat"));
        assertEquals(0, backend.stat("raw/empty.dat").size());
        assertArrayEquals(new byte[0], read("raw/empty.dat"));
    }

    @Test
    void aMultiMegabyteObjectRoundTripsByteForByte() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024 + 17];
        new Random(42).nextBytes(content);

        backend.put("raw/big.h5", bytes(content));

        assertEquals(content.length, backend.stat("raw/big.h5").size());
        assertArrayEquals(content, read("raw/big.h5"));
    }

    @Test
    void anExistingKeyIsRefusedAndKeepsItsContent() throws Exception {
        backend.put("a/b.dat", bytes(utf8("first")));

        StorageException e = assertThrows(StorageException.class, () -> backend.put("a/b.dat", bytes(utf8("2nd"))));

        assertTrue(e.getMessage().contains("'a/b.dat'"), e.getMessage());
        assertEquals("first", new String(read("a/b.dat"), StandardCharsets.UTF_8));
        assertEquals(List.of(new ObjectInfo("a/b.dat", 5)), backend.list(""));
    }

    @Test
    void aMissingKeyIsAnErrorNamingTheKey() throws Exception {
        assertFalse(backend.contains("raw/none.nxs"));
        for (Operation op : List.<Operation>of(() -> backend.get("raw/none.nxs"), () -> backend.stat("raw/none.nxs"),
                () -> backend.delete("raw/none.nxs"))) {
            StorageException e = assertThrows(StorageException.class, op::run);
            assertTrue(e.getMessage().contains("'raw/none.nxs'"), e.getMessage());
        }
    }

    @Test
    void keysThatCouldLeaveTheTierAreRefused() throws Exception {
        for (String bad : List.of("/x", "../x", "raw/../../x", "raw//x", "", " ")) {
            StorageException e = assertThrows(StorageException.class, () -> backend.put(bad, bytes(utf8("x"))),
                    "put of '" + bad + "'");
            assertTrue(e.getMessage().contains("'" + bad + "'") || bad.isBlank(), e.getMessage());
            assertThrows(StorageException.class, () -> backend.get(bad), "get of '" + bad + "'");
        }
        assertEquals(List.of(), backend.list(""), "nothing was stored");
    }

    @Test
    void listReturnsTheObjectsUnderAPrefixSortedWithTheirSizes() throws Exception {
        backend.put("raw/2026/scan-2/b.nxs", bytes(utf8("bb")));
        backend.put("raw/2026/scan-1/a.nxs", bytes(utf8("a")));
        backend.put("processed/2026/x.nxs", bytes(utf8("xyz")));

        assertEquals(List.of(new ObjectInfo("raw/2026/scan-1/a.nxs", 1), new ObjectInfo("raw/2026/scan-2/b.nxs", 2)),
                backend.list("raw/"));
        assertEquals(List.of(new ObjectInfo("raw/2026/scan-1/a.nxs", 1)), backend.list("raw/2026/scan-1"));
        assertEquals(3, backend.list("").size());
        assertEquals(List.of(), backend.list("nothing/"));
    }

    @Test
    void aDeletedObjectIsGoneAndASecondDeleteIsAnError() throws Exception {
        backend.put("raw/a.nxs", bytes(utf8("a")));
        backend.put("raw/b.nxs", bytes(utf8("b")));

        backend.delete("raw/a.nxs");

        assertFalse(backend.contains("raw/a.nxs"));
        assertEquals(List.of(new ObjectInfo("raw/b.nxs", 1)), backend.list(""));
        StorageException e = assertThrows(StorageException.class, () -> backend.delete("raw/a.nxs"));
        assertTrue(e.getMessage().contains("'raw/a.nxs'"), e.getMessage());
    }

    /** A backend call that may fail. */
    @FunctionalInterface
    protected interface Operation {
        void run() throws StorageException, IOException;
    }
}
