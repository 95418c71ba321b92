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
import io.ocfl.core.extension.storage.layout.config.HashedNTupleLayoutConfig;

/**
 * Builds a dataset's OCFL object with ocfl-java in a private staging storage root (so the library, not this code,
 * writes inventory, digests and layout), validates it, and lists its files for upload. Files are keyed relative to
 * the storage root, so on any backend the folder {@value CopyKeys#OCFL_ROOT} is itself a valid OCFL storage root
 * (layout extension 0004-hashed-n-tuple, SHA-256 digests: the inventory's digests are the catalogue's checksums).
 */
final class OcflPackager {

    /** One built package in staging. */
    record Package(Path storageRoot, String objectRoot, List<String> objectFiles, List<String> rootFiles) {

        Path file(String relative) {
            return storageRoot.resolve(relative);
        }
    }

    private OcflPackager() {
    }

    /**
     * @param staging empty folder owned by this package; {@code content} in it holds the logical files already
     * @param sha256  the SHA-256 of every file under {@code content}, by logical path, already verified while the
     *                files were staged: handed to the library so it does not read each file again to digest it
     */
    static Package build(Path staging, String objectId, String message, Map<String, String> sha256)
            throws StorageException, IOException {
        Path content = staging.resolve("content");
        Path root = Files.createDirectories(staging.resolve("root"));
        Path work = Files.createDirectories(staging.resolve("work"));
        OcflRepository repository = new OcflRepositoryBuilder()
                .defaultLayoutConfig(new HashedNTupleLayoutConfig())
                .ocflConfig(config -> config.setDefaultDigestAlgorithm(DigestAlgorithmRegistry.sha256))
                .storage(storage -> storage.fileSystem(root))
                .workDir(work)
                // the staged files' digests were checked against the catalogue as they were written
                .verifyStaging(false)
                .build();
        try {
            // moved, not copied, into the object (same file system); digests given, not computed again
            repository.updateObject(ObjectVersionId.head(objectId),
                    new VersionInfo().setMessage(message).setUser("DataSTaMP", null), updater -> {
                        for (Map.Entry<String, String> e : sha256.entrySet()) {
                            updater.unsafeAddPath(e.getValue(), content.resolve(e.getKey()), e.getKey(),
                                    OcflOption.MOVE_SOURCE);
                        }
                    });
            // structure, inventory and the content's digests as recorded; reading the content again would only
            // repeat what staging checked, and the upload is read back and checked against the catalogue
            ValidationResults results = repository.validateObject(objectId, false);
            if (results.hasErrors()) {
                throw new StorageException("The OCFL object of " + objectId + " does not validate: "
                        + results.getErrors());
            }
        } catch (RuntimeException e) {
            // ocfl-java reports its failures as unchecked OcflExceptions
            throw new StorageException("Could not build the OCFL object of " + objectId + ": " + e.getMessage(), e);
        } finally {
            repository.close();
        }
        return describe(root);
    }

    private static Package describe(Path root) throws IOException, StorageException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
        String marker = files.stream().filter(f -> f.substring(f.lastIndexOf('/') + 1).startsWith("0=ocfl_object_"))
                .findFirst().orElseThrow(() -> new StorageException("ocfl-java wrote no object under " + root));
        String objectRoot = marker.substring(0, marker.lastIndexOf('/'));
        List<String> objectFiles = new ArrayList<>();
        List<String> rootFiles = new ArrayList<>();
        for (String f : files) {
            (f.startsWith(objectRoot + "/") ? objectFiles : rootFiles).add(f);
        }
        // Inventory last: a reader that finds an inventory finds every content file it lists.
        objectFiles.sort(Comparator.comparing((String f) -> !f.contains("/v1/content/")).thenComparing(f -> f));
        return new Package(root, objectRoot, objectFiles, rootFiles);
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
