package org.datastamp.acquisition.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last steps of a scan, shared by a normal scan and a recovery: copy its files from staging into the raw-data
 * tier with their SHA-256, record the dataset, then clear staging. Every failure says where the files are.
 */
final class DatasetRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetRecorder.class);

    private final ScanSettings settings;
    private final ScanResources resources;

    DatasetRecorder(ScanSettings settings, ScanResources resources) {
        this.settings = settings;
        this.resources = resources;
    }

    /** The storage folder of a scan's files: {@code raw/<year>/<scanId>}. */
    static String location(ScanId id, Instant start) {
        return "raw/" + start.atZone(ZoneOffset.UTC).getYear() + "/" + id.value();
    }

    /**
     * Stores each staged file as {@code <location>/<file name>}.
     *
     * @param modified the files' modification time to record, or {@code null} for each file's own
     * @param resume   a file already in the tier is taken as stored (a recovery interrupted after storing it; the
     *                 tier writes objects atomically); otherwise the tier refuses to overwrite it
     */
    List<Datafile> store(List<Path> staged, String location, Instant modified, boolean resume) throws ScanFailure {
        StorageBackend storage = resources.storage().orElseThrow(() -> new ScanFailure("Storage tier '"
                + settings.storageId() + "' is not available; " + kept(staged), null));
        List<Datafile> files = new ArrayList<>();
        for (Path file : staged) {
            String name = file.getFileName().toString();
            String key = location + "/" + name;
            try {
                boolean already = resume && storage.contains(key);
                String sha256 = already ? sha256(file) : put(storage, key, file);
                Instant time = modified != null ? modified : Files.getLastModifiedTime(file).toInstant();
                files.add(new Datafile(name, Files.size(file), "SHA-256", sha256, time));
            } catch (StorageException | IOException e) {
                throw new ScanFailure("Could not store the " + (name.endsWith(".nxs") ? "NeXus" : "data") + " file as "
                        + key + " in " + settings.storageId() + "; it is kept at " + file + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    private static String put(StorageBackend storage, String key, Path file) throws StorageException, IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            storage.put(key, in);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Records the dataset, under {@code id} if given (idempotent: the catalogue returns the recorded dataset when
     * the same content is registered again under the same id).
     */
    Dataset record(NewDataset dataset, Optional<DatasetId> id) throws ScanFailure {
        String where = "the files are stored in " + dataset.location() + " in " + settings.storageId();
        Catalog catalog = resources.catalog().orElseThrow(() -> new ScanFailure("No catalogue is available; " + where
                + " but are not recorded", null));
        try {
            return id.isPresent() ? catalog.register(id.get(), dataset) : catalog.register(dataset);
        } catch (CatalogException | RuntimeException e) {
            throw new ScanFailure(where + " but could not be recorded in the catalogue: " + e.getMessage(), e);
        }
    }

    /** Removes the staged copies once stored and recorded; a leftover wastes space but loses nothing. */
    void clearStaging(ScanId id, List<Path> staged) {
        for (Path file : staged) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Scan {}: stored {} but could not remove the staging copy: {}", id, file, e.toString());
            }
        }
    }

    static String kept(List<Path> staged) {
        return staged.size() == 1 ? "the NeXus file is kept at " + staged.get(0)
                : "the scan's files are kept at " + String.join(", ", staged.stream().map(Path::toString).toList());
    }
}
