package org.datastamp.catalog.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;

/**
 * The catalogue over plain JDBC and portable SQL. Each dataset is written in one transaction. Times are kept to the
 * microsecond (what H2 and PostgreSQL store); the dataset returned by {@link #register} is exactly what later
 * reads return.
 */
final class JdbcCatalog {

    /** Largest page {@link #list} serves; protects the server from an unbounded request. */
    static final int MAX_PAGE = 1000;

    private static final String DATASET_COLUMNS = "id, title, dataset_type, instrument, sample_name, location,"
            + " start_time, end_time, created";

    private final DataSource dataSource;
    private final Clock clock;
    private final MetadataValues values = new MetadataValues();

    JdbcCatalog(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates or updates the schema; returns the schema version now in place. */
    int migrate() throws CatalogException {
        try (Connection c = dataSource.getConnection()) {
            return SchemaMigrator.migrate(c);
        } catch (SQLException e) {
            throw new CatalogException("Could not open the catalogue database: " + e.getMessage(), e);
        }
    }

    Dataset register(NewDataset content) throws CatalogException {
        NewDataset stored = asStored(content);
        Dataset dataset = new Dataset(new DatasetId("ds-" + UUID.randomUUID()),
                clock.instant().truncatedTo(ChronoUnit.MICROS), stored);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertDataset(c, dataset);
                insertFiles(c, dataset);
                insertMetadata(c, dataset);
                c.commit();
            } catch (SQLException | CatalogException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogException("Could not record dataset '" + content.title() + "'; nothing was recorded: "
                    + e.getMessage(), e);
        }
        return dataset;
    }

