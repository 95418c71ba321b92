package org.datastamp.storage.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.datastamp.storage.api.ObjectOfflineException;
import org.datastamp.storage.api.RecallState;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.RecallTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapeMountTest {

    @TempDir
    Path root;
    @TempDir
    Path tools;

    private final ExecutorService recaller = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRecaller() {
        recaller.shutdownNow();
    }

    private TapeMount mount(String recallCommand) {
        return new TapeMount("tape", root, false, new RecallCommand(recallCommand, Duration.ofMinutes(1)), recaller);
    }

    /** Stores an object, then turns its file into what an HSM leaves after migration: same size, no blocks. */
    private void putAndMigrate(TapeMount mount, String key, int size) throws Exception {
        mount.put(key, new ByteArrayInputStream(new byte[size]));
        Path file = root.resolve(key);
        Files.delete(file);
        try (RandomAccessFile stub = new RandomAccessFile(file.toFile(), "rw")) {
            stub.setLength(size);
        }
    }

    /** A recall tool like eeadm: reads a file list and makes each file resident again (rewrites its data). */
    private String recallTool() throws Exception {
        Path script = tools.resolve("recall.sh");
        Files.writeString(script, "#!/bin/sh\nwhile IFS= read -r f; do cat \"$f\" > \"$f.r\" && mv \"$f.r\" \"$f\";"
                + " done < \"$1\"\n");
        return "sh " + script + " {filelist}";
    }

    private static RecallStatus awaitEnd(TapeMount mount, RecallTicket ticket) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        RecallStatus status = mount.recallStatus(ticket);
        while ((status.state() == RecallState.QUEUED || status.state() == RecallState.STAGING)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
            status = mount.recallStatus(ticket);
        }
        return status;
    }

    @Test
    void filesOnAPlainFolderAreOnline() throws Exception {
        TapeMount mount = mount("");
        mount.put("raw/a.nxs", new ByteArrayInputStream("frames".getBytes(StandardCharsets.UTF_8)));
        mount.put("raw/empty", new ByteArrayInputStream(new byte[0]));

        assertTrue(mount.isOnline("raw/a.nxs"));
        assertTrue(mount.isOnline("raw/empty"), "an empty file has no blocks but is no stub");
    }

    @Test
    void aMigratedStubIsOfflineAndReadingItStartsARecall() throws Exception {
        TapeMount mount = mount(recallTool());
        putAndMigrate(mount, "raw/a.nxs", 1 << 20);
        putAndMigrate(mount, "raw/b.nxs", 4096);
        assertFalse(mount.isOnline("raw/a.nxs"));

        ObjectOfflineException offline = assertThrows(ObjectOfflineException.class, () -> mount.get("raw/a.nxs"));
        assertEquals("raw/a.nxs", offline.key());
        RecallStatus status = awaitEnd(mount, offline.ticket());

        assertEquals(RecallState.ONLINE, status.state(), status.message());
        assertEquals(1, status.keysDone());
        assertTrue(mount.isOnline("raw/a.nxs"));
        assertFalse(mount.isOnline("raw/b.nxs"), "only the requested file was recalled");
        try (InputStream in = mount.get("raw/a.nxs")) {
            assertArrayEquals(new byte[1 << 20], in.readAllBytes());
        }
    }

    @Test
    void aResidentFileIsReadInPlaceAndAMigratedOneIsRecalledFirst() throws Exception {
        TapeMount mount = mount(recallTool());
        mount.put("raw/resident.nxs", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        putAndMigrate(mount, "raw/migrated.nxs", 8192);

        assertEquals(root.resolve("raw/resident.nxs"), mount.onlineFile("raw/resident.nxs"));
        ObjectOfflineException offline = assertThrows(ObjectOfflineException.class,
                () -> mount.onlineFile("raw/migrated.nxs"));
        assertEquals(RecallState.ONLINE, awaitEnd(mount, offline.ticket()).state());
        Path recalled = mount.onlineFile("raw/migrated.nxs");
        assertEquals(8192, Files.size(recalled));
    }

    @Test
    void aRecallOfManyFilesPassesThemToTheCommandInOneList() throws Exception {
        TapeMount mount = mount(recallTool());
        putAndMigrate(mount, "raw/a.nxs", 8192);
        putAndMigrate(mount, "raw/b.nxs", 8192);

        RecallTicket ticket = mount.requestRecall(List.of("raw/a.nxs", "raw/b.nxs"));

        RecallStatus status = awaitEnd(mount, ticket);
        assertEquals(new RecallStatus(ticket, RecallState.ONLINE, 2, 2, null, "2 objects online in tape"), status);
        assertTrue(mount.isOnline("raw/b.nxs"));
    }

    @Test
    void aFailingRecallCommandIsReportedWithItsOutput() throws Exception {
        Path failing = tools.resolve("fail.sh");
        Files.writeString(failing, "#!/bin/sh\necho 'no drive available' >&2\nexit 3\n");
        TapeMount mount = mount("sh " + failing);
        putAndMigrate(mount, "raw/a.nxs", 4096);

        RecallStatus status = awaitEnd(mount, mount.requestRecall(List.of("raw/a.nxs")));

        assertEquals(RecallState.FAILED, status.state());
        assertEquals("Recall command 'sh' failed with exit code 3: no drive available", status.message());
        assertEquals(0, status.keysDone());
    }

    @Test
    void aCommandThatLeavesStubsBehindIsAFailureNamingThem() throws Exception {
        TapeMount mount = mount("true");
        putAndMigrate(mount, "raw/a.nxs", 4096);

        RecallStatus status = awaitEnd(mount, mount.requestRecall(List.of("raw/a.nxs")));

        assertEquals(RecallState.FAILED, status.state());
        assertEquals("The recall command finished but these objects are still migrated: [raw/a.nxs]",
                status.message());
    }

    @Test
    void recallingAMissingKeyIsRefusedByName() {
        TapeMount mount = mount("");

        assertEquals("No object 'raw/none' in tape (" + root + ")",
                assertThrows(Exception.class, () -> mount.requestRecall(List.of("raw/none"))).getMessage());
    }
}
