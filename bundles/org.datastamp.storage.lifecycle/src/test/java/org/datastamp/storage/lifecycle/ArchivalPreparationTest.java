package org.datastamp.storage.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.jdbc.LogbookComponent;
import org.datastamp.storage.api.MigrationSummary;
import org.datastamp.storage.api.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * Archival with the real logbook on the real catalogue: the logbook, as the lifecycle's archival preparation,
 * attaches its session's export to a dataset about to be archived, and the OCFL object holds every catalogue
 * attachment of the dataset with its description. Without a logbook, archival works with what the catalogue has.
 */
class ArchivalPreparationTest {

    @TempDir
    Path dir;

    Fixture f;
    final Viewer pia = new Viewer("pia", Set.of("P1"), Set.of(), false);

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(dir);
        FacilityDirectory directory = (FacilityDirectory) f.catalog;
        directory.saveInstrument(new Instrument("CoSAXS", "CoSAXS", List.of("SAXS")));
        directory.savePerson(new Person("pia", "Pia Investigator", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        directory.saveProposal(new Proposal("P1", "Protein folding", "", "pia", Set.of(), Period.ofYears(3)));
        directory.saveSession(new Session("S1", "P1", "CoSAXS", Fixture.T0.minusSeconds(3600),
                Fixture.T0.plusSeconds(8 * 3600)));
        f.policy(Map.of("name", "cold", "moveTo", "tape", "moveAfterDaysWithoutAccess", "1",
                "minVerifiedCopies", "1"));
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void theSessionsLogbookIsArchivedWithTheDatasetInItsOcflObjectAndAsCatalogueAttachments() throws Exception {
        LogbookComponent logbook = logbook();
        f.preparations.add(logbook);
        Dataset d = f.dataset("scan-000007", "CoSAXS", 2, 5_000, "P1", "S1");
        logbook.addNote("S1", "Beam **unstable** after the refill; sample moved by 2 mm", pia);
        Attachment photo = f.catalog.attach(new Attachment(UUID.randomUUID().toString(), d.id(), "stage photo.png",
                "image/png", "Sample stage", "pia", Instant.now()), png());

        MigrationSummary round = archive();

        assertEquals(List.of(), round.failed());
        assertTrue(round.copied().contains(d.id() + " -> tape"), round.toString());
        List<Attachment> inCatalogue = f.catalog.attachments(d.id());
        assertEquals(Set.of("stage photo.png", "logbook-S1.html", "logbook-S1.pdf"),
                inCatalogue.stream().map(Attachment::name).collect(Collectors.toSet()),
                "the export is attached in the catalogue");

        Map<String, byte[]> files = readOcflObject(d.id().value());
        String html = utf8(files.get(path(named(inCatalogue, "logbook-S1.html"))));
        assertTrue(html.contains("<strong>unstable</strong> after the refill"), html);
        assertTrue(html.contains("Logbook of session S1"), html);
        assertEquals("%PDF", new String(files.get(path(named(inCatalogue, "logbook-S1.pdf"))), 0, 4,
                StandardCharsets.US_ASCII));
        assertEquals(List.of(png().length), List.of(files.get(path(photo)).length), "the user's attachment too");

        JsonNode described = new ObjectMapper().readTree(files.get("datastamp-dataset.json")).get("attachments");
        assertEquals(3, described.size());
        for (int i = 0; i < 3; i++) {
            JsonNode a = described.get(i);
            Attachment expected = named(inCatalogue, a.get("name").asText());
            assertEquals(path(expected), a.get("path").asText());
            assertEquals(expected.name(), a.get("name").asText());
            assertEquals(expected.mediaType(), a.get("mediaType").asText());
            assertEquals(expected.caption(), a.get("caption").asText());
            assertEquals(expected.author(), a.get("author").asText());
            byte[] content = files.get(a.get("path").asText());
            assertEquals(Fixture.sha256(content), a.get("checksum").asText(), "the record's digest is the file's");
            assertEquals(content.length, a.get("size").asLong());
        }
        assertEquals("Sample stage", described.get(0).get("caption").asText());
    }

    @Test
    void withoutALogbookTheDatasetIsArchivedWithTheAttachmentsTheCatalogueHas() throws Exception {
        Dataset d = f.dataset("scan-000008", "CoSAXS", 1, 5_000, "P1", "S1");
        Attachment photo = f.catalog.attach(new Attachment(UUID.randomUUID().toString(), d.id(), "stage.png",
                "image/png", "", "pia", Instant.now()), png());

        MigrationSummary round = archive();

        assertEquals(List.of(), round.failed());
        assertTrue(round.copied().contains(d.id() + " -> tape"), round.toString());
        assertEquals(List.of("stage.png"), f.catalog.attachments(d.id()).stream().map(Attachment::name).toList());
        Map<String, byte[]> files = readOcflObject(d.id().value());
        assertEquals(Set.of("data/scan-000008.nxs", "datastamp-dataset.json", path(photo)), files.keySet());
    }

    @Test
    void aFailedPreparationLeavesTheDatasetUnarchivedUntilANextRoundSucceeds() throws Exception {
        Dataset d = f.dataset("scan-000009", "CoSAXS", 1, 5_000, "P1", "S1");
        AtomicInteger calls = new AtomicInteger();
        f.preparations.add(id -> {
            if (calls.incrementAndGet() == 1) {
                throw new StorageException("the logbook database is unreachable");
            }
        });

        MigrationSummary failed = archive();

        assertEquals(1, failed.failed().size(), failed.toString());
        assertTrue(failed.failed().get(0).contains(d.id().value())
                && failed.failed().get(0).contains("the logbook database is unreachable"), failed.toString());
        assertTrue(f.copies.copies(d.id()).stream().noneMatch(c -> c.backendId().equals("tape")),
                "no copy on tape is recorded");
        assertFalse(Files.exists(dir.resolve("tape").resolve("ocfl")), "nothing is written to tape");
        assertEquals(1, f.hot.keys().size(), "the hot copy stays");

        MigrationSummary next = f.engine.migrateNow();
        assertEquals(List.of(), next.failed());
        assertTrue(next.copied().contains(d.id() + " -> tape"), next.toString());
        assertEquals(2, calls.get());
    }

    private MigrationSummary archive() throws Exception {
        f.engine.migrateNow(); // adopts the ingest copy
        f.clock.advance(Duration.ofDays(2));
        return f.engine.migrateNow();
    }

    private LogbookComponent logbook() {
        return new LogbookComponent(new LogbookComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return LogbookComponent.Config.class;
            }

            @Override
            public int maxImageMegabytes() {
                return 10;
            }

            @Override
            public int thumbnailPixels() {
                return 64;
            }
        }, f.database, f.catalog, (FacilityDirectory) f.catalog);
    }

    /** Every file of the object's head version by logical path, read with ocfl-java alone. */
    private Map<String, byte[]> readOcflObject(String id) throws Exception {
        OcflRepository repository = new OcflRepositoryBuilder()
                .storage(s -> s.fileSystem(dir.resolve("tape").resolve("ocfl")))
                .workDir(Files.createDirectories(dir.resolve("reader-work"))).build();
        try {
            assertFalse(repository.validateObject(id, true).hasErrors(), repository.validateObject(id, true)
                    .toString());
            OcflObjectVersion head = repository.getObject(ObjectVersionId.head(id));
            Map<String, byte[]> files = new HashMap<>();
            for (OcflObjectVersionFile file : head.getFiles()) {
                try (InputStream in = file.getStream()) {
                    files.put(file.getPath(), in.readAllBytes());
                }
            }
            return files;
        } finally {
            repository.close();
        }
    }

    private static Attachment named(List<Attachment> attachments, String name) {
        return attachments.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private static String path(Attachment a) {
        return CopyKeys.attachmentPath(a);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] png() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 3,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
