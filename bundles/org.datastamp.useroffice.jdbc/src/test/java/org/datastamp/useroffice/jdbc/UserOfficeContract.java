package org.datastamp.useroffice.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.datastamp.useroffice.api.Allocation;
import org.datastamp.useroffice.api.Hazard;
import org.datastamp.useroffice.api.ImportException;
import org.datastamp.useroffice.api.ImportReport;
import org.datastamp.useroffice.api.InvalidTransitionException;
import org.datastamp.useroffice.api.LabelFormat;
import org.datastamp.useroffice.api.NewShipment;
import org.datastamp.useroffice.api.NotPermittedException;
import org.datastamp.useroffice.api.SampleSheet;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentEvent;
import org.datastamp.useroffice.api.ShipmentStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** The user office on every database the catalogue supports. */
abstract class UserOfficeContract {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    abstract String emptyDatabase() throws Exception;

    FacilityDirectory directory;
    JdbcUserOffice office;
    DataSource dataSource;

    final Viewer curator = Viewer.system();
    final Viewer pia = new Viewer("pia", Set.of("P1"), Set.of(), false);
    final Viewer staff = new Viewer("stf", Set.of(), Set.of("CoSAXS"), false);
    final Viewer outsider = new Viewer("out", Set.of(), Set.of(), false);

    @BeforeEach
    void open() throws Exception {
        String url = emptyDatabase();
        dataSource = CatalogDatabases.migrated(url, url.startsWith("jdbc:postgresql") ? "postgres" : "datastamp", "");
        directory = (FacilityDirectory) CatalogDatabases.catalog(dataSource, (v, u) -> new NormalizedQuantity(v, u));
        office = new JdbcUserOffice(dataSource, directory, () -> List.of(new FileImporter()), Clock.systemUTC());
        directory.saveInstrument(new Instrument("CoSAXS", "CoSAXS", List.of("SAXS")));
        directory.saveProposal(new Proposal("P1", "Protein folding", "", "pia", Set.of("mem"), null));
        directory.saveSession(new Session("S1", "P1", "CoSAXS", T0, T0.plusSeconds(28_800)));
        directory.saveSession(new Session("S2", "P1", "CoSAXS", T0.plusSeconds(86_400), T0.plusSeconds(115_200)));
    }

    SampleSheet lysozyme() throws Exception {
        return office.registerSample(new SampleSheet(new Sample("smp-1", "Lysozyme", "", "P1"),
                "lysozyme 50 mg/ml in NaAc pH 4.5", Hazard.LOW, "gloves"), pia);
    }

    @Test
    void aBlockAllocationGroupsSessions() throws Exception {
        Allocation bag = office.saveAllocation(new Allocation("BAG-1", "P1", "CoSAXS", "BAG 2026", 6,
                Set.of("S1", "S2")), curator);
        assertEquals(List.of(bag), office.allocations("P1", pia));
        assertThrows(NotPermittedException.class, () -> office.saveAllocation(bag, pia));
        assertEquals(List.of(), office.allocations("P1", outsider));
    }

