package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway and the scripts in {@code db/migration} ({@link MigrationScripts}). A database made by release 0.1's
 * own migrator (table {@code schema_version} at version 1) is taken over: Flyway records it as baseline 1 and goes on
 * from there. In OSGi, Flyway finds its PostgreSQL plugin through the fragment org.datastamp.catalog.jdbc.flyway.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /** Migrates; returns the schema version now in place. */
    static String migrate(Database database) throws CatalogException {
        Optional<Integer> legacy = legacyVersion(database);
        if (legacy.isPresent() && legacy.get() != 1) {
            throw new CatalogException("The catalogue database is at release-0.1 schema version " + legacy.get()
                    + "; only version 1 can be taken over");
        }
        MigrationScripts scripts = MigrationScripts.load();
        try {
            Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                    .dataSource(database.dataSource())
                    .resourceProvider(scripts)
                    .javaMigrationClassProvider(scripts)
                    .table("flyway_schema_history")
                    .baselineOnMigrate(legacy.isPresent())
                    .baselineVersion(MigrationVersion.fromVersion("1"))
                    .baselineDescription("taken over from the release 0.1 migrator")
                    .validateMigrationNaming(true)
                    .load();
            MigrateResult result = flyway.migrate();
            String version = flyway.info().current().getVersion().getVersion();
            if (result.migrationsExecuted > 0 || legacy.isPresent()) {
                LOG.info("Catalogue schema migrated to version {} ({} migrations{})", version,
                        result.migrationsExecuted, legacy.isPresent() ? ", taken over from release 0.1" : "");
            }
            return version;
        } catch (FlywayException e) {
            throw new CatalogException("Could not bring the catalogue schema up to date: " + e.getMessage(), e);
        }
    }

    /** The version recorded by release 0.1's migrator, if this database was made by it and not yet taken over. */
    private static Optional<Integer> legacyVersion(Database database) throws CatalogException {
        try (Connection c = database.dataSource().getConnection()) {
            if (!hasTable(c, "flyway_schema_history") && hasTable(c, "schema_version")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    rs.next();
                    return Optional.of(rs.getInt(1));
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new CatalogException("Could not read the catalogue's schema version: " + e.getMessage(), e);
        }
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
        for (String candidate : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, candidate, new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase(c.getSchema())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
