package org.datastamp.catalog.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.CopyState;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.DoiRequest;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.UnknownUnitException;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's behaviour, run on every database it supports: each subclass supplies an empty database per test.
 */
abstract class CatalogContract {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

    /** An empty database for one test. */
    abstract DataSource emptyDatabase() throws Exception;

    DataSource dataSource;
    MovableClock clock;
    JdbcCatalog catalog;

    @BeforeEach
    void openCatalog() throws Exception {
        dataSource = emptyDatabase();
        clock = new MovableClock(T0.plusSeconds(3600));
        catalog = open(dataSource);
    }

    JdbcCatalog open(DataSource ds) throws Exception {
        Database db = Database.of(ds);
        SchemaMigrations.migrate(db);
        return new JdbcCatalog(db, new FakeUnits(), Period.ofYears(3), clock);
    }

    // --- fixtures

    static Datafile file(String path) {
        return new Datafile(path, 1000, "SHA-256", "ab".repeat(32), T0.plusSeconds(20));
    }

    static NewDataset raw(String title, String proposalId, String instrument) {
        return new NewDataset(title, DatasetType.RAW, instrument, "lysozyme", "raw/" + title, T0, T0.plusSeconds(12),
                List.of(file("scan.nxs")), List.of(new MetadataEntry("sample_temperature", 40.0, "degC")), "",
                proposalId, "", "", "SAXS", List.of(), List.of());
    }

    static NewDataset withFiles(List<Datafile> files) {
        return new NewDataset("files", DatasetType.RAW, "CoSAXS", "", "raw/files", T0, T0, files, List.of());
    }

    static NewDataset withMetadata(List<MetadataEntry> metadata) {
        return new NewDataset("metadata", DatasetType.RAW, "CoSAXS", "", "raw/metadata", T0, T0, List.of(), metadata);
    }

