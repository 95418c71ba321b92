package org.datastamp.ui.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatsTest {

    static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    static Dataset dataset(String id, String title) {
        NewDataset content = new NewDataset(title, DatasetType.RAW, "SimBeamline", "lysozyme", "hot/" + id, T0,
                T0.plusSeconds(5), List.of(new Datafile("scan.nxs", 1536, "SHA-256", "ab12", T0.plusSeconds(5))),
                List.of(new MetadataEntry("sample_temperature", 293.5, "K"),
                        new MetadataEntry("energies", List.of(1, 2.5), "keV")));
        return new Dataset(new DatasetId(id), T0.plusSeconds(6), content, Lifecycle.onHotDisk(),
                new DatasetAccess("", "SimBeamline", Instant.parse("2029-01-31T12:00:05Z")), "");
    }

    static SearchHit hit(String id, String title) {
        return new SearchHit(new DatasetId(id), title, "CoSAXS", "20240123", "SAXS", T0, 1536, 1f);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1536, 1.5 KiB", "1073741824, 1.0 GiB",
        "9223372036854775807, 8192.0 PiB"})
    void sizesUseBinaryUnits(long bytes, String expected) {
        assertEquals(expected, Formats.size(bytes));
    }

    @Test
    void timesAreUtc() {
        assertEquals("2026-01-31 12:00:06 UTC", Formats.time(T0.plusSeconds(6)));
    }

    @Test
    void detailPropertiesDescribeTheDataset() {
        List<String[]> rows = Formats.properties(DatasetDetail.of(dataset("ds-1", "Test")));

        assertArrayEquals(new String[] {"Id", "ds-1"}, rows.get(0));
        assertArrayEquals(new String[] {"Sample", "lysozyme"}, row(rows, "Sample"));
        assertArrayEquals(new String[] {"Proposal", ""}, row(rows, "Proposal"));
        assertArrayEquals(new String[] {"Size", "1.5 KiB in 1 file(s)"}, row(rows, "Size"));
        assertArrayEquals(new String[] {"Lifecycle", "online, not archived; tiers hot-disk"}, row(rows, "Lifecycle"));
        assertArrayEquals(new String[] {"Public from", "2029-01-31 12:00:05 UTC"}, row(rows, "Public from"));
    }

    @Test
    void detailNamesProposalSessionAndSampleFromTheDirectory() {
        NewDataset content = new NewDataset("Derived", DatasetType.DERIVED, "CoSAXS", "", "d/1", T0, T0, List.of(),
                List.of(), "", "20240123", "s-1", "smp-1", "SAXS", List.of("protein", "folding"),
                List.of(new DatasetId("ds-1")));
        Dataset dataset = new Dataset(new DatasetId("ds-2"), T0, content, new Lifecycle(false, true, List.of("tape")),
                new DatasetAccess("20240123", "CoSAXS", T0), "10.1234/x");
        DatasetDetail detail = new DatasetDetail(dataset,
                Optional.of(new Proposal("20240123", "Folding", "", "pi", Set.of(), null)),
                Optional.of(new Session("s-1", "20240123", "CoSAXS", T0, T0.plusSeconds(3600))),
                Optional.of(new Sample("smp-1", "lysozyme", "in buffer", "20240123")), List.of());

        List<String[]> rows = Formats.properties(detail);

        assertEquals("20240123: Folding (PI pi)", row(rows, "Proposal")[1]);
        assertEquals("s-1: CoSAXS, 2026-01-31 12:00:00 UTC to 2026-01-31 13:00:00 UTC", row(rows, "Session")[1]);
        assertEquals("lysozyme (smp-1): in buffer", row(rows, "Sample")[1]);
        assertEquals("protein, folding", row(rows, "Keywords")[1]);
        assertEquals("offline (recall needed), archived; tiers tape", row(rows, "Lifecycle")[1]);
        assertEquals("10.1234/x", row(rows, "DOI")[1]);
    }

    @Test
    void queryErrorsNamePositionAndReason() {
        assertEquals("Query error at position 5: unknown unit 'degK'", Formats.queryError(
                new QuerySyntaxException("t > 3 degK", 5, "unknown unit 'degK'")));
    }

    @Test
    void hitAndFacetRows() {
        assertArrayEquals(new String[] {"T", "CoSAXS", "20240123", "SAXS", "2026-01-31 12:00:00 UTC", "1.5 KiB"},
                Formats.hit(hit("ds-1", "T")));
        assertEquals("CoSAXS (12)", Formats.facetValue(new FacetValue("CoSAXS", 12)));
    }

    private static String[] row(List<String[]> rows, String name) {
        return rows.stream().filter(r -> r[0].equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void metadataAndFileRows() {
        Dataset dataset = dataset("ds-1", "Test");

        assertArrayEquals(new String[] {"sample_temperature", "293.5", "K"},
                Formats.metadata(dataset.content().metadata().get(0)));
        assertArrayEquals(new String[] {"energies", "[1, 2.5]", "keV"},
                Formats.metadata(dataset.content().metadata().get(1)));
        assertArrayEquals(new String[] {"scan.nxs", "1.5 KiB", "SHA-256:ab12"},
                Formats.file(dataset.content().files().get(0)));
    }

    @Test
    void scanLineShowsProgressThenDatasetOrError() {
        ScanRequest request = new ScanRequest("simulated-detector", 10, "T", "");
        ScanStatus running = new ScanStatus(new ScanId("scan-000003"), request, ScanState.RUNNING, 4,
                Optional.empty(), Optional.empty());
        ScanStatus done = new ScanStatus(new ScanId("scan-000003"), request, ScanState.COMPLETED, 10,
                Optional.of(new DatasetId("ds-7")), Optional.empty());
        ScanStatus failed = new ScanStatus(new ScanId("scan-000003"), request, ScanState.FAILED, 2,
                Optional.empty(), Optional.of("detector left"));

        assertEquals("scan-000003 RUNNING: 4 of 10 frames", Formats.scan(running));
        assertEquals("scan-000003 COMPLETED: 10 of 10 frames, dataset ds-7", Formats.scan(done));
        assertEquals("scan-000003 FAILED: 2 of 10 frames, failed: detector left", Formats.scan(failed));
        ScanStatus dropping = new ScanStatus(new ScanId("scan-000004"), request, ScanState.COMPLETED, 8,
                Optional.of(new DatasetId("ds-8")), Optional.empty(), 2);
        assertEquals("scan-000004 COMPLETED: 8 of 10 frames (2 dropped), dataset ds-8", Formats.scan(dropping));
        assertFalse(Formats.finished(running));
        assertTrue(Formats.finished(done));
        assertTrue(Formats.finished(failed));
    }

    @Test
    void frameCountAcceptsWholeNumbersInRange() {
        assertEquals(25, Formats.frameCount(" 25 ", 100));
        assertEquals(100, Formats.frameCount("100", 100));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "101", "-5", "ten", "2.5"})
    void frameCountRefusesOtherInputWithTheRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Formats.frameCount(text, 100));
        assertEquals("Frames must be a whole number from 1 to 100, not '" + text + "'", e.getMessage());
    }

    @Test
    void accessLinksOfferTheZipTheLandingPageAndEachPublicationEscaped() {
        Dataset plain = dataset("ds.1", "Test");
        String noDoi = Formats.accessLinks(DatasetDetail.of(plain));
        assertEquals("<a id=\"download-zip\" href=\"/api/v1/datasets/ds.1/download\" target=\"_blank\">Download all"
                + " (ZIP, " + Formats.size(plain.size()) + ")</a>", noDoi);

        Dataset published = new Dataset(plain.id(), T0, plain.content(), plain.lifecycle(), plain.access(),
                "10.1234/abc");
        String links = Formats.accessLinks(new DatasetDetail(published, Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Publication("10.5555/paper", "Folding <fast> & slow", List.of("A"), 2025,
                        List.of(plain.id())))));
        assertTrue(links.contains("<a id=\"landing-page\" href=\"/doi/10.1234/abc\""), links);
        assertTrue(links.contains("href=\"https://doi.org/10.5555/paper\""), links);
        assertTrue(links.contains("Publication: Folding &lt;fast&gt; &amp; slow (2025)"), links);
        assertFalse(links.contains("<fast>"), links);
    }

    @Test
    void fileLinksEncodeEachPathSegmentAndEscapeTheText() {
        String[] row = Formats.fileWithLink(new DatasetId("ds-1"), new Datafile("data/run 1&2.h5", 2048, "SHA-256",
                "ab".repeat(32), T0));
        assertEquals("<a href=\"/api/v1/datasets/ds-1/files/data/run%201%262.h5\" target=\"_blank\">data/run 1&amp;2.h5"
                + "</a>", row[0]);
        assertEquals("/api/v1/datasets/ds-1/files/a%25b/c%20d", Formats.fileUrl(new DatasetId("ds-1"), "a%b/c d"));
    }

    @Test
    void notebookStatesReadAsSentencesAndTheReadyOneLinksToTheNotebook() {
        DatasetId id = new DatasetId("ds-1");
        assertEquals("Starting your notebook server: 40 %, Pulling image &lt;latest&gt;", Formats.notebook(
                new NotebookSession(id, "ann", NotebookState.SPAWNING, 40, "", "Pulling image <latest>")));
        assertEquals("Recalling the data from tape first: 1 of 2 files online", Formats.notebook(
                new NotebookSession(id, "ann", NotebookState.RECALLING, 0, "", "1 of 2 files online")));
        assertEquals("Could not open a notebook: hub down", Formats.notebook(
                new NotebookSession(id, "ann", NotebookState.FAILED, 0, "", "hub down")));
        assertEquals("<a id=\"notebook-link\" href=\"https://hub/user/ann/lab/tree/datastamp/ds-1.ipynb\""
                + " target=\"_blank\">Open the notebook</a> (on ann's notebook server)",
                Formats.notebook(new NotebookSession(id, "ann", NotebookState.READY, 100,
                        "https://hub/user/ann/lab/tree/datastamp/ds-1.ipynb", "")));
    }
}
