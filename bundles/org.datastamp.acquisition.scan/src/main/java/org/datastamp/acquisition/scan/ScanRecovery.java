package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.RecoveredScanFile;
import org.datastamp.acquisition.api.ScanFileWriter;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the scans a crash interrupted, from the journals left in staging: the streaming writer finalises the
 * files with every flushed frame, they are stored and recorded as an incomplete dataset ({@code scan_complete =
 * false}, {@code frames_kept}), and the scan is listed FAILED with a message saying it was recovered. Scans written
 * by the built-in jhdf writer had nothing on disk and are reported lost.
 *
 * <p>Safe to run again after a crash during recovery: the journal records the recovered files before anything is
 * stored, a file already in the tier is not stored twice, the dataset is recorded under an id derived from the
 * scan (the catalogue returns the recorded one on a repeat), and the journal goes only after the dataset is recorded.
 */
final class ScanRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ScanRecovery.class);

    private final ScanSettings settings;
    private final ScanResources resources;
    private final ScanBook book;
    private final DatasetRecorder recorder;

    ScanRecovery(ScanSettings settings, ScanResources resources, ScanBook book) {
        this.settings = settings;
        this.resources = resources;
        this.book = book;
        this.recorder = new DatasetRecorder(settings, resources);
    }

    /** Recovers every journal in staging; one that cannot be handled now stays for the next start. */
    void recoverAll() {
        List<Path> journals;
        try {
            journals = ScanJournal.list(settings.staging());
        } catch (IOException e) {
            LOG.error("Could not look for interrupted scans in {}: {}", settings.staging(), e.toString());
            return;
        }
        for (Path journal : journals) {
            recover(journal);
        }
    }

    void recover(Path journalFile) {
        ScanJournal journal;
        try {
            journal = ScanJournal.read(journalFile);
        } catch (IOException e) {
            LOG.error("{}; it is left in place for an operator to inspect", e.getMessage());
            return;
        }
        ScanId id = new ScanId(journal.scanId());
        try {
            Optional<ScanJournal> finished = finalise(journal, journalFile);
            if (finished.isEmpty()) {
                return;
            }
            ScanJournal.Outcome outcome = finished.get().outcome();
            Dataset dataset = record(finished.get());
            Files.deleteIfExists(journalFile);
            recorder.clearStaging(id, outcome.files().stream().map(Path::of).toList());
            String message = outcome.complete()
                    ? "Recovered after a restart: the files were complete (" + outcome.frames() + " frames); dataset "
                            + dataset.id() + " recorded"
                    : "Recovered after a crash: " + outcome.frames() + " of " + journal.request().frameCount()
                            + " frames were kept; dataset " + dataset.id() + " is recorded as incomplete";
            LOG.warn("Scan {}: {}", id, message);
            book.put(new ScanStatus(id, journal.request(), outcome.complete() ? ScanState.COMPLETED : ScanState.FAILED,
                    outcome.frames(), Optional.of(dataset.id()), outcome.complete() ? Optional.empty()
                            : Optional.of(message)));
        } catch (ScanFailure | IOException e) {
            String message = "Interrupted by a crash and not recovered yet: " + e.getMessage() + "; its journal "
                    + journalFile + " is kept and recovery is tried again at the next start";
            LOG.error("Scan {}: {}", id, message, e);
            book.put(new ScanStatus(id, journal.request(), ScanState.FAILED, 0, Optional.empty(),
                    Optional.of(message)));
        }
    }

    /**
     * Brings the journal to a state with closed files: already there, recovered now, or (nothing to recover) the
     * scan is reported lost and the journal removed, returning empty. Empty as well if the writer is missing.
     */
    private Optional<ScanJournal> finalise(ScanJournal journal, Path journalFile) throws IOException {
        if (journal.outcome() != null) {
            return Optional.of(journal);
        }
        ScanId id = new ScanId(journal.scanId());
        Path master = Path.of(journal.masterFile());
        if (ScanJournal.JHDF.equals(journal.writer())) {
            lost(id, journal, journalFile, "the built-in jhdf writer writes a scan's file only at its end, so no frame"
                    + " reached the disk" + (Files.exists(master) ? " (the partial file " + master + " is left for"
                            + " inspection)" : ""));
            return Optional.empty();
        }
        Optional<ScanFileWriter> writer = resources.scanFileWriter();
        if (writer.isEmpty()) {
            String message = "Interrupted by a crash; no scan-file writer service is available to recover " + master
                    + "; its journal " + journalFile + " is kept and recovery is tried again at the next start";
            LOG.error("Scan {}: {}", id, message);
            book.put(new ScanStatus(id, journal.request(), ScanState.FAILED, 0, Optional.empty(),
                    Optional.of(message)));
            return Optional.empty();
        }
        Optional<RecoveredScanFile> recovered = writer.get().recover(master);
        if (recovered.isEmpty()) {
            lost(id, journal, journalFile, "the writer found no unfinished scan in " + master
                    + " (it crashed before the first frame was written)");
            return Optional.empty();
        }
        RecoveredScanFile r = recovered.get();
        Instant end = Files.exists(master) ? Files.getLastModifiedTime(master).toInstant()
                : Instant.parse(journal.start());
        List<MetadataEntry> metadata = new ArrayList<>(ScanJournal.Entry.toMetadata(journal.metadata()));
        metadata.add(new MetadataEntry(ScanMetadata.FRAME_COUNT, r.framesKept(), ""));
        metadata.add(new MetadataEntry(ScanMetadata.FRAMES_KEPT, r.framesKept(), ""));
        metadata.add(new MetadataEntry(ScanMetadata.SCAN_COMPLETE, false, ""));
        metadata.addAll(SchemaCheck.check(journal.definition(), resources.schemas(), List.copyOf(metadata)));
        ScanJournal done = journal.withOutcome(new ScanJournal.Outcome(false, r.framesKept(),
                r.files().stream().map(Path::toString).toList(), end.toString(), ScanJournal.Entry.of(metadata)));
        // Recorded before anything is stored: the writer may not recognise its file as unfinished a second time.
        done.write(journalFile);
        return Optional.of(done);
    }

    private Dataset record(ScanJournal journal) throws ScanFailure, IOException {
        ScanJournal.Outcome outcome = journal.outcome();
        ScanId id = new ScanId(journal.scanId());
        Instant start = Instant.parse(journal.start());
        Instant end = Instant.parse(outcome.end());
        DatasetId datasetId = new DatasetId(journal.datasetId());
        Optional<Dataset> recorded = alreadyRecorded(datasetId);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        List<Path> staged = outcome.files().stream().map(Path::of).toList();
        String location = DatasetRecorder.location(id, start);
        List<Datafile> files = recorder.store(staged, location, null, true);
        NewDataset dataset = new NewDataset(journal.request().title(), DatasetType.RAW, journal.instrument(),
                journal.request().sampleName(), location, start, end.isBefore(start) ? start : end, files,
                ScanJournal.Entry.toMetadata(outcome.metadata()));
        // The id chosen at scan start: a repeated recovery finds the dataset recorded instead of adding another.
        return recorder.record(dataset, Optional.of(datasetId));
    }

    /** The dataset, if a crash came after recording it and before the journal was removed. */
    private Optional<Dataset> alreadyRecorded(DatasetId id) throws ScanFailure {
        Catalog catalog = resources.catalog().orElseThrow(() -> new ScanFailure("No catalogue is available", null));
        try {
            return catalog.find(id, Viewer.system());
        } catch (CatalogException | RuntimeException e) {
            throw new ScanFailure("Could not look up dataset " + id + " in the catalogue: " + e.getMessage(), e);
        }
    }

    private void lost(ScanId id, ScanJournal journal, Path journalFile, String why) throws IOException {
        String message = "Lost in a crash: " + why;
        LOG.error("Scan {} ('{}', {} frames from {}): {}", id, journal.request().title(),
                journal.request().frameCount(), journal.request().detectorId(), message);
        book.put(new ScanStatus(id, journal.request(), ScanState.FAILED, 0, Optional.empty(), Optional.of(message)));
        Files.deleteIfExists(journalFile);
    }
}
