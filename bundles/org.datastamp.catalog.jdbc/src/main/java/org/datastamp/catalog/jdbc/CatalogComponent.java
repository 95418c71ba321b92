package org.datastamp.catalog.jdbc;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DoiRequests;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.core.api.DataDirectory;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The catalogue and facility directory as one service, in an embedded H2 database under {@code <data dir>/catalog/}
 * or in PostgreSQL when {@code jdbcUrl} names one. The schema is brought up to date on activation.
 */
@Component(service = {Catalog.class, FacilityDirectory.class, StorageCopies.class, DoiRequests.class},
        configurationPid = CatalogComponent.PID)
@Designate(ocd = CatalogComponent.Config.class)
public class CatalogComponent extends JdbcCatalog {

    static final String PID = "org.datastamp.catalog.jdbc";

    /**
     * Service property of the catalogue's {@link DataSource} service, for the bundles whose tables live in the
     * catalogue's schema (logbook, user office; decision 0025): {@code @Reference(target = "(datastamp.database=catalog)")}.
     */
    public static final String DATABASE_PROPERTY = "datastamp.database";

    private static final Logger LOG = LoggerFactory.getLogger(CatalogComponent.class);

    @ObjectClassDefinition(name = "DataSTaMP catalogue (JDBC)",
            description = "Where datasets, the facility directory and their metadata are recorded")
    public @interface Config {

        @AttributeDefinition(description = "JDBC URL: jdbc:h2:... or jdbc:postgresql://host:port/database; empty"
                + " means an embedded H2 database in <datastamp.data.dir>/catalog/")
        String jdbcUrl() default "";

        @AttributeDefinition(description = "Database user")
        String user() default "datastamp";

        @AttributeDefinition(type = AttributeType.PASSWORD, description = "Database password")
        String password() default "";

        @AttributeDefinition(description = "How long datasets stay private after they end when their proposal sets"
                + " no embargo (or they have no proposal), as an ISO-8601 period, e.g. P3Y or P18M")
        String defaultEmbargo() default "P3Y";

        @AttributeDefinition(description = "PostgreSQL only: most connections kept open in the pool")
        int maxConnections() default 8;
    }

    /**
     * An opened, migrated database, and what to close with it: for H2 the connection that keeps the file database
     * open, for PostgreSQL the connection pool.
     */
    private record Opened(Database database, AutoCloseable holder) {
    }

    /** Fewest datasets between two refreshes of PostgreSQL's planner statistics (more in a large catalogue). */
    private static final long ANALYZE_EVERY_DATASETS = 5_000;

    private final AutoCloseable holder;

    private final ServiceRegistration<DataSource> dataSourceRegistration;

    @Activate
    public CatalogComponent(Config config, BundleContext context, @Reference UnitConverter units)
            throws CatalogException {
        this(open(config, context), units, embargo(config), context);
    }

    private CatalogComponent(Opened opened, UnitConverter units, Period defaultEmbargo, BundleContext context)
            throws CatalogException {
        super(opened.database(), units, defaultEmbargo, Clock.systemUTC(),
                PlannerStatistics.of(opened.database(), ANALYZE_EVERY_DATASETS));
        this.holder = opened.holder();
        // The same connections (pool or held H2 file) for the logbook and user-office tables, registered only once
        // the schema (theirs included) is migrated, so their components start on a complete schema.
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(DATABASE_PROPERTY, "catalog");
        // No context: constructed outside a framework (other bundles' unit tests), where no one could use the service
        this.dataSourceRegistration = context == null ? null
                : context.registerService(DataSource.class, opened.database().dataSource(), properties);
        LOG.info("Catalogue ready on {} (default embargo {})", opened.database().description(), defaultEmbargo);
    }

    private static Period embargo(Config config) throws CatalogException {
        try {
            Period embargo = Period.parse(config.defaultEmbargo());
            if (embargo.isNegative()) {
                throw new CatalogException("Catalogue defaultEmbargo " + embargo + " is negative");
            }
            return embargo;
        } catch (DateTimeParseException e) {
            throw new CatalogException("Catalogue defaultEmbargo '" + config.defaultEmbargo() + "' is not an ISO-8601"
                    + " period such as P3Y or P18M", e);
        }
    }

