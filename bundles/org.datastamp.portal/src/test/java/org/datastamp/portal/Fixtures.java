package org.datastamp.portal;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.Affiliation;
import org.datastamp.doi.api.Creator;
import org.datastamp.doi.api.DateType;
import org.datastamp.doi.api.Doi;
import org.datastamp.doi.api.DoiDate;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.RelatedIdentifier;
import org.datastamp.doi.api.Rights;
import org.datastamp.doi.api.Subject;

/**
 * A small published facility: DOI 10.80000/maxiv.dr-1 over a public dataset ds-1 (two files) and ds-2 whose
 * embargo still holds (published later than its DOI, e.g. a clock mismatch), and ds-3, public but never published.
 */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Doi DOI = new Doi("10.80000/maxiv.dr-1");

    final Map<DatasetId, Dataset> datasets = new LinkedHashMap<>();
    final List<MintRequest> registered = new ArrayList<>();

    Fixtures() {
        add("ds-1", "Lysozyme <290 K> & buffer", NOW.minusSeconds(60), DOI.value(), 0, List.of(
                new Datafile("scan.nxs", 123_456, "SHA-256", "ab".repeat(32), T0),
                new Datafile("processed/azimuthal int.h5", 2_048, "SHA-256", "cd".repeat(32), T0)));
        add("ds-2", "Still embargoed", NOW.plusSeconds(86_400), DOI.value(), 600, List.of());
        add("ds-3", "Public, no DOI", NOW.minusSeconds(60), "", 1200, List.of());
        registered.add(request("dr-1", DOI.value(), metadata("https://data.example.org/doi/" + DOI.value()),
                List.of(new DatasetId("ds-1"), new DatasetId("ds-2")), NOW.minusSeconds(30)));
    }

    private void add(String id, String title, Instant publicFrom, String doi, long offset, List<Datafile> files) {
        add(id, title, "CoSAXS", "SAXS", publicFrom, doi, offset, files);
    }

    /** Adds (or replaces) a dataset of an instrument and technique. */
    void add(String id, String title, String instrument, String technique, Instant publicFrom, String doi,
            long offset, List<Datafile> files) {
        NewDataset content = new NewDataset(title, DatasetType.RAW, instrument, "lysozyme", "raw/" + id,
                T0.plusSeconds(offset), T0.plusSeconds(offset + 300), files,
                List.of(new MetadataEntry("sample_temperature", 290.0, "K")), "", "20240123", "", "", technique,
                List.of("protein"), List.of());
        datasets.put(new DatasetId(id), new Dataset(new DatasetId(id), T0, content, Lifecycle.onHotDisk(),
                new DatasetAccess("20240123", instrument, publicFrom), doi));
    }

    /** The facility's instruments (names for OAI-PMH sets); nothing else is used. */
    FacilityDirectory directory() {
        return (FacilityDirectory) Proxy.newProxyInstance(FacilityDirectory.class.getClassLoader(),
                new Class<?>[] {FacilityDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("instruments")) {
                        return List.of(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS")),
                                new Instrument("Balder", "Balder XAS beamline", List.of("XAS")),
                                new Instrument("FemtoMAX", "FemtoMAX beamline", List.of("x-ray diffraction")));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static DoiMetadata metadata(String landingPage) {
        return new DoiMetadata(List.of(
                new Creator("Investigator, Pia", "Pia", "Investigator", "0000-0002-1825-0097",
                        List.of(new Affiliation("MAX IV Laboratory", "https://ror.org/05wv2vq37"))),
                new Creator("Ber, Mem", "Mem", "Ber", "", List.of(new Affiliation("Lund University", "")))),
                "Lysozyme <script>alert(1)</script> & \"friends\"", "MAX IV Laboratory", "https://ror.org/05wv2vq37",
                2026, "Temperature series of lysozyme.\nSecond line: 100% {braces} & $math$.",
                List.of(new Subject("SAXS", "technique", ""), Subject.keyword("protein")),
                List.of(new DoiDate("2026-03-01T08:00:00Z/2026-03-01T08:15:00Z", DateType.COLLECTED)),
                List.of(new RelatedIdentifier("10.1107/S1600577520000000", "DOI", "IsSupplementTo")), Rights.ccBy4(),
                landingPage);
    }

    static MintRequest request(String id, String doi, DoiMetadata metadata, List<DatasetId> datasets,
            Instant updated) {
        return new MintRequest(id, datasets, "pia", DoiRequestState.REGISTERED, doi, metadata, updated, updated,
                "cur", "", updated);
    }

    /** The catalogue's find with the access rule's public clause for anonymous viewers; nothing else is used. */
    Catalog catalog() {
        return (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        Dataset d = datasets.get((DatasetId) args[0]);
                        Viewer v = (Viewer) args[1];
                        boolean visible = d != null && (v.seesEverything() || !d.access().publicFrom().isAfter(NOW));
                        return visible ? Optional.of(d) : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The workflow's registered DOIs, listed oldest change first. */
    DoiMinting minting() {
        return (DoiMinting) Proxy.newProxyInstance(DoiMinting.class.getClassLoader(),
                new Class<?>[] {DoiMinting.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registered") && args.length == 1) {
                        return registered.stream().filter(r -> r.doi().equals(((Doi) args[0]).value())).findFirst();
                    }
                    if (method.getName().equals("registered")) {
                        Instant from = (Instant) args[0];
                        Instant until = (Instant) args[1];
                        return registered.stream()
                                .filter(r -> (from == null || !r.updated().isBefore(from))
                                        && (until == null || !r.updated().isAfter(until)))
                                .skip((Integer) args[2]).limit((Integer) args[3]).toList();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
