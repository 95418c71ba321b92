package org.datastamp.catalog.jdbc;

import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.datastamp.catalog.api.CatalogException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLDatabaseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway and the scripts in {@code db/migration} ({@link MigrationScripts}). A database made by release 0.1's
 * own migrator (table {@code schema_version} at version 1) is taken over: Flyway records it as baseline 1 and goes on
 * from there.
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
            Flyway flyway = Flyway.configure(new PluginClassLoader(SchemaMigrations.class.getClassLoader()))
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

    /**
     * What Flyway loads its plugins through (ServiceLoader). In OSGi each of flyway-core,
     * flyway-database-postgresql and this bundle has its own class loader and the plugins' META-INF/services files are
     * not exported, so this loader asks all three: classes from the first that has them, resources from each. On a
     * plain class path (unit tests) the three are one loader and this changes nothing.
     */
    static final class PluginClassLoader extends ClassLoader {

        private final List<ClassLoader> loaders;

        PluginClassLoader(ClassLoader bundle) {
            super(null);
            Set<ClassLoader> distinct = new LinkedHashSet<>();
            distinct.add(bundle);
            distinct.add(Flyway.class.getClassLoader());
            distinct.add(PostgreSQLDatabaseType.class.getClassLoader());
            this.loaders = List.copyOf(distinct);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader loader : loaders) {
                try {
                    return loader.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // try the next bundle
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (ClassLoader loader : loaders) {
                URL url = loader.getResource(name);
                if (url != null) {
                    return url;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            Set<URL> urls = new LinkedHashSet<>();
            for (ClassLoader loader : loaders) {
                urls.addAll(Collections.list(loader.getResources(name)));
            }
            return Collections.enumeration(new ArrayList<>(urls));
        }
    }
}