    /** Proposal 20240123 (PI pia, member mem), staff stf of CoSAXS, curator cur, outsider out. */
    void people() throws Exception {
        catalog.saveInstrument(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS", "WAXS")));
        catalog.savePerson(new Person("pia", "Pia Investigator", "pia@example.org", "0000-0002-1825-0097",
                "Lund University", Set.of(Role.SCIENTIST), Set.of()));
        catalog.savePerson(new Person("mem", "Mem Ber", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        catalog.savePerson(new Person("stf", "Staff Person", "", "", "", Set.of(Role.BEAMLINE_STAFF),
                Set.of("CoSAXS")));
        catalog.savePerson(new Person("cur", "Cura Tor", "", "", "", Set.of(Role.CURATOR), Set.of()));
        catalog.savePerson(new Person("out", "Out Sider", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        catalog.saveProposal(new Proposal("20240123", "Protein folding", "We fold.", "pia", Set.of("mem"), null));
    }

    // --- round trips

    @Test
    void everyDirectoryEntityReadsBackAsSaved() throws Exception {
        people();
        Facility facility = catalog.saveFacility(new Facility("maxiv", "MAX IV Laboratory", "https://ror.org/0"));
        Session session = catalog.saveSession(new Session("s-1", "20240123", "CoSAXS", T0,
                T0.plus(Duration.ofHours(8))));
        catalog.saveSession(new Session("s-0", "20240123", "CoSAXS", T0.minusSeconds(86400), T0));
        Sample sample = catalog.saveSample(new Sample("smp-1", "lysozyme", "in buffer", "20240123"));
        Proposal embargoed = catalog.saveProposal(new Proposal("20240124", "Two", "", "pia", Set.of("mem", "out"),
                Period.ofMonths(18)));

        assertEquals(Optional.of(facility), catalog.facility());
        assertEquals(Optional.of(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS", "WAXS"))),
                catalog.instrument("CoSAXS"));
        assertEquals(List.of("CoSAXS"), catalog.instruments().stream().map(Instrument::id).toList());
        assertEquals(Optional.of(new Person("stf", "Staff Person", "", "", "", Set.of(Role.BEAMLINE_STAFF),
                Set.of("CoSAXS"))), catalog.person("stf"));
        assertEquals(Optional.of(new Proposal("20240123", "Protein folding", "We fold.", "pia", Set.of("mem"), null)),
                catalog.proposal("20240123"));
        assertEquals(Optional.of(embargoed), catalog.proposal("20240124"));
        assertEquals(Optional.of(session), catalog.session("s-1"));
        assertEquals(List.of("s-0", "s-1"), catalog.sessions("20240123").stream().map(Session::id).toList());
        assertEquals(Optional.of(sample), catalog.sample("smp-1"));
        assertEquals(Optional.empty(), catalog.person("nobody"));
        assertEquals(Optional.empty(), catalog.proposal("nothing"));

        catalog.savePerson(new Person("stf", "Staff Renamed", "", "", "", Set.of(Role.ADMIN), Set.of()));
        assertEquals("Staff Renamed", catalog.person("stf").orElseThrow().fullName());
        assertEquals(Set.of(Role.ADMIN), catalog.person("stf").orElseThrow().roles());

        assertEquals(Optional.empty(), catalog.passwordHash("pia"));
        catalog.setPasswordHash("pia", "$argon2id$v=19$hash");
        assertEquals(Optional.of("$argon2id$v=19$hash"), catalog.passwordHash("pia"));
        catalog.savePerson(new Person("pia", "Pia Investigator", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        assertEquals(Optional.of("$argon2id$v=19$hash"), catalog.passwordHash("pia"), "saving keeps the hash");
        assertEquals("username", assertThrows(InvalidInputException.class,
                () -> catalog.setPasswordHash("nobody", "x")).field());
        assertEquals("proposalId", assertThrows(InvalidInputException.class,
                () -> catalog.saveSession(new Session("s-9", "nope", "CoSAXS", T0, T0))).field());
    }

    @Test
    void aDatasetWithEveryFieldReadsBackAsRegistered() throws Exception {
        people();
        catalog.saveSession(new Session("s-1", "20240123", "CoSAXS", T0, T0.plusSeconds(3600)));
        catalog.saveSample(new Sample("smp-1", "lysozyme", "", "20240123"));
        Dataset input = catalog.register(raw("input", "20240123", "CoSAXS"));
        Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
        NewDataset content = new NewDataset("Reduced", DatasetType.DERIVED, "CoSAXS", "lysozyme", "proc/1",
                withNanos, withNanos.plusSeconds(60), List.of(file("a.h5"), new Datafile("b.txt", 0, "MD5",
                        "0123456789abcdef0123456789abcdef", withNanos)),
                List.of(new MetadataEntry("sample_temperature", 40.0, "degC"), new MetadataEntry("frames", 100, ""),
                        new MetadataEntry("beam_size", List.of(0.05, 2), "mm"), new MetadataEntry("ok", true, ""),
                        new MetadataEntry("mode", "fast", "")),
                "Radially averaged", "20240123", "s-1", "smp-1", "SAXS", List.of("protein", "folding"),
                List.of(input.id()));

        Dataset registered = catalog.register(new DatasetId("ds-reduced"), content);

        assertEquals(registered, catalog.find(registered.id(), Viewer.system()).orElseThrow());
        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), registered.content().startTime());
        assertEquals(List.of(new MetadataEntry("frames", 100L, ""), new MetadataEntry("beam_size",
                List.of(0.05, 2L), "mm")), registered.content().metadata().subList(1, 3));
        assertEquals(List.of(input.id()), registered.content().inputs());
        assertEquals(Lifecycle.onHotDisk(), registered.lifecycle());
        assertEquals("20240123", registered.access().proposalId());
        assertEquals(registered.content().endTime().atOffset(ZoneOffset.UTC).plusYears(3).toInstant(),
                registered.access().publicFrom(), "end time plus the default embargo");
        assertEquals(313.15, siValue("ds-reduced", 0), 1e-9, "40 degC is kept as 313.15 K");
        assertEquals(100.0, siValue("ds-reduced", 1), 0, "a number without unit is its own SI value");
        assertEquals(null, siObject("ds-reduced", 2), "lists keep no SI value (only single numbers do)");

        Lifecycle archived = new Lifecycle(false, true, List.of("tape"));
        catalog.updateLifecycle(registered.id(), archived);
        assertEquals(archived, catalog.find(registered.id(), Viewer.system()).orElseThrow().lifecycle());
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> catalog.updateLifecycle(new DatasetId("missing"), archived)).field());
    }

    // --- copies on storage backends (schema V9)

    @Test
    void aCopyGoesFromWritingToVerifiedToReleasedAndPurged() throws Exception {
        Dataset d = catalog.register(raw("copied", "", "CoSAXS"));
        catalog.adoptVerified(d.id(), "hot-disk", "raw/copied", T0);
        DatasetCopy writing = catalog.beginCopy(d.id(), "tape", "ocfl/ab/cd", CopyFormat.OCFL);
        assertEquals(CopyState.WRITING, writing.state());
        assertEquals(List.of(d.id() + "@tape"), catalog.unfinished().stream()
                .map(c -> c.datasetId() + "@" + c.backendId()).toList());

        catalog.markVerified(d.id(), "tape", T0.plusSeconds(5));
        DatasetCopy released = catalog.release(d.id(), "hot-disk", 1);
        assertEquals(CopyState.RELEASED, released.state());
        assertEquals(List.of("hot-disk"), catalog.unfinished().stream().map(DatasetCopy::backendId).toList());
        catalog.markPurged(d.id(), "hot-disk", T0.plusSeconds(6));

        assertEquals(List.of(), catalog.unfinished());
        List<DatasetCopy> copies = catalog.copies(d.id());
        assertEquals(List.of("hot-disk:RELEASED", "tape:VERIFIED"), copies.stream()
                .map(c -> c.backendId() + ":" + c.state()).toList());
        assertEquals(T0.plusSeconds(5), copies.get(1).verifiedAt());
        assertEquals(CopyFormat.OCFL, copies.get(1).format());
        assertEquals("ocfl/ab/cd", copies.get(1).keyPrefix());
        assertEquals(T0.plusSeconds(6), copies.get(0).purgedAt());
        assertEquals(Map.of(d.id(), copies), catalog.copies(List.of(d.id())));
    }

    @Test
    void aReleaseThatWouldLeaveTooFewVerifiedCopiesIsRefused() throws Exception {
        Dataset d = catalog.register(raw("single", "", "CoSAXS"));
        catalog.adoptVerified(d.id(), "hot-disk", "raw/single", T0);
        catalog.beginCopy(d.id(), "tape", "raw/single", CopyFormat.PLAIN);

        ConflictException refused = assertThrows(ConflictException.class, () -> catalog.release(d.id(), "hot-disk", 1));
        assertTrue(refused.getMessage().contains("only 0 verified copies on other backends"), refused.getMessage());
        assertEquals(CopyState.VERIFIED, catalog.copies(d.id()).get(0).state());
    }

    @Test
    void aSecondCopyOnTheSameBackendIsAConflictButAReleasedOneIsWrittenAgain() throws Exception {
        Dataset d = catalog.register(raw("again", "", "CoSAXS"));
        catalog.adoptVerified(d.id(), "hot-disk", "raw/again", T0);
        catalog.beginCopy(d.id(), "tape", "raw/again", CopyFormat.PLAIN);
        assertThrows(ConflictException.class, () -> catalog.beginCopy(d.id(), "tape", "raw/again", CopyFormat.PLAIN));
        catalog.markVerified(d.id(), "tape", T0);
        catalog.release(d.id(), "hot-disk", 1);
        catalog.markPurged(d.id(), "hot-disk", T0);

        DatasetCopy back = catalog.beginCopy(d.id(), "hot-disk", "raw/again", CopyFormat.PLAIN);

        assertEquals(CopyState.WRITING, back.state());
        assertEquals(null, back.purgedAt());
        catalog.forget(d.id(), "hot-disk");
        assertEquals(List.of("tape"), catalog.copies(d.id()).stream().map(DatasetCopy::backendId).toList());
    }

    @Test
    void copiesOfUnknownDatasetsAreRefusedByField() throws Exception {
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> catalog.beginCopy(new DatasetId("missing"), "tape", "x", CopyFormat.PLAIN)).field());
        assertEquals("id", assertThrows(InvalidInputException.class,
                () -> catalog.recordAccess(new DatasetId("missing"), T0)).field());
    }

    @Test
    void theLastAccessOnlyMovesForward() throws Exception {
        Dataset d = catalog.register(raw("read", "", "CoSAXS"));
        assertEquals(Optional.empty(), catalog.lastAccess(d.id()));
        catalog.recordAccess(d.id(), T0.plusSeconds(100));
        catalog.recordAccess(d.id(), T0.plusSeconds(50));
        assertEquals(Optional.of(T0.plusSeconds(100)), catalog.lastAccess(d.id()));
        catalog.recordAccess(d.id(), T0.plusSeconds(200));
        assertEquals(Optional.of(T0.plusSeconds(200)), catalog.lastAccess(d.id()));
    }

    private double siValue(String datasetId, int ordinal) throws Exception {
        Double si = siObject(datasetId, ordinal);
        assertTrue(si != null, "SI value of metadata " + datasetId + "/" + ordinal);
        return si;
    }

    private Double siObject(String datasetId, int ordinal) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT si_value FROM metadata_entry WHERE dataset_id = ? AND ordinal = ?")) {
            q.setString(1, datasetId);
            q.setInt(2, ordinal);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "metadata row " + datasetId + "/" + ordinal);
                return rs.getObject(1, Double.class);
            }
        }
    }

    @Test
    void attachmentsPublicationsAndPublishedDataReadBack() throws Exception {
        Dataset d = catalog.register(raw("one", "", "CoSAXS"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Attachment a = catalog.attach(new Attachment("att-1", d.id(), "setup.png", "image/png", "the setup", "pia",
                T0.plusNanos(999)), png);
        catalog.attach(new Attachment("att-2", d.id(), "notes.md", "text/markdown", "", "pia", T0.plusSeconds(5)),
                "# Notes".getBytes(StandardCharsets.UTF_8));
        Publication article = catalog.savePublication(new Publication("10.1107/S1600577520000001", "An article",
                List.of("Pia Investigator", "Mem Ber"), 2026, List.of(d.id())));
        PublishedData minted = catalog.publish(new PublishedData("10.5555/maxiv.1", "Data", List.of(d.id()),
                T0.plusSeconds(7200)));

        assertEquals(List.of(a, catalog.attachments(d.id()).get(1)), catalog.attachments(d.id()));
        assertEquals(T0, a.created(), "times to the microsecond");
        assertArrayEquals(png, catalog.attachmentContent("att-1").orElseThrow());
        assertEquals(Optional.empty(), catalog.attachmentContent("att-9"));
        assertEquals(List.of(article), catalog.publications(d.id()));
        assertEquals(Optional.of(minted), catalog.publishedData("10.5555/maxiv.1"));
        assertEquals("10.5555/maxiv.1", catalog.find(d.id(), Viewer.system()).orElseThrow().doi());
        assertEquals(minted, catalog.publish(minted), "publishing the same again is a no-op");
        assertThrows(ConflictException.class, () -> catalog.publish(new PublishedData("10.5555/maxiv.1", "Other",
                List.of(d.id()), T0)));
        assertEquals("content", assertThrows(InvalidInputException.class, () -> catalog.attach(new Attachment(
                "att-3", d.id(), "big.bin", "application/octet-stream", "", "pia", T0),
                new byte[JdbcCatalog.MAX_ATTACHMENT_BYTES + 1])).field());
        assertEquals("datasets[0]", assertThrows(InvalidInputException.class, () -> catalog.savePublication(
                new Publication("10.1107/x", "t", List.of(), 2026, List.of(new DatasetId("missing"))))).field());
    }

    // --- ingestion

    @Test
    void registeringTheSameContentUnderTheSameIdReturnsTheRecordedDataset() throws Exception {
        DatasetId id = new DatasetId("client-42");
        Dataset first = catalog.register(id, raw("one", "", "SimBeamline"));
        Dataset again = catalog.register(id, raw("one", "", "SimBeamline"));
        List<Dataset> batch = catalog.registerAll(List.of(new Ingest(id, raw("one", "", "SimBeamline")),
                new Ingest(new DatasetId("client-43"), raw("two", "", "SimBeamline"))));

        assertEquals(first, again);
        assertEquals(first, batch.get(0));
        assertEquals(2, catalog.count(Viewer.system()));
        assertEquals(Optional.of(new Instrument("SimBeamline", "SimBeamline", List.of())),
                catalog.instrument("SimBeamline"), "an unknown instrument is recorded by its id");
    }

    @Test
    void recordedTellsWhichIdsAreTakenWhoeverMaySeeThem() throws Exception {
        catalog.registerAll(List.of(new Ingest(new DatasetId("taken-1"), raw("one", "", "CoSAXS")),
                new Ingest(new DatasetId("taken-2"), raw("two", "", "CoSAXS"))));

        assertEquals(Set.of(new DatasetId("taken-1"), new DatasetId("taken-2")), catalog.recorded(List.of(
                new DatasetId("taken-1"), new DatasetId("free-1"), new DatasetId("taken-2"))));
        assertEquals(Set.of(), catalog.recorded(List.of(new DatasetId("free-2"))));
    }

    @Test
    void aBatchNamingTheSameIdTwiceWithOtherContentIsAConflict() {
        DatasetId id = new DatasetId("twice");
        assertThrows(ConflictException.class, () -> catalog.registerAll(List.of(
                new Ingest(id, raw("one", "", "CoSAXS")), new Ingest(id, raw("other", "", "CoSAXS")))));
    }

    @Test
    void differentContentUnderARecordedIdIsAConflictAndChangesNothing() throws Exception {
        DatasetId id = new DatasetId("client-42");
        Dataset first = catalog.register(id, raw("one", "", "CoSAXS"));

        assertThrows(ConflictException.class, () -> catalog.register(id, raw("changed", "", "CoSAXS")));
        ConflictException inBatch = assertThrows(ConflictException.class, () -> catalog.registerAll(List.of(
                new Ingest(new DatasetId("fresh"), raw("fresh", "", "CoSAXS")),
                new Ingest(id, raw("changed", "", "CoSAXS")))));

        assertTrue(inBatch.getMessage().startsWith("datasets[1].id: "), inBatch.getMessage());
        assertEquals(List.of(first), catalog.list(Viewer.system(), 0, 10));
    }

    @Test
    void anUnknownUnitIsRefusedNamingTheEntry() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog.register(withMetadata(
                List.of(new MetadataEntry("t", 1.0, "K"), new MetadataEntry("x", 2.0, "degK")))));
        assertEquals("metadata[1].unit", e.field());
        assertTrue(e.getMessage().contains("degK"), e.getMessage());

        InvalidInputException inList = assertThrows(InvalidInputException.class, () -> catalog.register(
                withMetadata(List.of(new MetadataEntry("sizes", List.of(1, 2), "furlong")))));
        assertEquals("metadata[0].unit", inList.field());
    }

    @Test
    void checksumsMustMatchTheirAlgorithm() throws Exception {
        assertEquals("files[0].checksum", assertThrows(InvalidInputException.class, () -> catalog.register(
                withFiles(List.of(new Datafile("a", 1, "SHA-256", "ab".repeat(31), T0))))).field());
        assertEquals("files[0].checksum", assertThrows(InvalidInputException.class, () -> catalog.register(
                withFiles(List.of(new Datafile("a", 1, "SHA-256", "AB".repeat(32), T0))))).field(),
                "upper-case hex");
        assertEquals("files[1].checksum", assertThrows(InvalidInputException.class, () -> catalog.register(
                withFiles(List.of(file("a"), new Datafile("b", 1, "MD5", "ab".repeat(32), T0))))).field());
        assertEquals("files[0].checksumAlgorithm", assertThrows(InvalidInputException.class, () -> catalog.register(
                withFiles(List.of(new Datafile("a", 1, "SHA-1", "ab".repeat(20), T0))))).field());
        catalog.register(withFiles(List.of(new Datafile("a", 1, "CRC32C", "0a1b2c3d", T0),
                new Datafile("b", 1, "xxh64", "0123456789abcdef", T0),
                new Datafile("c", 1, "MD5", "0123456789abcdef0123456789abcdef", T0))));
    }

    @Test
    void aPathListedTwiceInOneDatasetIsRefused() {
        assertEquals("files[2].path", assertThrows(InvalidInputException.class, () -> catalog.register(
                withFiles(List.of(file("a"), file("b"), file("a"))))).field());
    }

    @Test
    void referencesToUnrecordedProposalsSessionsSamplesAndInputsAreRefused() throws Exception {
        people();
        assertEquals("proposalId", refusedField(raw("x", "99999999", "CoSAXS")));
        assertEquals("sessionId", refusedField(new NewDataset("x", DatasetType.RAW, "CoSAXS", "", "l", T0, T0,
                List.of(), List.of(), "", "20240123", "s-404", "", "", List.of(), List.of())));
        assertEquals("sampleId", refusedField(new NewDataset("x", DatasetType.RAW, "CoSAXS", "", "l", T0, T0,
                List.of(), List.of(), "", "", "", "smp-404", "", List.of(), List.of())));
        assertEquals("inputs[0]", refusedField(new NewDataset("x", DatasetType.DERIVED, "CoSAXS", "", "l", T0, T0,
                List.of(), List.of(), "", "", "", "", "", List.of(), List.of(new DatasetId("ds-404")))));
        assertEquals(0, catalog.count(Viewer.system()));
    }

    private String refusedField(NewDataset d) {
        return assertThrows(InvalidInputException.class, () -> catalog.register(d)).field();
    }

    @Test
    void aBatchWithOneBadDatasetRecordsNone() throws Exception {
        List<Ingest> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(new Ingest(new DatasetId("b-" + i), raw("ok " + i, "", "CoSAXS")));
        }
        batch.add(new Ingest(new DatasetId("b-4"), withMetadata(List.of(new MetadataEntry("a", 1, "K"),
                new MetadataEntry("b", 1, "K"), new MetadataEntry("c", 1, "parsec")))));

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog.registerAll(batch));

        assertEquals("datasets[4].metadata[2].unit", e.field());
        assertEquals(0, catalog.count(Viewer.system()));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("dataset", "datafile", "metadata_entry", "instrument")) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), table + " must be empty after the refused batch");
                }
            }
        }
        assertEquals(List.of(), catalog.changesSince(0, 100));
    }

    @Test
    void aDerivedDatasetMayUseAnInputRecordedEarlierInTheSameBatch() throws Exception {
        NewDataset derived = new NewDataset("d", DatasetType.DERIVED, "CoSAXS", "", "p", T0, T0, List.of(),
                List.of(), "", "", "", "", "", List.of(), List.of(new DatasetId("raw-1")));
        List<Dataset> both = catalog.registerAll(List.of(new Ingest(new DatasetId("raw-1"), raw("r", "", "CoSAXS")),
                new Ingest(new DatasetId("derived-1"), derived)));
        assertEquals(List.of(new DatasetId("raw-1")), both.get(1).content().inputs());
    }

    @Test
    void derivedFromListsTheDatasetsMadeFromOneThatTheViewerMaySeeOldestFirst() throws Exception {
        people();
        Dataset input = catalog.register(raw("input", "20240123", "CoSAXS"));
        Dataset first = catalog.register(derived("first", "20240123", input.id(), input.id()));
        clock.set(T0.plusSeconds(7200));
        Dataset hidden = catalog.register(derived("hidden", "", input.id()));
        catalog.register(derived("unrelated", "20240123", catalog.register(raw("other", "20240123", "CoSAXS")).id()));

        assertEquals(List.of(first.id(), hidden.id()), catalog.derivedFrom(input.id(), Viewer.system()),
                "each once, oldest first");
        assertEquals(List.of(first.id()), catalog.derivedFrom(input.id(), catalog.viewer("mem")),
                "the access rule hides a derived dataset outside the viewer's proposals");
        assertEquals(List.of(), catalog.derivedFrom(first.id(), Viewer.system()));
    }

    static NewDataset derived(String title, String proposalId, DatasetId... inputs) {
        return new NewDataset(title, DatasetType.DERIVED, "FemtoMAX", "", "derived/" + title, T0, T0, List.of(),
                List.of(), "", proposalId, "", "", "", List.of(), List.of(inputs));
    }

    // --- the access rule

    @Test
    void theAccessRuleDecidesWhoSeesAnEmbargoedDataset() throws Exception {
        people();
        Dataset inProposal = catalog.register(raw("private", "20240123", "CoSAXS"));
        Dataset elsewhere = catalog.register(raw("other beamline", "20240123", "FemtoMAX"));

        Map<String, Viewer> viewers = Map.of("pia", catalog.viewer("pia"), "mem", catalog.viewer("mem"),
                "stf", catalog.viewer("stf"), "cur", catalog.viewer("cur"), "out", catalog.viewer("out"),
                "anonymous", Viewer.anonymous());
        Map<String, Long> expectedCounts = Map.of("pia", 2L, "mem", 2L, "stf", 1L, "cur", 2L, "out", 0L,
                "anonymous", 0L);
        for (var v : viewers.entrySet()) {
            long expected = expectedCounts.get(v.getKey());
            assertEquals(expected, catalog.count(v.getValue()), v.getKey() + " count");
            assertEquals(expected, catalog.list(v.getValue(), 0, 10).size(), v.getKey() + " list");
            assertEquals(expected > 0, catalog.find(inProposal.id(), v.getValue()).isPresent(), v.getKey() + " find");
        }
        assertEquals(List.of(inProposal), catalog.list(viewers.get("stf"), 0, 10));
        assertEquals(List.of(elsewhere, inProposal), catalog.list(viewers.get("mem"), 0, 10), "newest first");
    }

    @Test
    void everyoneSeesADatasetOnceItsEmbargoIsOver() throws Exception {
        people();
        Dataset d = catalog.register(raw("private", "20240123", "CoSAXS"));
        clock.set(d.access().publicFrom().minusSeconds(1));
        assertEquals(0, catalog.count(Viewer.anonymous()));

        clock.set(d.access().publicFrom());

        assertEquals(1, catalog.count(Viewer.anonymous()));
        assertEquals(Optional.of(d), catalog.find(d.id(), catalog.viewer("out")));
        assertEquals(List.of(d), catalog.list(Viewer.anonymous(), 0, 10));
    }

    @Test
    void aPublishedDatasetIsPublicFromItsDoiRegistration() throws Exception {
        people();
        Dataset d = catalog.register(raw("private", "20240123", "CoSAXS"));
        Instant registered = clock.instant().plusSeconds(60);

        catalog.publish(new PublishedData("10.5555/maxiv.7", "Data", List.of(d.id()), registered));

        assertEquals(0, catalog.count(Viewer.anonymous()), "not yet: the DOI registration time is ahead");
        clock.set(registered);
        Dataset published = catalog.find(d.id(), Viewer.anonymous()).orElseThrow();
        assertEquals(registered, published.access().publicFrom());
        assertEquals("10.5555/maxiv.7", published.doi());
    }

    @Test
    void changingAProposalsEmbargoChangesWhenItsDatasetsBecomePublic() throws Exception {
        people();
        Dataset d = catalog.register(raw("private", "20240123", "CoSAXS"));
        Proposal p = catalog.proposal("20240123").orElseThrow();

        catalog.saveProposal(new Proposal(p.id(), p.title(), p.abstractText(), p.principalInvestigator(),
                p.members(), Period.ZERO));

        Dataset now = catalog.find(d.id(), Viewer.anonymous()).orElseThrow();
        assertEquals(d.content().endTime(), now.access().publicFrom());

        catalog.saveProposal(new Proposal(p.id(), p.title(), p.abstractText(), p.principalInvestigator(),
                p.members(), Period.ofMonths(6)));
        assertEquals(d.content().endTime().atOffset(ZoneOffset.UTC).plusMonths(6).toInstant(),
                catalog.find(d.id(), Viewer.system()).orElseThrow().access().publicFrom());
        assertEquals(0, catalog.count(Viewer.anonymous()));
    }

    @Test
    void aViewerKnowsProposalsStaffInstrumentsAndCuratorRole() throws Exception {
        people();
        catalog.saveProposal(new Proposal("20240999", "Led by mem", "", "mem", Set.of(), null));

        assertEquals(new Viewer("mem", Set.of("20240123", "20240999"), Set.of(), false), catalog.viewer("mem"));
        assertEquals(new Viewer("pia", Set.of("20240123"), Set.of(), false), catalog.viewer("pia"));
        assertEquals(new Viewer("stf", Set.of(), Set.of("CoSAXS"), false), catalog.viewer("stf"));
        assertTrue(catalog.viewer("cur").seesEverything());
        assertEquals(new Viewer("stranger", Set.of(), Set.of(), false), catalog.viewer("stranger"));
    }

    // --- the change feed

    @Test
    void theChangeFeedListsEachDatasetOnceAtItsLatestChangeWithItsPeople() throws Exception {
        people();
        Dataset a = catalog.register(raw("a", "20240123", "CoSAXS"));
        Dataset b = catalog.register(raw("b", "", "CoSAXS"));
        List<DatasetChange> afterRegistering = catalog.changesSince(0, 100);
        catalog.updateLifecycle(a.id(), new Lifecycle(true, true, List.of("hot-disk", "tape")));

        List<DatasetChange> changes = catalog.changesSince(0, 100);

        assertEquals(List.of(a.id(), b.id()), afterRegistering.stream().map(c -> c.dataset().id()).toList());
        assertEquals(List.of(b.id(), a.id()), changes.stream().map(c -> c.dataset().id()).toList());
        assertTrue(changes.get(0).sequence() < changes.get(1).sequence());
        assertTrue(changes.get(1).dataset().lifecycle().archived());
        assertEquals(List.of("Pia Investigator", "Mem Ber"), changes.get(1).people());
        assertEquals(List.of(), changes.get(0).people());
        assertEquals(List.of(changes.get(1)), catalog.changesSince(changes.get(0).sequence(), 100));
        assertEquals(List.of(changes.get(0)), catalog.changesSince(0, 1));
        assertEquals(List.of(), catalog.changesSince(changes.get(1).sequence(), 100));

        catalog.publish(new PublishedData("10.5555/x.1", "t", List.of(b.id()), T0));
        assertEquals(List.of(b.id()), catalog.changesSince(changes.get(1).sequence(), 100).stream()
                .map(c -> c.dataset().id()).toList(), "publishing is a change");
    }

    // --- migrations

    /** Versions of the scripts this bundle ships (V1__..., V2__...), in order: every one is applied once. */
    static List<String> shippedVersions() throws Exception {
        return MigrationScripts.load().names().stream().map(n -> n.substring(1, n.indexOf("__")))
                .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        Dataset d = catalog.register(raw("kept", "", "CoSAXS"));
        JdbcCatalog reopened = open(dataSource);
        assertEquals(Optional.of(d), reopened.find(d.id(), Viewer.system()));
        assertEquals(shippedVersions(), appliedVersions());
    }

    @Test
    void aDatabaseOfRelease01IsTakenOverAndKeepsItsDatasets() throws Exception {
        DataSource old = emptyDatabase();
        try (Connection c = old.getConnection(); Statement s = c.createStatement()) {
            for (String statement : scriptStatements("/db/migration/V1__datasets.sql")) {
                s.execute(statement);
            }
            s.execute("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(200) NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 'datasets, datafiles, metadata',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
            s.execute("INSERT INTO dataset (id, title, dataset_type, instrument, sample_name, location, start_time,"
                    + " end_time, created) VALUES ('ds-old', 'Old scan', 'RAW', 'SimBeamline', '', 'raw/old',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:01:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 00:02:00+00')");
            s.execute("INSERT INTO metadata_entry (dataset_id, ordinal, name, value_type, number_value, unit)"
                    + " VALUES ('ds-old', 0, 'sample_temperature', 'number', 295.0, 'K')");
        }
        dataSource = old;

        JdbcCatalog taken = open(old);

        Dataset d = taken.find(new DatasetId("ds-old"), Viewer.system()).orElseThrow();
        assertEquals("Old scan", d.content().title());
        assertEquals(List.of(new MetadataEntry("sample_temperature", 295.0, "K")), d.content().metadata());
        assertEquals(Instant.parse("2028-01-01T00:01:00Z"), d.access().publicFrom(), "end + default embargo");
        assertEquals(List.of(d.id()), taken.changesSince(0, 10).stream().map(c -> c.dataset().id()).toList());
        assertEquals(shippedVersions(), appliedVersions());
        assertEquals("BASELINE", migrationType("1"), "version 1 was recorded, not run again");
        try (Connection c = old.getConnection()) {
            assertFalse(c.getMetaData().getTables(null, null, "schema_version", null).next()
                    || c.getMetaData().getTables(null, null, "SCHEMA_VERSION", null).next(),
                    "the old version table is gone");
        }
    }

    private List<String> appliedVersions() throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        return versions;
    }

    private String migrationType(String version) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT \"type\" FROM \"flyway_schema_history\" WHERE \"version\" = ?")) {
            q.setString(1, version);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    static List<String> scriptStatements(String resource) throws IOException {
        try (InputStream in = CatalogContract.class.getResourceAsStream(resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder sql = new StringBuilder();
            for (String line : script.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        }
    }

    // --- test doubles

    /** Knows K, degC, mm, m and s, like the units bundle does for these. */
    static final class FakeUnits implements UnitConverter {
        @Override
        public NormalizedQuantity normalize(double value, String unit) throws UnknownUnitException {
            return switch (unit) {
                case "" -> new NormalizedQuantity(value, "");
                case "K" -> new NormalizedQuantity(value, "K");
                case "degC" -> new NormalizedQuantity(value + 273.15, "K");
                case "mm" -> new NormalizedQuantity(value / 1000, "m");
                case "m" -> new NormalizedQuantity(value, "m");
                case "s" -> new NormalizedQuantity(value, "s");
                default -> throw new UnknownUnitException(unit, "Unknown unit '" + unit + "'");
            };
        }
    }

    /** A clock the test moves; each reading is one second after the previous, so records have distinct times. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            Instant t = now;
            now = now.plusSeconds(1);
            return t;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    // --- DOI requests (schema V10)

    private DoiRequest doiRequest(String id, Dataset... datasets) {
        return new DoiRequest(id, java.util.Arrays.stream(datasets).map(Dataset::id).toList(), "pia",
                DoiRequestState.REQUESTED, "", "{\"title\":\"T\"}", clock.instant(), null, "", "", clock.instant());
    }

    @Test
    void aDoiRequestIsKeptWithItsDatasetsInOrder() throws Exception {
        people();
        Dataset a = catalog.register(raw("a", "20240123", "CoSAXS"));
        Dataset b = catalog.register(raw("b", "20240123", "CoSAXS"));

        DoiRequest created = catalog.createDoiRequest(doiRequest("dr-1", b, a));

        assertEquals(Optional.of(created), catalog.doiRequest("dr-1"));
        assertEquals(List.of(b.id(), a.id()), catalog.doiRequest("dr-1").orElseThrow().datasets());
        assertThrows(ConflictException.class, () -> catalog.createDoiRequest(doiRequest("dr-1", a)));
    }

    @Test
    void aDoiRequestForAnUnrecordedDatasetNamesIt() throws Exception {
        people();
        Dataset a = catalog.register(raw("a", "20240123", "CoSAXS"));
        DoiRequest r = new DoiRequest("dr-2", List.of(a.id(), new DatasetId("nope")), "pia",
                DoiRequestState.REQUESTED, "", "{}", T0, null, "", "", T0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> catalog.createDoiRequest(r));
        assertTrue(e.getMessage().contains("datasets[1]"), e.getMessage());
        assertEquals(Optional.empty(), catalog.doiRequest("dr-2"));
    }

    @Test
    void aDoiRequestMovesOnlyFromTheStateItIsExpectedIn() throws Exception {
        people();
        Dataset a = catalog.register(raw("a", "20240123", "CoSAXS"));
        DoiRequest r = catalog.createDoiRequest(doiRequest("dr-3", a));
        DoiRequest approved = r.with(DoiRequestState.APPROVED, "10.80000/f.dr-3", clock.instant(), "cur", "",
                clock.instant());

        catalog.updateDoiRequest(approved, DoiRequestState.REQUESTED);

        assertEquals(Optional.of(approved), catalog.doiRequestByDoi("10.80000/f.dr-3"));
        ConflictException e = assertThrows(ConflictException.class, () -> catalog.updateDoiRequest(
                r.with(DoiRequestState.REJECTED, "", clock.instant(), "cur", "no", clock.instant()),
                DoiRequestState.REQUESTED));
        assertTrue(e.getMessage().contains("APPROVED now"), e.getMessage());
    }

    @Test
    void doiRequestsAreListedByStateRequesterAndUpdateTime() throws Exception {
        people();
        Dataset a = catalog.register(raw("a", "20240123", "CoSAXS"));
        catalog.createDoiRequest(doiRequest("dr-4", a));
        clock.set(clock.instant().plusSeconds(10));
        DoiRequest later = catalog.createDoiRequest(doiRequest("dr-5", a));

        assertEquals(2, catalog.doiRequests(DoiRequestState.REQUESTED, "pia", null, null, 0, 10).size());
        assertEquals(List.of(later), catalog.doiRequests(null, "", later.updated(), null, 0, 10));
        assertEquals(List.of(later), catalog.doiRequests(null, "", null, null, 1, 10));
        assertEquals(0, catalog.doiRequests(DoiRequestState.REGISTERED, "", null, null, 0, 10).size());
        assertEquals(0, catalog.doiRequests(null, "mem", null, null, 0, 10).size());
    }
}
