package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.core.api.DataDirectory;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue in an embedded H2 database under {@code <data dir>/catalog/}. The SQL is portable so a PostgreSQL
 * data source can replace H2 by configuration in a later release.
 */
@Component(service = Catalog.class, configurationPid = EmbeddedCatalog.PID)
@Designate(ocd = EmbeddedCatalog.Config.class)
public class EmbeddedCatalog implements Catalog {

    static final String PID = "org.datastamp.catalog.jdbc";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCatalog.class);

    @ObjectClassDefinition(name = "DataSTaMP catalogue (JDBC)",
            description = "Where datasets, their files and their metadata are recorded")
    public @interface Config {

        @AttributeDefinition(description = "JDBC URL; empty means an embedded H2 database in"
                + " <datastamp.data.dir>/catalog/. Only jdbc:h2: URLs are supported in this release")
        String jdbcUrl() default "";

        @AttributeDefinition(description = "Database user")
        String user() default "datastamp";

        @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
                description = "Database password")
        String password() default "";
    }

    private JdbcCatalog catalog;
    /** Held open while active so H2 keeps the database open between operations instead of reopening the file. */
    private Connection keepOpen;

    @Activate
    void activate(Config config, BundleContext context) throws CatalogException {
        String url = config.jdbcUrl().isBlank()
                ? h2Url(DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)))
                : config.jdbcUrl();
        if (!url.startsWith("jdbc:h2:")) {
            throw new CatalogException("Catalogue JDBC URL '" + url + "' is not an H2 URL; this release supports"
                    + " only H2 (set jdbcUrl empty for the embedded database)");
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(config.user());
        dataSource.setPassword(config.password());
        try {
            keepOpen = dataSource.getConnection();
        } catch (SQLException e) {
            throw new CatalogException("Could not open the catalogue database " + url + ": " + e.getMessage(), e);
        }
        catalog = new JdbcCatalog(dataSource, Clock.systemUTC());
        try {
            int version = catalog.migrate();
            LOG.info("Catalogue ready at {} (schema version {}, {} datasets)", url, version, catalog.count());
        } catch (CatalogException | RuntimeException e) {
            deactivate();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            // Closing is the last thing we do with this database; H2 has already flushed each committed dataset.
            LOG.warn("Closing the catalogue database failed: {}", e.getMessage());
        }
    }

    /** The embedded database's URL: a file database in the data directory's catalog folder. */
    static String h2Url(DataDirectory dataDirectory) {
        return "jdbc:h2:file:" + dataDirectory.catalog().resolve("datastamp");
    }

    @Override
    public String capabilityId() {
        return "embedded-catalog";
    }

    @Override
    public String displayName() {
        return "Embedded catalogue (H2)";
    }

    @Override
    public Dataset register(NewDataset dataset) throws CatalogException {
        Dataset recorded = catalog.register(dataset);
        LOG.info("Dataset {} recorded: '{}' with {} files, {} metadata entries", recorded.id(), dataset.title(),
                dataset.files().size(), dataset.metadata().size());
        return recorded;
    }

    @Override
    public Optional<Dataset> find(DatasetId id) throws CatalogException {
        return catalog.find(id);
    }

    @Override
    public List<Dataset> list(int offset, int limit) throws CatalogException {
        return catalog.list(offset, limit);
    }

    @Override
    public long count() throws CatalogException {
        return catalog.count();
    }
}
