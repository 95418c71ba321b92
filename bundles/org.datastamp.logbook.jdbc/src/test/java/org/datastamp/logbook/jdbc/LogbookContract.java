package org.datastamp.logbook.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.jdbc.CatalogDatabases;
import org.datastamp.logbook.api.AccessDeniedException;
import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.InvalidEntryException;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.NotFoundException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;
import org.datastamp.logbook.api.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The logbook's behaviour on every database the catalogue supports. */
abstract class LogbookContract {

    static final Instant T0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    /** JDBC URL of an empty database for one test. */
    abstract String emptyDatabase() throws Exception;

    Catalog catalog;
    FacilityDirectory directory;
    DataSource dataSource;
    JdbcLogbook logbook;
    ScanFeed feed;

    final Viewer pia = new Viewer("pia", Set.of("P1"), Set.of(), false);
    final Viewer staff = new Viewer("stf", Set.of(), Set.of("CoSAXS"), false);
    final Viewer outsider = new Viewer("out", Set.of(), Set.of(), false);

    @BeforeEach
    void open() throws Exception {
        String url = emptyDatabase();
        dataSource = CatalogDatabases.migrated(url, url.startsWith("jdbc:postgresql") ? "postgres" : "datastamp", "");
        catalog = CatalogDatabases.catalog(dataSource, (v, unit) -> new NormalizedQuantity(v, unit));
        directory = (FacilityDirectory) catalog;
        logbook = new JdbcLogbook(dataSource, catalog, directory, new ImageCheck(200_000, 64), Clock.systemUTC(),
                Optional::empty);
        feed = new ScanFeed(dataSource, catalog, "CoSAXS",
                ScanFeed.keyColumns(new String[] {"CoSAXS: sample_temperature, beam_energy"}), Clock.systemUTC());
        directory.saveInstrument(new Instrument("CoSAXS", "CoSAXS", List.of("SAXS")));
        directory.savePerson(new Person("pia", "Pia Investigator", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        directory.saveProposal(new Proposal("P1", "Protein folding", "", "pia", Set.of("mem"), Period.ofYears(3)));
        directory.saveSession(new Session("S1", "P1", "CoSAXS", T0, T0.plus(Duration.ofHours(8))));
    }

    /** Scan scan-00000N completed with a dataset in session S1, seen by the feed. */
    Dataset completedScan(int n) throws Exception {
        Dataset d = catalog.register(new NewDataset("Scan " + n, DatasetType.RAW, "CoSAXS", "lysozyme",
                "raw/" + n, T0.plusSeconds(60L * n), T0.plusSeconds(60L * n + 10), List.of(),
                List.of(new MetadataEntry("sample_temperature", 295.5, "K"), new MetadataEntry("beam_energy", 12.4,
                        "keV"), new MetadataEntry("other", 1.0, "")), "", "P1", "S1", "", "SAXS", List.of(),
                List.of()));
        feed.observe(List.of(new ScanStatus(new ScanId("scan-00000" + n), new ScanRequest("simulated-detector", 10,
                "Scan " + n, "lysozyme"), ScanState.COMPLETED, 10, Optional.of(d.id()), Optional.empty())));
        return d;
    }

    @Test
    void theScanFeedFillsTheOverviewWithTheBeamlinesKeyColumns() throws Exception {
        feed.observe(List.of(new ScanStatus(new ScanId("scan-000001"), new ScanRequest("simulated-detector", 10,
                "Scan 1", "lysozyme"), ScanState.RUNNING, 3, Optional.empty(), Optional.empty())));
        assertEquals("RUNNING", logbook.scans("S1", ScanFilter.all(), pia).get(0).status(),
                "a running scan is placed in the session on its instrument at this time");
        Dataset d = completedScan(1);

        List<ScanRow> rows = logbook.scans("S1", ScanFilter.all(), pia);
        assertEquals(1, rows.size());
        ScanRow row = rows.get(0);
        assertEquals("COMPLETED", row.status());
        assertEquals(d.id().value(), row.datasetId());
        assertEquals(T0.plusSeconds(60), row.started());
        assertEquals(Map.of("sample_temperature", "295.5 K", "beam_energy", "12.4 keV"), row.values());
        assertEquals("simulated-detector", row.type());
        assertEquals("lysozyme", row.sample());
    }

    @Test
    void scriptsInNotesAndCommentsAreNeutralised() throws Exception {
        completedScan(1);
        String attack = "Hello <script>window.xss=1</script> <img src=x onerror=\"window.xss=2\">"
                + " [click](javascript:window.xss=3) ![i](javascript:window.xss=4)"
                + " <a href=\"javascript:alert(5)\">a</a> <svg onload=alert(6)></svg> <iframe src=//evil></iframe>"
                + " <div style=\"background:url(javascript:alert(7))\">d</div>\n\n"
                + "<script>alert(8)</script>\n\n[ok](https://example.org) **bold**";
        LogEntry note = logbook.addNote("S1", attack, pia);
        LogEntry comment = logbook.comment("scan-000001", attack, staff);
        for (String html : List.of(note.html(), comment.html())) {
            assertNoActiveContent(html);
            assertTrue(html.contains("<a href=\"https://example.org\""), html);
            assertTrue(html.contains("<strong>bold</strong>"), html);
            assertTrue(html.contains("&lt;script&gt;"), "the attempt stays visible as text: " + html);
        }
        assertEquals(attack, note.markdown(), "the text is kept as written");
    }

    @Test
    void everyEditIsKeptAsANewVersion() throws Exception {
        LogEntry first = logbook.addNote("S1", "Beam is unstable", pia);
        LogEntry second = logbook.edit(first.id(), 1, "Beam is unstable since 14:00", staff);
        LogEntry third = logbook.edit(first.id(), 2, "Beam stable again", pia);

        assertEquals(3, third.version());
        assertEquals("pia", third.author());
        assertEquals("pia", third.editedBy());
        assertEquals("stf", second.editedBy());
        List<EntryVersion> history = logbook.history(first.id(), pia);
        assertEquals(List.of("Beam is unstable", "Beam is unstable since 14:00", "Beam stable again"),
                history.stream().map(EntryVersion::markdown).toList());
        assertEquals(List.of("pia", "stf", "pia"), history.stream().map(EntryVersion::author).toList());

        assertThrows(StaleVersionException.class, () -> logbook.edit(first.id(), 2, "lost?", staff),
                "an edit of an old version is refused");
        assertEquals(3, logbook.history(first.id(), pia).size(), "and wrote nothing");
        assertEquals(1, logbook.entries("S1", "", pia).size());
    }

    @Test
    void imagesAreCheckedByContentAndGetThumbnails() throws Exception {
        LogImage png = logbook.upload("S1", "setup.png", image("png", 300, 100), pia);
        assertEquals("image/png", png.mediaType());
        assertEquals(300, png.width());
        LogImage tiff = logbook.upload("S1", "detector.tif", image("tiff", 40, 20), pia);
        assertEquals("image/tiff", tiff.mediaType());
        LogImage jpeg = logbook.upload("S1", "photo", image("jpeg", 50, 50), pia);
        assertEquals("image/jpeg", jpeg.mediaType());

        BufferedImage thumb = ImageIO.read(new java.io.ByteArrayInputStream(
                logbook.image(png.id(), true, pia).orElseThrow().content()));
        assertEquals(64, thumb.getWidth(), "thumbnails fit the configured size");

        InvalidEntryException notAnImage = assertThrows(InvalidEntryException.class, () -> logbook.upload("S1",
                "evil.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), pia));
        assertTrue(notAnImage.getMessage().contains("PNG, JPEG and TIFF"), notAnImage.getMessage());
        byte[] damaged = image("png", 30, 30);
        java.util.Arrays.fill(damaged, 20, damaged.length, (byte) 0);
        assertThrows(InvalidEntryException.class, () -> logbook.upload("S1", "broken.png", damaged, pia));
        assertThrows(InvalidEntryException.class, () -> logbook.upload("S1", "big.png", bigPng(), pia));
        assertEquals(3, logbook.images("S1", pia).size(), "refused uploads store nothing");

        LogEntry note = logbook.addNote("S1", "![setup](image:" + png.id() + ") ![tif](image:" + tiff.id() + ")"
                + " ![gone](image:nope)", pia);
        assertTrue(note.html().contains("src=\"/api/v1/logbooks/images/" + png.id() + "\""), note.html());
        assertTrue(note.html().contains("src=\"/api/v1/logbooks/images/" + tiff.id() + "?thumbnail=true\""),
                note.html());
        assertTrue(note.html().contains("[missing image image:nope]"), note.html());
    }

    @Test
    void ratingsTagsAndSearchFilterTheOverview() throws Exception {
        completedScan(1);
        completedScan(2);
        logbook.rate("scan-000001", 5, pia);
        ScanRow rated = logbook.rate("scan-000001", 2, staff);
        assertEquals(3.5, rated.rating());
        assertEquals(2, rated.ratings());
        assertEquals(2, rated.myRating());
        assertEquals(4, logbook.rate("scan-000001", 4, staff).myRating(), "a new rating replaces one's own");
        assertThrows(InvalidEntryException.class, () -> logbook.rate("scan-000002", 6, pia));
        logbook.tag("scan-000002", Set.of("Best", "calibration"), Set.of(), pia);
        assertEquals(Set.of("calibration"), logbook.tag("scan-000002", Set.of(), Set.of("best"), pia).tags());
        assertThrows(InvalidEntryException.class, () -> logbook.tag("scan-000002", Set.of("<b>"), Set.of(), pia));
        logbook.comment("scan-000002", "Capillary **cracked**", pia);

        assertEquals(List.of("scan-000001"), ids(new ScanFilter("", "", 4, "")));
        assertEquals(List.of("scan-000002"), ids(new ScanFilter("", "calibration", 0, "")));
        assertEquals(List.of("scan-000002"), ids(new ScanFilter("cracked", "", 0, "")));
        assertEquals(List.of("scan-000002", "scan-000001"), ids(new ScanFilter("295.5", "", 0, "COMPLETED")));
        assertEquals(1, logbook.scans("S1", ScanFilter.all(), pia).get(0).comments());
    }

    private List<String> ids(ScanFilter filter) throws Exception {
        return logbook.scans("S1", filter, pia).stream().map(ScanRow::scanId).toList();
    }

    @Test
    void mentionsOfScansLinkToThem() throws Exception {
        completedScan(1);
        LogEntry note = logbook.addNote("S1", "Compare #scan-000001 with #scan-999999; `#scan-000001` in code", pia);
        assertTrue(note.html().contains("<a href=\"#scan-scan-000001\" class=\"scan-mention\">#scan-000001</a>"),
                note.html());
        assertFalse(note.html().contains("href=\"#scan-scan-999999\""), "unknown scans are not linked");
        assertTrue(note.html().contains("<code>#scan-000001</code>"), "code stays code: " + note.html());
    }

    @Test
    void aMentionAtTheEndOfTheTextIsLinkedToo() throws Exception {
        completedScan(1);
        LogEntry note = logbook.addNote("S1", "Good scan #scan-000001", pia);
        assertTrue(note.html().strip().endsWith("Good scan <a href=\"#scan-scan-000001\" class=\"scan-mention\">"
                + "#scan-000001</a></p>"), note.html());
    }

    @Test
    void outsidersReadOnlyWhatTheCatalogueShowsAndNeverWrite() throws Exception {
        completedScan(1);
        logbook.addNote("S1", "private plan", pia);
        assertThrows(NotFoundException.class, () -> logbook.scans("S1", ScanFilter.all(), outsider));
        assertThrows(NotFoundException.class, () -> logbook.entries("S1", "", Viewer.anonymous()));
        assertThrows(NotFoundException.class, () -> logbook.addNote("S1", "hi", outsider));

        directory.saveProposal(new Proposal("P1", "Protein folding", "", "pia", Set.of("mem"), Period.ZERO));
        assertEquals(1, logbook.scans("S1", ScanFilter.all(), outsider).size(), "public once the embargo is over");
        assertEquals(1, logbook.entries("S1", "", outsider).size());
        assertThrows(AccessDeniedException.class, () -> logbook.addNote("S1", "hi", outsider));
        assertThrows(AccessDeniedException.class, () -> logbook.rate("scan-000001", 1, outsider));
    }

    @Test
    void theExportStandsAloneAndIsAttachedToTheSessionsDatasets() throws Exception {
        Dataset d = completedScan(1);
        LogImage png = logbook.upload("S1", "setup.png", image("png", 20, 20), pia);
        logbook.addNote("S1", "Setup ![s](image:" + png.id() + ") <script>x()</script>", pia);
        logbook.comment("scan-000001", "nice", pia);
        logbook.rate("scan-000001", 4, pia);

        String html = new String(logbook.export("S1", ExportFormat.HTML, pia), StandardCharsets.UTF_8);
        assertTrue(html.contains("src=\"data:image/png;base64,"), "images inlined");
        assertFalse(html.contains("/api/v1/"), "nothing fetched from the server");
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("id=\"scan-scan-000001\"") && html.contains("4.0/5 (1)") && html.contains("nice"));
        byte[] pdf = logbook.export("S1", ExportFormat.PDF, pia);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));

        List<Attachment> attached = logbook.attachToDatasets("S1");
        assertEquals(List.of("logbook-S1.html", "logbook-S1.pdf"), attached.stream().map(Attachment::name).toList());
        assertEquals(2, catalog.attachments(d.id()).size());
        assertEquals("%PDF", new String(catalog.attachmentContent(attached.get(1).id()).orElseThrow(), 0, 4,
                StandardCharsets.US_ASCII));
    }

    @Test
    void beforeArchivalADatasetGetsTheCurrentExportOnceAndAnotherAfterTheLogbookChanged() throws Exception {
        Dataset archived = completedScan(1);
        Dataset other = completedScan(2);
        LogEntry note = logbook.addNote("S1", "Beam unstable", pia);

        List<Attachment> first = logbook.attachToDataset(archived.id().value());
        assertEquals(List.of("logbook-S1.html", "logbook-S1.pdf"), first.stream().map(Attachment::name).toList());
        assertEquals(List.of(), catalog.attachments(other.id()), "only the dataset being archived gets it");
        assertEquals(List.of(), logbook.attachToDataset(archived.id().value()),
                "archived again (another tier) with the logbook unchanged: nothing new");
        assertEquals(List.of(), logbook.attachToDatasets("S1").stream().filter(a -> a.datasetId()
                .equals(archived.id())).toList(), "the session-wide call skips it too");

        logbook.edit(note.id(), 1, "Beam stable again", staff);
        List<Attachment> second = logbook.attachToDataset(archived.id().value());
        assertEquals(2, second.size());
        assertTrue(new String(catalog.attachmentContent(second.get(0).id()).orElseThrow(), StandardCharsets.UTF_8)
                .contains("Beam stable again"));
        assertEquals(4, catalog.attachments(archived.id()).size(), "the earlier export stays beside the newer");

        Dataset noSession = catalog.register(new NewDataset("Calibration", DatasetType.RAW, "CoSAXS", "AgBeh",
                "raw/cal", T0, T0.plusSeconds(5), List.of(), List.of(), "", "", "", "", "SAXS", List.of(),
                List.of()));
        assertEquals(List.of(), logbook.attachToDataset(noSession.id().value()), "a dataset of no session");
    }

    /** No element that runs code: no script, frame, SVG or style; no on* handler; no javascript: address. */
    static void assertNoActiveContent(String html) {
        for (org.jsoup.nodes.Element e : org.jsoup.Jsoup.parseBodyFragment(html).body().getAllElements()) {
            assertFalse(List.of("script", "iframe", "svg", "style", "object", "embed").contains(e.normalName()),
                    e.normalName() + " element survived in " + html);
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on") || a.getKey().equalsIgnoreCase("style"),
                        a.getKey() + " attribute survived in " + html);
                assertFalse(a.getValue().toLowerCase().replaceAll("\\s", "").startsWith("javascript:"),
                        a + " survived in " + html);
            }
        }
    }

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xFF8800);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    /** A PNG over the test's 200,000-byte limit: noise does not compress. */
    static byte[] bigPng() throws Exception {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int x = 0; x < 400; x++) {
            for (int y = 0; y < 400; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
