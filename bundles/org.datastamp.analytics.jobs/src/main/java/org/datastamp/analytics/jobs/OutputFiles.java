package org.datastamp.analytics.jobs;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.storage.api.ManagedBackend;
import org.datastamp.storage.api.StorageBackend;
import org.datastamp.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's output: the plugin writes into an empty staging folder; the files it names are then stored in the output
 * tier under {@code derived/<year>/<job id>/} (the derived dataset's location, relative to the tier's root like a
 * scan's {@code raw/<year>/<scan id>}) with their size and SHA-256, as the scan service stores raw files.
 */
final class OutputFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OutputFiles.class);

    private final StorageBackend tier;
    private final String location;
    private final Path folder;
    private final List<String> stored = new ArrayList<>();

    /** Empties (or makes) the staging folder for the job. */
    OutputFiles(StorageBackend tier, Path staging, String jobId, Instant started) throws JobFailure {
        this.tier = tier;
        this.location = "derived/" + started.atZone(ZoneOffset.UTC).getYear() + "/" + jobId;
        this.folder = staging.resolve("analytics").resolve(jobId);
        try {
            deleteFolder();
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new JobFailure("Could not prepare the output folder " + folder + ": " + e.getMessage(), e);
        }
    }

    Path folder() {
        return folder;
    }

    String location() {
        return location;
    }

    /** Stores the named files in the tier; a failure removes what was stored. */
    List<Datafile> store(List<String> paths, Runnable checkCancelled) throws JobFailure {
        List<Datafile> files = new ArrayList<>();
        for (String path : paths) {
            checkCancelled.run();
            Path file = folder.resolve(path).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                throw new JobFailure("The plugin names output file '" + path + "' but did not write it in its output"
                        + " folder");
            }
            String key = location + "/" + path;
            try {
                MessageDigest digest = sha256();
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    tier.put(key, in);
                }
                stored.add(key);
                files.add(new Datafile(path, Files.size(file), "SHA-256", HexFormat.of().formatHex(digest.digest()),
                        Files.getLastModifiedTime(file).toInstant()));
            } catch (StorageException | IOException e) {
                throw new JobFailure("Could not store output file " + path + " as " + key + " in "
                        + tier.capabilityId() + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** Takes back the files stored so far (the job ends without a dataset) and empties the staging folder. */
    void discard() {
        for (String key : stored) {
            try {
                if (tier instanceof ManagedBackend managed) {
                    managed.delete(key);
                } else {
                    LOG.warn("Output {} of a job that made no dataset stays in {}: the tier cannot delete", key,
                            tier.capabilityId());
                }
            } catch (StorageException e) {
                LOG.warn("Output {} of a job that made no dataset stays in {}: {}", key, tier.capabilityId(),
                        e.getMessage());
            }
        }
        stored.clear();
    }

    /** Removes the staging folder (the stored files stay in the tier). */
    void clean() {
        try {
            deleteFolder();
        } catch (IOException e) {
            LOG.warn("Could not remove the staging folder {} of a finished job: {}", folder, e.toString());
        }
    }

    private void deleteFolder() throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