    Optional<Dataset> find(DatasetId id) throws CatalogException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT " + DATASET_COLUMNS + " FROM dataset WHERE id = ?")) {
            q.setString(1, id.value());
            List<Dataset> found = readDatasets(c, q);
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new CatalogException("Could not read dataset " + id + ": " + e.getMessage(), e);
        }
    }

    List<Dataset> list(int offset, int limit) throws CatalogException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT " + DATASET_COLUMNS + " FROM dataset"
                        + " ORDER BY created DESC, seq DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            q.setInt(1, offset);
            q.setInt(2, limit);
            return readDatasets(c, q);
        } catch (SQLException e) {
            throw new CatalogException("Could not list datasets " + offset + ".." + (offset + limit) + ": "
                    + e.getMessage(), e);
        }
    }

    long count() throws CatalogException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM dataset");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new CatalogException("Could not count datasets: " + e.getMessage(), e);
        }
    }

    /** The dataset as reading it back will give it: times to the microsecond, numbers normalised. */
    private static NewDataset asStored(NewDataset d) {
        List<Datafile> files = d.files().stream().map(f -> new Datafile(f.path(), f.size(), f.checksumAlgorithm(),
                f.checksum(), f.modified().truncatedTo(ChronoUnit.MICROS))).toList();
        return new NewDataset(d.title(), d.type(), d.instrument(), d.sampleName(), d.location(),
                d.startTime().truncatedTo(ChronoUnit.MICROS), d.endTime().truncatedTo(ChronoUnit.MICROS), files,
                d.metadata().stream().map(MetadataValues::asStored).toList());
    }

    private static void insertDataset(Connection c, Dataset d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dataset (" + DATASET_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            NewDataset n = d.content();
            s.setString(1, d.id().value());
            s.setString(2, n.title());
            s.setString(3, n.type().name());
            s.setString(4, n.instrument());
            s.setString(5, n.sampleName());
            s.setString(6, n.location());
            s.setObject(7, utc(n.startTime()));
            s.setObject(8, utc(n.endTime()));
            s.setObject(9, utc(d.created()));
            s.executeUpdate();
        }
    }

    private static void insertFiles(Connection c, Dataset d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO datafile (dataset_id, ordinal, path, size_bytes,"
                + " checksum_algorithm, checksum, modified) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (Datafile f : d.content().files()) {
                s.setString(1, d.id().value());
                s.setInt(2, ordinal++);
                s.setString(3, f.path());
                s.setLong(4, f.size());
                s.setString(5, f.checksumAlgorithm());
                s.setString(6, f.checksum());
                s.setObject(7, utc(f.modified()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertMetadata(Connection c, Dataset d) throws SQLException, CatalogException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO metadata_entry (dataset_id, ordinal, name,"
                + " value_type, integer_value, number_value, string_value, boolean_value, json_value, unit)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (MetadataEntry m : d.content().metadata()) {
                MetadataValues.Columns v = values.encode(m.name(), m.value());
                s.setString(1, d.id().value());
                s.setInt(2, ordinal++);
                s.setString(3, m.name());
                s.setString(4, v.type());
                s.setObject(5, v.integerValue(), java.sql.Types.BIGINT);
                s.setObject(6, v.numberValue(), java.sql.Types.DOUBLE);
                s.setObject(7, v.stringValue(), java.sql.Types.VARCHAR);
                s.setObject(8, v.booleanValue(), java.sql.Types.BOOLEAN);
                s.setObject(9, v.jsonValue(), java.sql.Types.VARCHAR);
                s.setString(10, m.unit());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Runs a dataset query, then loads the files and metadata of every dataset found with one query each. */
    private List<Dataset> readDatasets(Connection c, PreparedStatement query) throws SQLException, CatalogException {
        Map<String, DatasetRow> rows = new LinkedHashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                DatasetRow row = new DatasetRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8), instant(rs, 9));
                rows.put(row.id(), row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<Datafile>> files = readFiles(c, rows.keySet());
        Map<String, List<MetadataEntry>> metadata = readMetadata(c, rows.keySet());
        List<Dataset> datasets = new ArrayList<>(rows.size());
        for (DatasetRow r : rows.values()) {
            NewDataset content = new NewDataset(r.title(), DatasetType.valueOf(r.type()), r.instrument(),
                    r.sampleName(), r.location(), r.start(), r.end(),
                    files.getOrDefault(r.id(), List.of()), metadata.getOrDefault(r.id(), List.of()));
            datasets.add(new Dataset(new DatasetId(r.id()), r.created(), content));
        }
        return datasets;
    }

    private record DatasetRow(String id, String title, String type, String instrument, String sampleName,
            String location, Instant start, Instant end, Instant created) {
    }

    private static Map<String, List<Datafile>> readFiles(Connection c, java.util.Set<String> ids) throws SQLException {
        Map<String, List<Datafile>> files = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id, path, size_bytes, checksum_algorithm,"
                + " checksum, modified FROM datafile WHERE dataset_id IN (" + placeholders(ids.size()) + ")"
                + " ORDER BY dataset_id, ordinal")) {
            bind(q, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Datafile(rs.getString(2),
                            rs.getLong(3), rs.getString(4), rs.getString(5), instant(rs, 6)));
                }
            }
        }
        return files;
    }

    private Map<String, List<MetadataEntry>> readMetadata(Connection c, java.util.Set<String> ids)
            throws SQLException, CatalogException {
        Map<String, List<MetadataEntry>> metadata = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id, name, value_type, integer_value,"
                + " number_value, string_value, boolean_value, json_value, unit FROM metadata_entry"
                + " WHERE dataset_id IN (" + placeholders(ids.size()) + ") ORDER BY dataset_id, ordinal")) {
            bind(q, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    MetadataValues.Columns columns = new MetadataValues.Columns(rs.getString(3),
                            rs.getObject(4, Long.class), rs.getObject(5, Double.class), rs.getString(6),
                            rs.getObject(7, Boolean.class), rs.getString(8));
                    metadata.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new MetadataEntry(name, values.decode(name, columns), rs.getString(9)));
                }
            }
        }
        return metadata;
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement q, Iterable<String> ids) throws SQLException {
        int i = 1;
        for (String id : ids) {
            q.setString(i++, id);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
