package org.datastamp.storage.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.datastamp.storage.api.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskStoreTest {

    @TempDir
    Path root;

    private DiskStore store() {
        return new DiskStore("hot-disk", root, true);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void capacityReportsTheFileSystemOfTheRoot() throws Exception {
        var capacity = store().capacity();
        var fs = Files.getFileStore(root);
        assertEquals(fs.getTotalSpace(), capacity.totalBytes());
        assertTrue(capacity.percentUsed() >= 0 && capacity.percentUsed() <= 100);
    }

    @Test
    void storedObjectsReadBackAndParentFoldersAreCreated() throws Exception {
        DiskStore store = store();

        store.put("raw/2026/scan-000001/scan-000001.nxs", bytes("frames"));

        assertTrue(store.contains("raw/2026/scan-000001/scan-000001.nxs"));
        assertFalse(store.contains("raw/2026/scan-000002/scan-000002.nxs"));
        try (InputStream in = store.get("raw/2026/scan-000001/scan-000001.nxs")) {
            assertEquals("frames", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("frames", Files.readString(root.resolve("raw/2026/scan-000001/scan-000001.nxs")));
    }

    @Test
    void anExistingKeyIsRefusedAndKeepsItsContent() throws Exception {
        DiskStore store = store();
        store.put("a/b.dat", bytes("first"));

        StorageException e = assertThrows(StorageException.class, () -> store.put("a/b.dat", bytes("second")));

        assertEquals("Object 'a/b.dat' already exists in hot-disk (" + root + "); stored objects are never replaced",
                e.getMessage());
        assertEquals("first", Files.readString(root.resolve("a/b.dat")));
        assertEquals(List.of("b.dat"), listing(root.resolve("a")), "no temporary file is left behind");
    }

    @Test
    void keysThatCouldLeaveTheRootAreRefusedWithAReason() {
        DiskStore store = store();

        assertEquals("hot-disk: key '/etc/passwd' is absolute; use a path relative to the tier, e.g."
                + " raw/2026/scan-000001/scan-000001.nxs",
                assertThrows(StorageException.class, () -> store.put("/etc/passwd", bytes("x"))).getMessage());
        assertEquals("hot-disk: key 'raw/../../x' contains '..'; keys must stay inside the tier",
                assertThrows(StorageException.class, () -> store.put("raw/../../x", bytes("x"))).getMessage());
        assertThrows(StorageException.class, () -> store.get("../outside"));
        assertThrows(StorageException.class, () -> store.put("raw//x", bytes("x")));
        assertThrows(StorageException.class, () -> store.put("raw/.hidden", bytes("x")));
        assertThrows(StorageException.class, () -> store.put(" ", bytes("x")));
    }

    @Test
    void aStreamFailingHalfwayLeavesNothingUnderTheKey() throws Exception {
        DiskStore store = store();
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10_000) {
                    return 'x';
                }
                throw new IOException("detector link lost");
            }
        };

        StorageException e = assertThrows(StorageException.class, () -> store.put("raw/f.nxs", failing));

        assertTrue(e.getMessage().startsWith("Could not store 'raw/f.nxs' in hot-disk"), e.getMessage());
        assertTrue(e.getMessage().contains("detector link lost"), e.getMessage());
        assertFalse(store.contains("raw/f.nxs"));
        assertEquals(List.of(), listing(root.resolve("raw")), "the temporary file is removed");
    }

    @Test
    void ofConcurrentPutsOfOneKeyExactlyOneWins() throws Exception {
        DiskStore store = store();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String content = "writer-" + i;
            Callable<Boolean> put = () -> {
                go.await();
                try {
                    store.put("shared/key.dat", bytes(content.repeat(10_000)));
                    return true;
                } catch (StorageException e) {
                    return false;
                }
            };
            results.add(pool.submit(put));
        }
        go.countDown();
        int winners = 0;
        for (Future<Boolean> f : results) {
            winners += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(1, winners);
        assertEquals(List.of("key.dat"), listing(root.resolve("shared")));
        String stored = Files.readString(root.resolve("shared/key.dat"));
        assertArrayEquals(stored.substring(0, 8).repeat(10_000).getBytes(), stored.getBytes(), "one writer's bytes");
    }

    @Test
    void readingAMissingKeyNamesItAndTheBackend() {
        StorageException e = assertThrows(StorageException.class, () -> store().get("raw/none.nxs"));

        assertEquals("No object 'raw/none.nxs' in hot-disk (" + root + ")", e.getMessage());
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
