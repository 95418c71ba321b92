package org.datastamp.doi.minting;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.jdbc.CatalogComponent;

/**
 * The real catalogue on an embedded H2 database in a test folder, with a small facility: proposal 20240123 (PI pia
 * with ORCID, member mem), staff stf of CoSAXS, curator cur, outsider out, and two embargoed datasets.
 */
final class TestCatalog {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final CatalogComponent catalog;
    final Dataset first;
    final Dataset second;
    final Dataset foreign;

    TestCatalog(Path dir) throws CatalogException {
        catalog = new CatalogComponent(config("jdbc:h2:file:" + dir.resolve("catalog/datastamp")), null,
                (value, unit) -> new NormalizedQuantity(value, unit));
        catalog.saveFacility(new Facility("maxiv", "MAX IV Laboratory", "https://ror.org/05wv2vq37"));
        catalog.saveInstrument(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS")));
        catalog.savePerson(new Person("pia", "Pia Investigator", "pia@example.org", "0000-0002-1825-0097",
                "MAX IV Laboratory", Set.of(Role.SCIENTIST), Set.of()));
        catalog.savePerson(new Person("mem", "Mem Ber", "", "", "Lund University", Set.of(Role.SCIENTIST), Set.of()));
        catalog.savePerson(new Person("stf", "Staff Person", "", "", "", Set.of(Role.BEAMLINE_STAFF),
                Set.of("CoSAXS")));
        catalog.savePerson(new Person("cur", "Cura Tor", "", "", "", Set.of(Role.CURATOR), Set.of()));
        catalog.savePerson(new Person("out", "Out Sider", "", "", "", Set.of(Role.SCIENTIST), Set.of()));
        catalog.saveProposal(new Proposal("20240123", "Protein folding", "We fold proteins.", "pia", Set.of("mem"),
                null));
        catalog.saveProposal(new Proposal("20249999", "Other", "", "out", Set.of(), null));
        first = catalog.register(new DatasetId("ds-1"), dataset("Lysozyme 290 K", "20240123", 0));
        second = catalog.register(new DatasetId("ds-2"), dataset("Lysozyme 320 K", "20240123", 3600));
        foreign = catalog.register(new DatasetId("ds-3"), dataset("Someone else's", "20249999", 0));
        catalog.savePublication(new Publication("10.1107/S1600577520000000", "Folding", List.of("Pia Investigator"),
                2026, List.of(first.id())));
    }

    static NewDataset dataset(String title, String proposal, long offsetSeconds) {
        return new NewDataset(title, DatasetType.RAW, "CoSAXS", "lysozyme", "raw/" + title.hashCode(),
                T0.plusSeconds(offsetSeconds), T0.plusSeconds(offsetSeconds + 600),
                List.of(new Datafile("scan.nxs", 1234, "SHA-256", "ab".repeat(32), T0)),
                List.of(new MetadataEntry("sample_temperature", 290.0, "K")), "", proposal, "", "", "SAXS",
                List.of("protein"), List.of());
    }

    private static CatalogComponent.Config config(String url) {
        return new CatalogComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CatalogComponent.Config.class;
            }

            @Override
            public String jdbcUrl() {
                return url;
            }

            @Override
            public String user() {
                return "datastamp";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public String defaultEmbargo() {
                return "P3Y";
            }

            @Override
            public int maxConnections() {
                return 2;
            }
        };
    }
}
