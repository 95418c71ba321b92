package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.storage.api.ArchivalPreparation;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.ObjectInfo;
import org.datastamp.storage.api.RecallableBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out steps. The catalogue's copy records are the journal: a copy is recorded WRITING before its first byte
 * goes to the target and VERIFIED only after every object was read back from the target and its digest matched; a
 * copy is recorded RELEASED (only while enough verified copies remain) before its first object is deleted. A crash
 * at any point leaves a record that {@link #recover} completes: WRITING copies are deleted and forgotten, RELEASED
 * ones purged. Nothing half written is ever counted.
 */
final class StepRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final Supplier<Map<String, StorageBackend>> backends;
    private final Supplier<Collection<ArchivalPreparation>> preparations;
    private final Catalog catalog;
    private final StorageCopies copies;
    private final Reading reading;
    private final Path staging;
    private final Clock clock;
    private final Faults faults;
    private final Object rootFiles = new Object();
    private final OcflPackager packager;

    StepRunner(Supplier<Map<String, StorageBackend>> backends, Supplier<Collection<ArchivalPreparation>> preparations,
            Catalog catalog, StorageCopies copies, Reading reading, Path staging, Clock clock, Faults faults) {
        this.backends = backends;
        this.preparations = preparations;
        this.catalog = catalog;
        this.copies = copies;
        this.reading = reading;
        this.staging = staging;
        this.clock = clock;
        this.faults = faults;
        this.packager = new OcflPackager(staging);
    }

    /** Closes the OCFL staging repository. */
    void close() {
        packager.close();
    }

    /** Runs a step; returns a line for the round's summary. */
    String run(Dataset dataset, Step step) throws StorageException, CatalogException, IOException {
        if (step instanceof Step.Adopt adopt) {
            adopt(dataset, adopt.backendId());
            return dataset.id() + " @ " + adopt.backendId();
        }
        if (step instanceof Step.Copy copy) {
            copy(dataset, copy);
            return dataset.id() + " -> " + copy.targetId();
        }
        if (step instanceof Step.Release release) {
            release(dataset, release);
            return dataset.id() + " @ " + release.backendId();
        }
        throw new IllegalArgumentException("Not a runnable step: " + step);
    }

    // --- adopt: the ingest copy is read in full and checked before it counts

    private void adopt(Dataset dataset, String backendId) throws StorageException, CatalogException, IOException {
        StorageBackend backend = backend(backendId);
        String prefix = dataset.content().location();
        List<String> keys = dataset.content().files().stream().map(f -> CopyKeys.key(CopyFormat.PLAIN, prefix, f))
                .toList();
        reading.makeOnline(backend, keys);
        for (Datafile file : dataset.content().files()) {
            String key = CopyKeys.key(CopyFormat.PLAIN, prefix, file);
            String actual = Checksums.of(reading.open(backend, key), file.checksumAlgorithm());
            if (!Checksums.same(actual, file.checksum())) {
                throw new StorageException("Dataset " + dataset.id() + ": " + key + " on " + backendId + " has "
                        + file.checksumAlgorithm() + " " + actual + " but the catalogue records " + file.checksum()
                        + "; the copy is not adopted (repair it from another copy)");
            }
        }
        copies.adoptVerified(dataset.id(), backendId, prefix, clock.instant());
        LOG.info("Dataset {}: ingest copy on {} verified ({} files)", dataset.id(), backendId, keys.size());
        refreshLifecycle(dataset);
    }

    // --- copy: write, read back, verify, then record verified

    private void copy(Dataset dataset, Step.Copy step) throws StorageException, CatalogException, IOException {
        StorageBackend source = backend(step.sourceId());
        StorageBackend target = backend(step.targetId());
        DatasetCopy from = copies.copies(dataset.id()).stream()
                .filter(c -> c.backendId().equals(step.sourceId()) && c.state() == CopyState.VERIFIED).findFirst()
                .orElseThrow(() -> new StorageException("Dataset " + dataset.id() + " has no verified copy on "
                        + step.sourceId() + " any more"));
        reading.makeOnline(source, CopyKeys.fileKeys(from, dataset));
        if (step.format() == CopyFormat.PLAIN) {
            copyPlain(dataset, from, source, target);
        } else {
            copyOcfl(dataset, from, source, target);
        }
        refreshLifecycle(dataset);
    }

    private void copyPlain(Dataset dataset, DatasetCopy from, StorageBackend source, StorageBackend target)
            throws StorageException, CatalogException, IOException {
        String prefix = dataset.content().location();
        copies.beginCopy(dataset.id(), target.capabilityId(), prefix, CopyFormat.PLAIN);
        faults.at("copy:after-begin");
        List<String> written = new ArrayList<>();
        List<Datafile> files = dataset.content().files();
        try (ReadBack readBack = readBack(target, files.size(), dataset)) {
            for (Datafile file : files) {
                String key = CopyKeys.key(CopyFormat.PLAIN, prefix, file);
                // The source is not digested on the way: what counts is the read-back, checked against the
                // catalogue, and an undecorated file stream lets a file-to-file put copy inside the kernel
                // (FileChannel.transferTo) instead of through Java buffers.
                try (InputStream in = reading.open(source, CopyKeys.key(from, file))) {
                    target.put(key, in);
                }
                written.add(key);
                faults.at("copy:after-put");
                readBack.submit(() -> verifyFile(dataset, file, target, key, source, from));
            }
            reading.makeOnline(target, written);
            readBack.finish();
            faults.at("copy:before-verified");
            copies.markVerified(dataset.id(), target.capabilityId(), clock.instant());
        } catch (StorageException | CatalogException | IOException | RuntimeException e) {
            // the read-back thread has stopped (try-with-resources closed it) before anything is deleted
            abandon(dataset, target, written, e);
            throw e;
        }
        LOG.info("Dataset {}: copy on {} written and verified ({} files)", dataset.id(), target.capabilityId(),
                written.size());
    }

    private void copyOcfl(Dataset dataset, DatasetCopy from, StorageBackend source, StorageBackend target)
            throws StorageException, CatalogException, IOException {
        prepareArchival(dataset);
        Path folder = staging.resolve(CopyKeys.safeName(dataset.id().value()) + "-" + UUID.randomUUID());
        try {
            Map<String, String> digests = stage(dataset, from, source, folder.resolve("content"));
            OcflPackager.Package pkg = packager.build(folder.resolve("content"), dataset.id().value(),
                    "Archived by DataSTaMP from " + source.capabilityId(), digests);
            String prefix = CopyKeys.OCFL_ROOT + "/" + pkg.objectRoot();
            copies.beginCopy(dataset.id(), target.capabilityId(), prefix, CopyFormat.OCFL);
            faults.at("copy:after-begin");
            List<String> written = new ArrayList<>();
            try (ReadBack readBack = readBack(target, pkg.objectFiles().size(), dataset)) {
                for (String f : pkg.rootFiles()) {
                    putOnce(target, CopyKeys.OCFL_ROOT + "/" + f, pkg, f);
                }
                for (String f : pkg.objectFiles()) {
                    String key = CopyKeys.OCFL_ROOT + "/" + f;
                    try (InputStream in = OcflPackager.open(pkg, f)) {
                        target.put(key, in);
                    }
                    written.add(key);
                    faults.at("copy:after-put");
                    readBack.submit(() -> verifyObject(dataset, target, pkg, digests, f));
                }
                reading.makeOnline(target, written);
                readBack.finish();
                faults.at("copy:before-verified");
                copies.markVerified(dataset.id(), target.capabilityId(), clock.instant());
            } catch (StorageException | CatalogException | IOException | RuntimeException e) {
                abandon(dataset, target, written, e);
                throw e;
            }
            LOG.info("Dataset {}: OCFL object {} on {} written and verified ({} objects)", dataset.id(), prefix,
                    target.capabilityId(), written.size());
        } finally {
            discardStaged(dataset);
            OcflPackager.deleteTree(folder);
        }
    }

    /** The staged object is no longer needed; if it cannot be removed, the next start clears the staging folder. */
    private void discardStaged(Dataset dataset) {
        try {
            packager.discard(dataset.id().value());
        } catch (StorageException e) {
            LOG.warn("Dataset {}: {}", dataset.id(), e.getMessage());
        }
    }

    /**
     * Lets other bundles (the logbook) add to the dataset's catalogue record before it is packaged. A failure stops
     * this copy before anything is written, so the next round packages the dataset with what was missing.
     */
    private void prepareArchival(Dataset dataset) throws StorageException {
        for (ArchivalPreparation preparation : preparations.get()) {
            try {
                preparation.beforeArchival(dataset.id().value());
            } catch (RuntimeException e) {
                throw new StorageException("Dataset " + dataset.id() + " is not archived yet: "
                        + preparation.getClass().getName() + " failed to prepare it (" + e + "); tried again next"
                        + " round", e);
            }
        }
    }

    /**
     * Puts the files into the staging folder as {@code data/<path>}, the dataset's catalogue attachments as
     * {@code attachments/<id>/<name>} and the catalogue record; returns the SHA-256 of each staged file by logical
     * path. Files the catalogue records with SHA-256 are staged without reading them (see {@link #stageFile}) and
     * take the catalogue's digest into the inventory: the upload is read back and compared with exactly these
     * digests, so a staged file that differs from the catalogue is never counted. Files recorded with another
     * algorithm are digested with both while staged.
     */
    private Map<String, String> stage(Dataset dataset, DatasetCopy from, StorageBackend source, Path content)
            throws StorageException, IOException {
        Map<String, String> digests = new java.util.LinkedHashMap<>();
        for (Datafile file : dataset.content().files()) {
            Path local = content.resolve(CopyKeys.DATA + file.path()).normalize();
            if (!local.startsWith(content)) {
                throw new StorageException("Dataset " + dataset.id() + ": file path " + file.path()
                        + " leaves the dataset");
            }
            Files.createDirectories(local.getParent());
            String key = CopyKeys.key(from, file);
            if (file.checksumAlgorithm().equalsIgnoreCase("SHA-256")) {
                stageFile(source, key, local);
                digests.put(CopyKeys.DATA + file.path(), file.checksum().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            // the OCFL inventory is SHA-256 whatever the catalogue's algorithm
            MessageDigest digest = Checksums.digest(file.checksumAlgorithm());
            MessageDigest inventoryDigest = Checksums.digest("SHA-256");
            try (InputStream in = new DigestInputStream(new DigestInputStream(reading.open(source, key), digest),
                    inventoryDigest)) {
                Files.copy(in, local);
            }
            requireChecksum(dataset, file, Checksums.hex(digest), source.capabilityId() + " (source)");
            digests.put(CopyKeys.DATA + file.path(), Checksums.hex(inventoryDigest));
        }
        List<DatasetJson.Attached> attached = stageAttachments(dataset, content, digests);
        byte[] record = DatasetJson.of(dataset, attached);
        Files.write(content.resolve(CopyKeys.METADATA), record);
        digests.put(CopyKeys.METADATA, Checksums.sha256(record));
        return digests;
    }

    /**
     * A hard link to the source's file when the source is a local folder on the staging folder's file system: no
     * byte is copied, and the link only ever moves (ocfl-java moves staged files into the object) and is deleted
     * with the staging folder, so the source file is never written through it. Otherwise a copy (in the kernel
     * where both ends are files).
     */
    private void stageFile(StorageBackend source, String key, Path local) throws StorageException, IOException {
        if (source instanceof LocalFileBackend files && !(source instanceof RecallableBackend)) {
            try {
                Files.createLink(local, files.localFile(key));
                return;
            } catch (IOException | UnsupportedOperationException e) {
                // another file system, or no hard links there: copied below
                Files.deleteIfExists(local);
            }
        }
        try (InputStream in = reading.open(source, key)) {
            Files.copy(in, local);
        }
    }

    /** Writes each attachment's content into the package; its description goes into the catalogue record. */
    private List<DatasetJson.Attached> stageAttachments(Dataset dataset, Path content, Map<String, String> digests)
            throws StorageException, IOException {
        List<DatasetJson.Attached> attached = new ArrayList<>();
        try {
            for (Attachment a : catalog.attachments(dataset.id())) {
                byte[] bytes = catalog.attachmentContent(a.id()).orElseThrow(() -> new StorageException("Dataset "
                        + dataset.id() + ": attachment " + a.id() + " (" + a.name() + ") has no content in the"
                        + " catalogue"));
                String path = CopyKeys.attachmentPath(a);
                Path local = content.resolve(path).normalize();
                if (!local.startsWith(content.resolve(CopyKeys.ATTACHMENTS))) {
                    throw new StorageException("Dataset " + dataset.id() + ": attachment " + a.id()
                            + " has a name that leaves the package: " + a.name());
                }
                Files.createDirectories(local.getParent());
                Files.write(local, bytes);
                String sha256 = Checksums.sha256(bytes);
                digests.put(path, sha256);
                attached.add(new DatasetJson.Attached(a, path, bytes.length, sha256));
            }
        } catch (CatalogException e) {
            throw new StorageException("Dataset " + dataset.id() + ": could not read its attachments from the"
                    + " catalogue: " + e.getMessage(), e);
        }
        return attached;
    }

    /**
     * Storage-root files (the OCFL declaration and layout) are shared by all objects: written by the first copy,
     * one worker at a time, so two packages do not race for them.
     */
    private void putOnce(StorageBackend target, String key, OcflPackager.Package pkg, String file)
            throws StorageException, IOException {
        synchronized (rootFiles) {
            if (target.contains(key)) {
                return;
            }
            try (InputStream in = OcflPackager.open(pkg, file)) {
                target.put(key, in);
            }
        }
    }

    /** The read-back of one copy: beside the writes, or after all of them on a tape target (one recall). */
    private static ReadBack readBack(StorageBackend target, int objects, Dataset dataset) {
        return target instanceof RecallableBackend ? ReadBack.deferred()
                : ReadBack.concurrent(objects, "datastamp-lifecycle-readback-" + dataset.id().value());
    }

    /**
     * Reads a written file back from the target and compares its digest with the catalogue's. On a mismatch the
     * source is digested too, so the message says which side is wrong (a rotten source is for the fixity audit to
     * repair; the copy is not counted either way).
     */
    private void verifyFile(Dataset dataset, Datafile file, StorageBackend target, String key,
            StorageBackend source, DatasetCopy from) throws StorageException, IOException {
        String actual = Checksums.of(reading.open(target, key), file.checksumAlgorithm());
        if (!Checksums.same(actual, file.checksum())) {
            requireChecksum(dataset, file, Checksums.of(reading.open(source, CopyKeys.key(from, file)),
                    file.checksumAlgorithm()), source.capabilityId() + " (source)");
            requireChecksum(dataset, file, actual, target.capabilityId() + " (read back)");
        }
    }

    /**
     * Reads one object of the package back and compares its SHA-256: a content file with the inventory's digest
     * (the catalogue's, or the one computed while staging), the small inventory and declaration files with the
     * staged file.
     */
    private void verifyObject(Dataset dataset, StorageBackend target, OcflPackager.Package pkg,
            Map<String, String> digests, String f) throws StorageException, IOException {
        String contentFolder = pkg.objectRoot() + CopyKeys.CONTENT;
        String expected = f.startsWith(contentFolder) ? digests.get(f.substring(contentFolder.length())) : null;
        if (expected == null) {
            expected = Checksums.of(OcflPackager.open(pkg, f), "SHA-256");
        }
        String actual = Checksums.of(reading.open(target, CopyKeys.OCFL_ROOT + "/" + f), "SHA-256");
        if (!Checksums.same(expected, actual)) {
            throw new StorageException("Dataset " + dataset.id() + ": " + f + " read back from "
                    + target.capabilityId() + " has SHA-256 " + actual + ", expected " + expected
                    + " (the inventory's digest)");
        }
    }

    private static void requireChecksum(Dataset dataset, Datafile file, String actual, String where)
            throws StorageException {
        if (!Checksums.same(actual, file.checksum())) {
            throw new StorageException("Dataset " + dataset.id() + ": " + file.path() + " on " + where + " has "
                    + file.checksumAlgorithm() + " " + actual + " but the catalogue records " + file.checksum());
        }
    }

    /** A failed copy: delete what was written, then forget the record. If deleting fails, recovery retries. */
    private void abandon(Dataset dataset, StorageBackend target, List<String> written, Exception failure) {
        try {
            for (String key : written) {
                deleteIfPresent(target, key);
            }
            copies.forget(dataset.id(), target.capabilityId());
        } catch (StorageException | CatalogException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("Dataset {}: the failed copy on {} stays recorded as writing; recovery deletes it later: {}",
                    dataset.id(), target.capabilityId(), e.toString());
        }
    }

    // --- release: recorded first, then deleted, then recorded purged

    private void release(Dataset dataset, Step.Release step) throws StorageException, CatalogException {
        StorageBackend backend = backend(step.backendId());
        DatasetCopy released = copies.release(dataset.id(), step.backendId(), step.othersRequired());
        faults.at("release:after-record");
        refreshLifecycle(dataset);
        purge(dataset, backend, released);
    }

    private void purge(Dataset dataset, StorageBackend backend, DatasetCopy copy)
            throws StorageException, CatalogException {
        int deleted = deleteCopyObjects(dataset, backend, copy);
        copies.markPurged(dataset.id(), copy.backendId(), clock.instant());
        LOG.info("Dataset {}: copy on {} released and deleted ({} objects)", dataset.id(), copy.backendId(), deleted);
    }

    // --- recovery of what a crash left

    /** Completes unfinished copies on backends registered now; returns what it did, one line each. */
    List<String> recover() throws CatalogException {
        List<String> done = new ArrayList<>();
        for (DatasetCopy copy : copies.unfinished()) {
            StorageBackend backend = backends.get().get(copy.backendId());
            if (backend == null) {
                continue;
            }
            try {
                Dataset dataset = catalog.find(copy.datasetId(), org.datastamp.catalog.api.Viewer.system())
                        .orElseThrow(() -> new StorageException("Dataset " + copy.datasetId() + " is gone"));
                if (copy.state() == CopyState.WRITING) {
                    int deleted = deleteCopyObjects(dataset, backend, copy);
                    copies.forget(copy.datasetId(), copy.backendId());
                    done.add(copy.datasetId() + " @ " + copy.backendId() + ": unfinished copy removed (" + deleted
                            + " objects)");
                } else {
                    purge(dataset, backend, copy);
                    done.add(copy.datasetId() + " @ " + copy.backendId() + ": release completed");
                }
                refreshLifecycle(dataset);
            } catch (StorageException | CatalogException | RuntimeException e) {
                done.add(copy.datasetId() + " @ " + copy.backendId() + ": recovery failed: " + e.getMessage());
                LOG.error("Dataset {}: could not recover the copy on {}: {}", copy.datasetId(), copy.backendId(),
                        e.toString());
            }
        }
        for (String line : done) {
            LOG.info("Recovery: {}", line);
        }
        return done;
    }

    /** Deletes every object of a copy that is still there; plain copies by key, OCFL objects by their folder. */
    private int deleteCopyObjects(Dataset dataset, StorageBackend backend, DatasetCopy copy)
            throws StorageException {
        List<String> keys = new ArrayList<>();
        if (copy.format() == CopyFormat.PLAIN) {
            keys.addAll(CopyKeys.fileKeys(copy, dataset));
        } else if (backend instanceof ManagedBackend managed) {
            for (ObjectInfo info : managed.list(copy.keyPrefix() + "/")) {
                keys.add(info.key());
            }
        }
        int deleted = 0;
        for (String key : keys) {
            faults.at("purge:before-delete");
            if (deleteIfPresent(backend, key)) {
                deleted++;
            }
        }
        return deleted;
    }

    private static boolean deleteIfPresent(StorageBackend backend, String key) throws StorageException {
        if (!(backend instanceof ManagedBackend managed)) {
            throw new StorageException("Backend " + backend.capabilityId() + " cannot delete objects (it is not a"
                    + " ManagedBackend); " + key + " stays");
        }
        if (!managed.contains(key)) {
            return false;
        }
        managed.delete(key);
        return true;
    }

    /** Writes the dataset's lifecycle (online, archived, tiers with a verified copy) from its copy records. */
    void refreshLifecycle(Dataset dataset) throws CatalogException {
        List<DatasetCopy> all = copies.copies(dataset.id());
        List<DatasetCopy> verified = all.stream().filter(c -> c.state() == CopyState.VERIFIED).toList();
        Map<String, StorageBackend> now = backends.get();
        boolean online = verified.stream().anyMatch(c -> now.containsKey(c.backendId())
                && !(now.get(c.backendId()) instanceof RecallableBackend));
        boolean archived = verified.stream().anyMatch(c -> c.format() == CopyFormat.OCFL);
        catalog.updateLifecycle(dataset.id(), new Lifecycle(online, archived,
                verified.stream().map(DatasetCopy::backendId).toList()));
    }

    private StorageBackend backend(String id) throws StorageException {
        StorageBackend backend = backends.get().get(id);
        if (backend == null) {
            throw new StorageException("Storage backend " + id + " is not available");
        }
        return backend;
    }
}
