package org.datastamp.acquisition.scan;

import static org.datastamp.acquisition.scan.ScanTesting.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.datastamp.acquisition.api.RecoveredScanFile;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.storage.api.StorageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans interrupted by a crash, found through their journals when the service starts again. */
class ScanRecoveryTest {

    private static final ScanRequest REQUEST = new ScanRequest("scripted", 10, "crashed scan", "lyso-02");
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final Fakes.Resources resources = new Fakes.Resources();
    private final PipelineFakes.FakeWriter writer = new PipelineFakes.FakeWriter();
    @TempDir
    Path dataDir;
    private ScanSettings settings;

    @BeforeEach
    void settle() {
        settings = settings(dataDir, 0);
    }

    /** What a crash three flushed frames into scan-000007 leaves: its journal and the writer's unfinished files. */
    private List<Path> crashedScan(String writerKind) throws Exception {
        Path staging = settings.staging();
        Files.createDirectories(staging);
        Path master = staging.resolve("scan-000007.nxs");
        Path data = staging.resolve("scan-000007_data_000001.h5");
        Files.writeString(master, "unfinished master");
        Files.writeString(data, "three frames");
        new ScanJournal("scan-000007", "ds-recovery-test", writerKind, REQUEST, "SimBeamline", "", master.toString(),
                START.toString(), List.of(new ScanJournal.Entry("scan_id", "scan-000007", ""),
                        new ScanJournal.Entry("sample_temperature", 295.125, "K")), null)
                .write(settings.journal("scan-000007"));
        writer.recoverable.put(master, new RecoveredScanFile("scan-000007", List.of(master, data), 3));
        return List.of(master, data);
    }

    /** Starts the service on the data directory, as activation does, and waits for the recovery to run. */
    private List<ScanStatus> restart() {
        ScanQueue queue = new ScanQueue(settings, resources, Clock.systemUTC());
        queue.recoverInterruptedScans();
        queue.shutdown(30, TimeUnit.SECONDS);
        return queue.recent();
    }

    private static Object value(Dataset d, String name) {
        return d.content().metadata().stream().filter(e -> e.name().equals(name)).map(MetadataEntry::value)
                .findFirst().orElse(null);
    }

    @Test
    void aJournalLeftByACrashBecomesAnIncompleteDatasetListedAsRecovered() throws Exception {
        resources.writer = writer;
        crashedScan(ScanJournal.STREAMING);

        List<ScanStatus> recent = restart();

        Dataset dataset = resources.memoryCatalog().datasets.get(0);
        assertEquals("ds-recovery-test", dataset.id().value());
        assertEquals("crashed scan", dataset.content().title());
        assertEquals(false, value(dataset, "scan_complete"));
        assertEquals(3L, ((Number) value(dataset, "frames_kept")).longValue());
        assertEquals(295.125, value(dataset, "sample_temperature"));
        assertEquals(List.of("scan-000007.nxs", "scan-000007_data_000001.h5"),
                dataset.content().files().stream().map(f -> f.path()).toList());
        assertEquals("three frames", new String(resources.memoryStorage().objects
                .get("raw/2026/scan-000007/scan-000007_data_000001.h5")));
        ScanStatus status = recent.get(0);
        assertEquals(new ScanId("scan-000007"), status.id());
        assertEquals(ScanState.FAILED, status.state());
        assertEquals(3, status.framesWritten());
        assertEquals(Optional.of(dataset.id()), status.dataset());
        assertEquals(Optional.of("Recovered after a crash: 3 of 10 frames were kept; dataset ds-recovery-test is"
                + " recorded as incomplete"), status.error());
        try (var left = Files.list(settings.staging())) {
            assertEquals(List.of(), left.toList(), "journal and staged copies removed");
        }
    }

    @Test
    void aCrashDuringRecoveryIsRecoveredAgainWithoutDuplicates() throws Exception {
        resources.writer = writer;
        List<Path> files = crashedScan(ScanJournal.STREAMING);
        Fakes.MemoryStorage flaky = new Fakes.MemoryStorage() {
            boolean failedOnce;

            @Override
            public void put(String key, InputStream content) throws StorageException {
                if (key.endsWith(".h5") && !failedOnce) {
                    failedOnce = true;
                    throw new StorageException("tier went offline");
                }
                super.put(key, content);
            }
        };
        resources.storage = flaky;

        Path journal = settings.journal("scan-000007");

        ScanStatus first = restart().get(0);
        // The first attempt stored the master file, then stopped: the journal stays, with the recovered files.
        assertEquals(ScanState.FAILED, first.state());
        assertTrue(first.error().orElseThrow().contains("tier went offline"), first.error().orElseThrow());
        assertTrue(ScanJournal.read(journal).outcome() != null, "the journal knows the files were recovered");
        assertTrue(resources.memoryCatalog().datasets.isEmpty());
        byte[] journalBeforeRecording = Files.readAllBytes(journal);

        ScanStatus second = restart().get(0);

        assertEquals(Optional.of(resources.memoryCatalog().datasets.get(0).id()), second.dataset());
        assertEquals(1, writer.recoverCalls.get(), "the writer finalised the files once");
        assertEquals(1, resources.memoryCatalog().datasets.size());
        assertEquals(2, flaky.objects.size());
        assertFalse(Files.exists(files.get(0)));

        // As if the process had died after recording the dataset but before removing the journal.
        Files.write(journal, journalBeforeRecording);
        ScanStatus third = restart().get(0);

        assertEquals(second.dataset(), third.dataset());
        assertEquals(1, resources.memoryCatalog().datasets.size(), "no second dataset");
        assertFalse(Files.exists(journal));
    }

    @Test
    void aScanOfTheJhdfWriterIsReportedLost() throws Exception {
        crashedScan(ScanJournal.JHDF);

        ScanStatus status = restart().get(0);

        assertEquals(ScanState.FAILED, status.state());
        assertEquals(Optional.of("Lost in a crash: the built-in jhdf writer writes a scan's file only at its end, so"
                + " no frame reached the disk (the partial file " + settings.staging().resolve("scan-000007.nxs")
                + " is left for inspection)"), status.error());
        assertTrue(resources.memoryCatalog().datasets.isEmpty());
        assertFalse(Files.exists(settings.journal("scan-000007")), "nothing more to recover");
    }

    @Test
    void withoutTheStreamingWriterTheJournalIsKeptForTheNextStart() throws Exception {
        crashedScan(ScanJournal.STREAMING);

        ScanStatus status = restart().get(0);

        assertTrue(status.error().orElseThrow().contains("no scan-file writer service is available"),
                status.error().orElseThrow());
        assertTrue(Files.exists(settings.journal("scan-000007")));
    }
}
