package org.datastamp.portal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.jdbc.CatalogComponent;
import org.datastamp.catalog.search.LuceneDatasetSearch;
import org.datastamp.catalog.units.IndriyaUnitConverter;
import org.datastamp.core.api.DataDirectory;
import org.osgi.framework.BundleContext;

/**
 * The real catalogue (embedded H2), Lucene search and unit converter in a test folder, with datasets shaped after the
 * PaNOSC search API's own test data: x-ray absorption on copper and iron, photon energies recorded in eV and keV,
 * temperatures in K, and one dataset still under embargo that no public endpoint may show.
 */
final class RealCatalog {

    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    static final String DOI = "10.80000/maxiv.dr-panosc";

    final IndriyaUnitConverter units = new IndriyaUnitConverter();
    final CatalogComponent catalog;
    final LuceneDatasetSearch search;

    RealCatalog(Path dir) throws Exception {
        catalog = new CatalogComponent(config(CatalogComponent.Config.class,
                Map.of("jdbcUrl", "jdbc:h2:file:" + dir.resolve("catalog/datastamp"))), context(dir), units);
        catalog.saveFacility(new Facility("maxiv", "MAX IV", "https://ror.org/05wv2vq37"));
        catalog.saveInstrument(new Instrument("Balder", "Balder XAS beamline", List.of("x-ray absorption")));
        catalog.saveInstrument(new Instrument("CoSAXS", "CoSAXS beamline", List.of("SAXS")));
        catalog.saveProposal(new Proposal("open", "Open proposal", "", "pia", Set.of(), Period.ZERO));
        catalog.saveProposal(new Proposal("closed", "Embargoed proposal", "", "pia", Set.of(), Period.ofYears(50)));
        Dataset copper = catalog.register(new DatasetId("ds-copper"), dataset("Copper foil XAS", "closed", "Balder",
                "x-ray absorption", "solid copper cylinder", List.of(
                        new MetadataEntry("photon_energy", 900.0, "eV"),
                        new MetadataEntry("chemical_formula", "Cu", ""),
                        new MetadataEntry("sample_state", "solid", ""),
                        new MetadataEntry("temperature", 300.0, "K")), "file1.nxs"));
        catalog.register(new DatasetId("ds-iron"), dataset("Iron oxide XAS", "open", "Balder", "x-ray absorption",
                "iron oxide powder", List.of(
                        new MetadataEntry("photon_energy", 1.2, "keV"),
                        new MetadataEntry("chemical_formula", "Fe2O3", ""),
                        new MetadataEntry("sample_state", "powder", ""),
                        new MetadataEntry("temperature", 360.0, "K")), "file2.nxs"));
        catalog.register(new DatasetId("ds-saxs"), dataset("Lysozyme SAXS", "open", "CoSAXS", "SAXS", "lysozyme",
                List.of(new MetadataEntry("photon_energy", 0.95, "keV")), "scan.nxs"));
        catalog.register(new DatasetId("ds-secret"), dataset("Secret copper XAS", "closed", "Balder",
                "x-ray absorption", "solid copper cylinder", List.of(new MetadataEntry("photon_energy", 900.0, "eV"),
                        new MetadataEntry("chemical_formula", "Cu", "")), "file1.nxs"));
        // the copper dataset of the embargoed proposal is public through its DOI
        catalog.publish(new PublishedData(DOI, "Copper XAS", List.of(copper.id()), T0.plusSeconds(86_400)));
        search = new LuceneDatasetSearch(catalog, units, config(LuceneDatasetSearch.Config.class,
                Map.of("pollIntervalMillis", 3_600_000L)), context(dir));
    }

    /**
     * Stops the search's indexer thread and closes the database, as SCR does on deactivation (their deactivate methods
     * are package-private, for SCR only, hence reflection).
     */
    void close() throws Exception {
        for (Object component : List.of(search, catalog)) {
            java.lang.reflect.Method deactivate = component.getClass().getDeclaredMethod("deactivate");
            deactivate.setAccessible(true);
            deactivate.invoke(component);
        }
    }

    private static NewDataset dataset(String title, String proposal, String instrument, String technique,
            String sample, List<MetadataEntry> metadata, String file) {
        return new NewDataset(title, DatasetType.RAW, instrument, sample, "raw/" + title.hashCode(), T0,
                T0.plusSeconds(600), List.of(new Datafile(file, 4096, "SHA-256", "ab".repeat(32), T0)), metadata, "",
                proposal, "", "", technique, List.of(), List.of());
    }

    /** A configuration as Configuration Admin gives it: the given values, else the declared defaults. */
    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = values.get(method.getName());
            return value != null ? value : method.getDefaultValue();
        });
    }

    private static BundleContext context(Path dir) {
        return (BundleContext) Proxy.newProxyInstance(RealCatalog.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty") && DataDirectory.PROPERTY.equals(args[0])) {
                        return dir.toString();
                    }
                    if (method.getName().equals("registerService")) {
                        return null; // the catalogue's DataSource: nothing here would use it
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
