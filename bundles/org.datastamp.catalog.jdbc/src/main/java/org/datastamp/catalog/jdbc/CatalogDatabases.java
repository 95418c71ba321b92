package org.datastamp.catalog.jdbc;

import java.time.Clock;
import java.time.Period;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.UnitConverter;

/**
 * Opens a catalogue database with its schema brought up to date, outside OSGi: for the unit tests of the bundles
 * whose tables live in the catalogue's schema (logbook, user office), which reach this class through
 * {@code additional.bundles}. In the platform they use the {@link DataSource} service the catalogue registers.
 */
public final class CatalogDatabases {

    private CatalogDatabases() {
    }

    /**
     * A data source on {@code url} ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}) whose schema is migrated to
     * the newest version, catalogue, logbook and user-office tables alike.
     */
    public static DataSource migrated(String url, String user, String password) throws CatalogException {
        DataSource dataSource = CatalogComponent.dataSource(url, user, password);
        SchemaMigrations.migrate(Database.of(dataSource));
        return dataSource;
    }

    /**
     * The catalogue on a migrated data source, as the platform runs it (default embargo 3 years); the object is also
     * the {@link org.datastamp.catalog.api.FacilityDirectory}.
     */
    public static Catalog catalog(DataSource migrated, UnitConverter units) throws CatalogException {
        return new JdbcCatalog(Database.of(migrated), units, Period.ofYears(3), Clock.systemUTC());
    }
}