    private static Opened open(Config config, BundleContext context) throws CatalogException {
        String url = config.jdbcUrl().isBlank()
                ? h2Url(DataDirectory.fromProperty(context.getProperty(DataDirectory.PROPERTY)))
                : config.jdbcUrl().strip();
        DataSource dataSource = dataSource(url, config.user(), config.password());
        AutoCloseable holder = null;
        try {
            if (url.startsWith("jdbc:h2:")) {
                // H2 closes a file database with its last connection; holding one avoids reopening it per operation.
                holder = dataSource.getConnection();
            } else {
                // Opening a PostgreSQL connection costs ~10 ms, more than a whole search: reuse them.
                HikariDataSource pool = pooled(dataSource, config.maxConnections());
                holder = pool;
                dataSource = pool;
            }
            Database database = Database.of(dataSource);
            SchemaMigrations.migrate(database);
            return new Opened(database, holder);
        } catch (SQLException | CatalogException | RuntimeException e) {
            close(holder);
            // SCR reports activation failures only to a LogService, which a plain product may not have.
            LOG.error("Catalogue not started on {}: {}", url, e.toString(), e);
            if (e instanceof CatalogException ce) {
                throw ce;
            }
            throw new CatalogException("Could not open the catalogue database " + url + ": " + e.getMessage(), e);
        }
    }

    static DataSource dataSource(String url, String user, String password) throws CatalogException {
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            postgres.setUser(user);
            postgres.setPassword(password);
            // Ingestion sends each dataset's ~30 metadata rows as one JDBC batch: rewritten into one multi-row
            // INSERT instead of 30 statements on the wire
            postgres.setReWriteBatchedInserts(true);
            // No server-side prepared statements: with pooled connections PostgreSQL would switch the batch reads
            // (dataset_id IN (500 ids)) to a generic plan, which without fresh statistics scans all metadata rows
            // (seen: 15 s per batch after a bulk ingest); a plan per query costs far less than that.
            postgres.setPrepareThreshold(0);
            return postgres;
        }
        throw new CatalogException("Catalogue JDBC URL '" + url + "' is neither jdbc:h2: nor jdbc:postgresql:"
                + " (leave jdbcUrl empty for the embedded database)");
    }

    private static HikariDataSource pooled(DataSource connections, int maxConnections) {
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(connections);
        pool.setPoolName("datastamp-catalogue");
        pool.setMaximumPoolSize(Math.max(1, maxConnections));
        pool.setMinimumIdle(1);
        return new HikariDataSource(pool);
    }

    /** The embedded database's URL: a file database in the data directory's catalog folder. */
    static String h2Url(DataDirectory dataDirectory) {
        return h2Url(dataDirectory.catalog().resolve("datastamp"));
    }

    /** The URL of an embedded file database at {@code file} (no .mv.db suffix), with the catalogue's settings. */
    static String h2Url(Path file) {
        // Writers queue on the change clock (V3) by design; H2's default 1 s lock timeout would fail a writer that
        // waits behind a large batch, where PostgreSQL simply waits.
        // WRITE_DELAY=0: H2 otherwise writes a commit up to 500 ms later, so a killed process loses transactions it
        // reported as committed; the storage lifecycle deletes files once their release is committed.
        // REUSE_SPACE=FALSE: even so, a killed H2 now and then came back without its last acknowledged commits (the
        // chunk chain its recovery follows misses chunks written into reused free space); appending only, the file
        // grows until H2 compacts it on close (decision 0009). H2 does not fsync a commit: a power cut needs PostgreSQL.
        return "jdbc:h2:file:" + file + ";LOCK_TIMEOUT=120000;WRITE_DELAY=0;REUSE_SPACE=FALSE";
    }

    @Deactivate
    void deactivate() {
        statistics().close();
        try {
            if (dataSourceRegistration != null) {
                dataSourceRegistration.unregister();
            }
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        close(holder);
    }

    private static void close(AutoCloseable holder) {
        if (holder == null) {
            return;
        }
        try {
            holder.close();
        } catch (Exception e) {
            // Closing is the last thing we do with this database; every write was committed before.
            LOG.warn("Closing the catalogue database failed: {}", e.getMessage());
        }
    }
}