    @Test
    void samplesCarryCompositionSafetyAndAReadableQrLabel() throws Exception {
        SampleSheet sheet = lysozyme();
        assertEquals(Optional.of(sheet), office.sample("smp-1", pia));
        assertEquals("Lysozyme", directory.sample("smp-1").orElseThrow().name(), "the catalogue's sample");
        assertEquals(Optional.empty(), office.sample("smp-1", outsider));
        assertThrows(IllegalArgumentException.class, () -> new SampleSheet(new Sample("x", "x", "", "P1"), "Hg",
                Hazard.HIGH, ""), "hazardous samples need safety notes");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(office.label("smp-1", LabelFormat.PNG, pia)));
        int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(png.getWidth(), png.getHeight(), pixels)))).getText();
        assertEquals("sample:smp-1", decoded);
        byte[] pdf = office.label("smp-1", LabelFormat.PDF, pia);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void aShipmentFollowsItsLifecycleAndRecordsWhoMovedItWhen() throws Exception {
        lysozyme();
        Shipment created = office.createShipment(new NewShipment("SH-1", "P1", "CoSAXS", "DHL 123",
                List.of("smp-1")), pia);
        assertEquals(ShipmentStatus.CREATED, created.status());

        InvalidTransitionException skip = assertThrows(InvalidTransitionException.class,
                () -> office.advance("SH-1", ShipmentStatus.RECEIVED, "", staff));
        assertEquals("Shipment SH-1 is CREATED; it can become SENT next, not RECEIVED. Nothing was changed.",
                skip.getMessage());
        office.advance("SH-1", ShipmentStatus.SENT, "posted", pia);
        assertThrows(NotPermittedException.class, () -> office.advance("SH-1", ShipmentStatus.RECEIVED, "", pia),
                "the user does not receive their own parcel");
        assertEquals(List.of("SH-1"), office.queue("CoSAXS", staff).stream().map(Shipment::id).toList());
        office.advance("SH-1", ShipmentStatus.RECEIVED, "", staff);
        office.advance("SH-1", ShipmentStatus.MEASURED, "", staff);
        Shipment returned = office.advance("SH-1", ShipmentStatus.RETURNED, "sent back", staff);
        assertThrows(InvalidTransitionException.class,
                () -> office.advance("SH-1", ShipmentStatus.DISPOSED, "", staff), "returned is final");

        assertEquals(List.of(ShipmentStatus.CREATED, ShipmentStatus.SENT, ShipmentStatus.RECEIVED,
                ShipmentStatus.MEASURED, ShipmentStatus.RETURNED),
                returned.history().stream().map(ShipmentEvent::status).toList());
        assertEquals(List.of("pia", "pia", "stf", "stf", "stf"),
                returned.history().stream().map(ShipmentEvent::username).toList());
        assertEquals("sent back", returned.history().get(4).note());
        assertEquals(List.of(), office.queue("CoSAXS", staff), "the queue holds open shipments only");
        assertThrows(NotPermittedException.class, () -> office.queue("CoSAXS", pia));
    }

    @Test
    void aGoodImportWritesEverythingInOneGo() throws Exception {
        String csv = """
                kind,id,name,title,pi,members,proposal,instrument,start,end,composition,hazard,safety,shifts,sessions
                person,ada,Ada Lovelace,,,,,,,,,,,,
                proposal,P9,,Engines,ada,bob;cy,,,,,,,,,
                session,S9,,,,,P9,CoSAXS,2026-05-01T08:00:00Z,2026-05-01T16:00:00Z,,,,,
                sample,smp-9,Quartz,,,,P9,,,,SiO2,NONE,,,
                allocation,BAG-9,,Block,,,P9,CoSAXS,,,,,,3,S9
                """;
        ImportReport report = office.importFile("export.csv", csv.getBytes(StandardCharsets.UTF_8), curator);
        assertEquals(new ImportReport("file", 1, 1, 1, 1, 1), report);
        assertEquals(Set.of("bob", "cy"), directory.proposal("P9").orElseThrow().members());
        assertEquals("SiO2", office.sample("smp-9", curator).orElseThrow().composition());
        assertEquals(Set.of("S9"), office.allocations("P9", curator).get(0).sessionIds());
    }

    @Test
    void aMalformedImportReportsEveryBadLineAndWritesNothing() throws Exception {
        String json = """
                [
                  {"kind": "person", "id": "ada", "name": "Ada Lovelace"},
                  {"kind": "proposal", "id": "P9", "title": "Engines", "pi": "ada", "members": ["bob"]},
                  {"kind": "session", "id": "S9", "proposal": "P9", "instrument": "CoSAXS",
                   "start": "yesterday", "end": "2026-05-01T16:00:00Z"},
                  {"kind": "sample", "id": "smp-9", "name": "Mercury", "proposal": "P9", "composition": "Hg",
                   "hazard": "HIGH"},
                  {"kind": "sample", "id": "smp-8", "name": "Salt", "proposal": "NOPE", "composition": "NaCl"},
                  {"kind": "spaceship", "id": "x"}
                ]
                """;
        ImportException bad = assertThrows(ImportException.class, () -> office.importFile("export.json",
                json.getBytes(StandardCharsets.UTF_8), curator));
        assertEquals(List.of(4, 6, 9), bad.problems().stream().map(p -> p.line()).toList(), bad.getMessage());
        assertTrue(bad.getMessage().contains("line 4: 'start' value 'yesterday' is not an ISO-8601 instant"),
                bad.getMessage());
        assertEquals(Optional.empty(), directory.person("ada"), "nothing partial was written");
        assertEquals(Optional.empty(), directory.proposal("P9"));

        ImportException broken = assertThrows(ImportException.class, () -> office.importFile("export.json",
                "[{\"kind\": \"person\", \"id\": \"ada\", \"name\": \"A\"},\n{\"kind\": ".getBytes(
                        StandardCharsets.UTF_8), curator));
        assertEquals(2, broken.problems().get(0).line(), broken.getMessage());
        assertEquals(Optional.empty(), directory.person("ada"));

        ImportException reference = assertThrows(ImportException.class, () -> office.importFile("x.csv",
                "kind,id,name,proposal,composition\nsample,smp-7,Salt,NOPE,NaCl\n".getBytes(StandardCharsets.UTF_8),
                curator));
        assertEquals(2, reference.problems().get(0).line(), reference.getMessage());
        assertTrue(reference.getMessage().contains("no proposal 'NOPE'"), reference.getMessage());
        assertEquals(Optional.empty(), directory.sample("smp-7"));
        assertThrows(NotPermittedException.class, () -> office.importFile("x.csv", new byte[0], pia));
    }
}
