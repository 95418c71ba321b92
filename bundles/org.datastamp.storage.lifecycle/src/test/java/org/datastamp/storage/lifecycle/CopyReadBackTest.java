package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.storage.api.LocalFileBackend;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.StorageException;
import org.datastamp.storage.api.StorageTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ocfl.api.OcflRepository;
import io.ocfl.core.OcflRepositoryBuilder;

/**
 * Copies to a tier that reads at once are read back beside the writes, and OCFL objects are staged from a local hot
 * tier without copying: neither may let a wrong copy count or touch the source.
 */
class CopyReadBackTest {

    @TempDir
    Path dir;

    /** The hot folder as a tier whose objects are local files (as the disk tier is). */
    static final class LocalFolder extends FolderBackend implements LocalFileBackend {
        LocalFolder(String id, Path root) {
            super(id, root, StorageTier.HOT_DISK);
        }

        @Override
        public Path localFile(String key) throws StorageException {
            return file(key);
        }
    }

    @Test
    void aPlainCopyToADiskTierThatDoesNotReadBackAsWrittenIsNeverCountedAndNothingOfItStays() throws Exception {
        try (Fixture f = new Fixture(dir)) {
            FolderBackend disk = new FolderBackend("disk", dir.resolve("disk"), StorageTier.CLOUD);
            disk.corruptWrites = true;
            f.backends.put("disk", disk);
            f.policy(Map.of("name", "second", "keepCopyOn", "disk", "minVerifiedCopies", "2",
                    "packageFormat", "plain"));
            Dataset d = f.dataset("scan-000003", "CoSAXS", 4, 3000);

            MigrationSummary round = f.engine.migrateNow();

            assertEquals(1, round.failed().size(), round.toString());
            assertTrue(round.failed().get(0).contains("disk (read back)"), round.failed().get(0));
            assertEquals(List.of("hot-disk"), f.copies.copies(d.id()).stream().map(c -> c.backendId()).toList());
            assertEquals(List.of(), disk.keys(), "what was written is deleted once the read-back stopped");
        }
    }

    @Test
    void ocflObjectsStagedFromALocalHotTierLeaveItsFilesUntouchedAndValidateWithTheirContent() throws Exception {
        List<Dataset> datasets = new ArrayList<>();
        try (Fixture f = new Fixture(dir)) {
            f.backends.put("hot-disk", new LocalFolder("hot-disk", f.hot.root));
            FolderBackend archive = new FolderBackend("archive", dir.resolve("archive"), StorageTier.CLOUD);
            f.backends.put("archive", archive);
            f.policy(Map.of("name", "archive", "keepCopyOn", "archive", "minVerifiedCopies", "2",
                    "packageFormat", "ocfl"));
            for (int i = 0; i < 4; i++) {
                datasets.add(f.dataset("scan-00010" + i, "CoSAXS", 3, 5000 + i));
            }

            MigrationSummary round = f.engine.migrateNow();

            assertEquals(4, round.copied().stream().filter(line -> line.endsWith("-> archive")).count(),
                    round.toString());
            assertEquals(List.of(), round.failed());
            for (Dataset d : datasets) {
                for (Datafile file : d.content().files()) {
                    Path hot = f.hot.root.resolve(d.content().location()).resolve(file.path());
                    assertEquals(file.checksum(), Fixture.sha256(Files.readAllBytes(hot)), hot.toString());
                    assertEquals(1, Files.getAttribute(hot, "unix:nlink"), "the staging link is gone: " + hot);
                }
            }
            try (Stream<Path> staged = Files.walk(dir.resolve("staging"))) {
                assertFalse(staged.anyMatch(p -> p.getFileName().toString().equals("inventory.json")),
                        "every object is purged from staging once uploaded");
            }
        }
        OcflRepository repository = new OcflRepositoryBuilder()
                .storage(s -> s.fileSystem(dir.resolve("archive").resolve("ocfl")))
                .workDir(Files.createDirectories(dir.resolve("reader-work"))).build();
        try {
            for (Dataset d : datasets) {
                // with content fixity: the inventory's digests (the catalogue's) match the uploaded bytes
                assertFalse(repository.validateObject(d.id().value(), true).hasErrors(),
                        repository.validateObject(d.id().value(), true).toString());
            }
        } finally {
            repository.close();
        }
    }
}
