package org.datastamp.storage.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.datastamp.storage.api.StorageException;

import io.ocfl.api.DigestAlgorithmRegistry;
import io.ocfl.api.OcflOption;
import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.ValidationResults;
import io.ocfl.api.model.VersionInfo;
import io.ocfl.core.OcflRepositoryBuilder;
import io.ocfl.core.extension.storage.layout.HashedNTupleLayoutExtension;
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;

/**
 * Builds a dataset's OCFL object with ocfl-java in a private staging storage root (so the library, not this code,
 * writes inventory, digests and layout), validates it, and lists its files for upload. Files are keyed relative to
 * the storage root, so on any backend the folder {@value CopyKeys#OCFL_ROOT} is itself a valid OCFL storage root
 * (layout extension 0004-hashed-n-tuple, SHA-256 digests: the inventory's digests are the catalogue's checksums).
 * One staging repository serves every package (setting one up cost about as much as building a small object); each
 * object is purged from it once uploaded, and the engine clears the staging folder on start.
 */
final class OcflPackager implements AutoCloseable {

    /** One built package in staging. */
    record Package(Path storageRoot, String objectRoot, List<String> objectFiles, List<String> rootFiles) {

        Path file(String relative) {
            return storageRoot.resolve(relative);
        }
    }

    private final Path root;
    private final Path work;
    private final HashedNTupleLayoutExtension layout = new HashedNTupleLayoutExtension();
    private OcflRepository repository;

    /** @param staging the engine's staging folder; the repository lives in two folders in it */
    OcflPackager(Path staging) {
        this.root = staging.resolve("ocfl-root");
        this.work = staging.resolve("ocfl-work");
        layout.init(new HashedNTupleLayoutConfig());
    }

    /** Opened on first use, so after the engine cleared the staging folder. */
    private synchronized OcflRepository repository() throws IOException {
        if (repository == null) {
            Files.createDirectories(root);
            Files.createDirectories(work);
            repository = new OcflRepositoryBuilder()
                    .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                    .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha256))
                    .storage(storage -> storage.fileSystem(root))
                    .workDir(work)
                    // the staged files' digests are the catalogue's, and the upload is read back against them
                    .verifyStaging(false)
                    .build();
        }
        return repository;
    }

    /**
     * @param content folder holding the logical files; they are moved into the object
     * @param sha256  the SHA-256 of every file under {@code content}, by logical path: handed to the library so it
     *                does not read each file again to digest it
     */
    Package build(Path content, String objectId, String message, Map<String, String> sha256)
            throws StorageException, IOException {
        try {
            OcflRepository repository = repository();
            if (repository.containsObject(objectId)) {
                // left by an attempt that failed before it was purged: start from version 1 again
                repository.purgeObject(objectId);
            }
            // moved, not copied, into the object (same file system); digests given, not computed again
            repository.updateObject(ObjectVersionId.head(objectId),
                    new VersionInfo().setMessage(message).setUser("DataSTaMP", null), updater -> {
                        for (Map.Entry<String, String> e : sha256.entrySet()) {
                            updater.unsafeAddPath(e.getValue(), content.resolve(e.getKey()), e.getKey(),
                                    OcflOption.MOVE_SOURCE);
                        }
                    });
            // structure, inventory and the content's digests as recorded; reading the content again would only
            // repeat what staging did, and the upload is read back and checked against these digests
            ValidationResults results = repository.validateObject(objectId, false);
            if (results.hasErrors()) {
                throw new StorageException("The OCFL object of " + objectId + " does not validate: "
                        + results.getErrors());
            }
        } catch (RuntimeException e) {
            // ocfl-java reports its failures as unchecked OcflExceptions
            throw new StorageException("Could not build the OCFL object of " + objectId + ": " + e.getMessage(), e);
        }
        return describe(objectId, layout.mapObjectId(objectId));
    }

    /** Removes an uploaded (or failed) object from the staging repository. */
    void discard(String objectId) throws StorageException {
        OcflRepository built;
        synchronized (this) {
            built = repository;
        }
        if (built == null) {
            return; // nothing was built yet
        }
        try {
            if (built.containsObject(objectId)) {
                built.purgeObject(objectId);
            }
        } catch (RuntimeException e) {
            throw new StorageException("Could not remove the staged OCFL object of " + objectId + " from " + root
                    + ": " + e.getMessage() + "; the engine clears the staging folder on its next start", e);
        }
    }

    @Override
    public synchronized void close() {
        if (repository != null) {
            repository.close();
            repository = null;
        }
    }

    /**
     * The object's files, and the storage root's own files (declaration, layout and its extension's configuration:
     * what lies directly in the root or under {@code extensions/}); other objects being built beside it are left out.
     */
    private Package describe(String objectId, String objectRoot) throws IOException, StorageException {
        Path object = root.resolve(objectRoot);
        if (!Files.isRegularFile(object.resolve("inventory.json"))) {
            throw new StorageException("ocfl-java wrote no object " + objectId + " under " + object);
        }
        List<String> objectFiles = relativeFiles(object, objectRoot + "/");
        List<String> rootFiles = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            for (Path p : top.filter(Files::isRegularFile).toList()) {
                rootFiles.add(p.getFileName().toString());
            }
        }
        if (Files.isDirectory(root.resolve("extensions"))) {
            rootFiles.addAll(relativeFiles(root.resolve("extensions"), "extensions/"));
        }
        // Inventory last: a reader that finds an inventory finds every content file it lists.
        objectFiles.sort(Comparator.comparing((String f) -> !f.contains("/v1/content/")).thenComparing(f -> f));
        rootFiles.sort(Comparator.naturalOrder());
        return new Package(root, objectRoot, objectFiles, rootFiles);
    }

    private static List<String> relativeFiles(Path folder, String prefix) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> prefix + folder.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
    }

    static InputStream open(Package p, String relative) throws IOException {
        return Files.newInputStream(p.file(relative));
    }

    /** Deletes a staging folder and everything in it. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
