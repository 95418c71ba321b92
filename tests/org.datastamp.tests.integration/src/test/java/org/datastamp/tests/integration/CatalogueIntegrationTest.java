package org.datastamp.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Role;
import org.datastamp.catalog.api.Viewer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The catalogue bundle inside OSGi: Flyway migrates its schema (H2 by default, PostgreSQL when configured), and the
 * one component serves both the catalogue and the facility directory with the access rule.
 */
class CatalogueIntegrationTest {

    private static final String PID = "org.datastamp.catalog.jdbc";
    private static final Instant START = Instant.parse("2026-02-01T08:00:00Z");

    private final Platform platform = new Platform();

    @Test
    void theMigratedCatalogueServesTheDirectoryAndAppliesTheAccessRule() throws Exception {
        assertRecordsAndGuardsADataset(platform.service(Catalog.class, PID),
                platform.service(FacilityDirectory.class, PID), "h2");
    }

    @Test
    void aPostgresqlUrlMovesTheCatalogueToPostgresql() throws Exception {
        String database = "datastamp_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("postgres", "CREATE DATABASE " + database);
        ConfigurationAdmin configAdmin = platform.service(ConfigurationAdmin.class, "org.apache.felix.configadmin");
        Configuration configuration = configAdmin.getConfiguration(PID, "?");
        // On the fresh database the admin bootstrap gives admin a new password and rewrites this file; the H2
        // database keeps the old one, so the file is put back for the tests that sign in after this one.
        Path adminPassword = platform.dataDirectory().resolve("admin-password");
        Platform.await("the bootstrap admin password", Platform.SERVICE_TIMEOUT, () -> Files.isRegularFile(adminPassword));
        String h2AdminPassword = Files.readString(adminPassword);
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/" + database);
            properties.put("user", "postgres");
            configuration.update(properties);
            Platform.await("the catalogue to move to PostgreSQL", Duration.ofSeconds(30),
                    () -> "postgresql-catalog".equals(currentCatalog().map(Catalog::capabilityId).orElse("")));

            assertRecordsAndGuardsADataset(currentCatalog().orElseThrow(),
                    platform.service(FacilityDirectory.class, PID), "pg");
        } finally {
            configuration.delete();
            Platform.await("the catalogue to return to H2", Duration.ofSeconds(30),
                    () -> "embedded-catalog".equals(currentCatalog().map(Catalog::capabilityId).orElse("")));
            execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            Files.writeString(adminPassword, h2AdminPassword);
        }
    }

    private Optional<Catalog> currentCatalog() {
        ServiceReference<Catalog> ref = platform.context().getServiceReference(Catalog.class);
        return ref == null ? Optional.empty() : Optional.ofNullable(platform.context().getService(ref));
    }

    private static void execute(String database, String sql) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:5432/" + database);
        ds.setUser("postgres");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at 127.0.0.1:5432 (user postgres) is needed: " + e.getMessage(), e);
        }
    }

    /** Records a proposal's dataset and checks who sees it; ids carry a suffix so runs on one database do not clash. */
    private static void assertRecordsAndGuardsADataset(Catalog catalog, FacilityDirectory directory, String suffix)
            throws Exception {
        String proposal = "it-proposal-" + suffix;
        directory.saveInstrument(new Instrument("ITBeam", "Integration-test beamline", List.of("SAXS")));
        directory.savePerson(new Person("it-member-" + suffix, "Ida Member", "", "", "", Set.of(Role.SCIENTIST),
                Set.of()));
        directory.savePerson(new Person("it-outsider-" + suffix, "Otto Outsider", "", "", "",
                Set.of(Role.SCIENTIST), Set.of()));
        directory.saveProposal(new Proposal(proposal, "OSGi proposal", "", "it-member-" + suffix, Set.of(), null));
        NewDataset content = new NewDataset("OSGi scan", DatasetType.RAW, "ITBeam", "", "raw/it", START,
                START.plusSeconds(30), List.of(new Datafile("scan.nxs", 10, "SHA-256", "0f".repeat(32), START)),
                List.of(new MetadataEntry("exposure_time", 0.5, "s")), "", proposal, "", "", "SAXS", List.of(),
                List.of());

        Dataset recorded = catalog.register(new DatasetId("it-ds-" + suffix), content);

        assertEquals(Optional.of(recorded), catalog.find(recorded.id(),
                directory.viewer("it-member-" + suffix)));
        assertEquals(Optional.empty(), catalog.find(recorded.id(), directory.viewer("it-outsider-" + suffix)));
        assertEquals(Optional.empty(), catalog.find(recorded.id(), Viewer.anonymous()));
        assertTrue(catalog.changesSince(0, 1000).stream().anyMatch(c -> c.dataset().id().equals(recorded.id())
                && c.people().equals(List.of("Ida Member"))), "the change feed has the dataset with its people");
    }
}
