package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.datastamp.catalog.api.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ocfl.api.OcflRepository;
import io.ocfl.api.model.ObjectVersionId;
import io.ocfl.api.model.OcflObjectVersion;
import io.ocfl.api.model.OcflObjectVersionFile;
import io.ocfl.core.OcflRepositoryBuilder;

/**
 * The archival package outlives this software: the tape tier's {@code ocfl} folder is read as an OCFL storage root
 * by ocfl-java alone (no DataSTaMP class below the setup), and yields the files and the catalogue record.
 */
class OcflPackageReadBackTest {

    @TempDir
    Path dir;

    @Test
    void theArchivedDatasetIsReadBackWithOcflJavaAloneWithItsFilesAndMetadata() throws Exception {
        String id;
        Map<String, String> expected = new java.util.HashMap<>();
        try (Fixture f = new Fixture(dir)) {
            f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "1",
                    "minVerifiedCopies", "1"));
            Dataset d = f.dataset("scan-000042", "CoSAXS", 3, 20_000);
            d.content().files().forEach(file -> expected.put("data/" + file.path(), file.checksum()));
            id = d.id().value();
            f.clock.advance(Duration.ofDays(2));
            f.engine.migrateNow();
        }

        // --- from here on only the OCFL library and a JSON parser
        Path storageRoot = dir.resolve("tape").resolve("ocfl");
        OcflRepository repository = new OcflRepositoryBuilder().storage(s -> s.fileSystem(storageRoot))
                .workDir(Files.createDirectories(dir.resolve("reader-work"))).build();
        try {
            assertTrue(repository.containsObject(id));
            assertFalse(repository.validateObject(id, true).hasErrors(), repository.validateObject(id, true)
                    .toString());
            OcflObjectVersion head = repository.getObject(ObjectVersionId.head(id));
            Set<String> paths = new TreeSet<>();
            for (OcflObjectVersionFile file : head.getFiles()) {
                paths.add(file.getPath());
                if (expected.containsKey(file.getPath())) {
                    try (InputStream in = file.getStream()) {
                        assertEquals(expected.get(file.getPath()), Fixture.sha256(in.readAllBytes()), file.getPath());
                    }
                }
            }
            Set<String> wanted = new TreeSet<>(expected.keySet());
            wanted.add("datastamp-dataset.json");
            assertEquals(wanted, paths);

            JsonNode record;
            try (InputStream in = head.getFile("datastamp-dataset.json").getStream()) {
                record = new ObjectMapper().readTree(in);
            }
            assertEquals(id, record.get("id").asText());
            assertEquals("CoSAXS", record.get("instrument").asText());
            assertEquals("scan-000042", record.get("title").asText());
            assertEquals(3, record.get("files").size());
            assertEquals(expected.get("data/scan-000042.nxs"), record.get("files").get(0).get("checksum").asText());
            assertEquals("sample_temperature", record.get("metadata").get(0).get("name").asText());
            assertEquals(295.0, record.get("metadata").get(0).get("value").asDouble());
        } finally {
            repository.close();
        }
    }
}
