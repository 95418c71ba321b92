package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.nullIfEmpty;
import static org.datastamp.catalog.jdbc.Database.placeholders;
import static org.datastamp.catalog.jdbc.Database.text;
import static org.datastamp.catalog.jdbc.Database.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetType;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.MetadataEntry;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;

/**
 * Writes a dataset to its tables and reads datasets back. Times are kept to the microsecond (what H2 and PostgreSQL
 * store), so the dataset returned when registering is exactly what later reads return.
 */
final class DatasetRows {

    /** Dataset columns, qualified by the alias {@code d} every dataset query uses. */
    static final String COLUMNS = "d.id, d.title, d.dataset_type, d.instrument, d.sample_name, d.location,"
            + " d.start_time, d.end_time, d.created, d.description, d.proposal_id, d.session_id, d.sample_id,"
            + " d.technique, d.online, d.archived, d.public_from, d.doi, d.change_seq";

    private final MetadataValues values = new MetadataValues();

    /** The dataset as reading it back will give it: times to the microsecond, numbers normalised. */
    static NewDataset asStored(NewDataset d) {
        List<Datafile> files = d.files().stream().map(f -> new Datafile(f.path(), f.size(), f.checksumAlgorithm(),
                f.checksum(), micros(f.modified()))).toList();
        return new NewDataset(d.title(), d.type(), d.instrument(), d.sampleName(), d.location(),
                micros(d.startTime()), micros(d.endTime()), files,
                d.metadata().stream().map(MetadataValues::asStored).toList(), d.description(), d.proposalId(),
                d.sessionId(), d.sampleId(), d.technique(), d.keywords(), d.inputs());
    }

    static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Inserts datasets (already in their stored form) with all their rows, one batched statement per table; each
     * draws its change sequence here. {@code quantities} holds the SI form of each dataset's metadata entries.
     */
    void insertAll(Connection c, Database db, List<Dataset> datasets, List<List<NormalizedQuantity>> quantities)
            throws SQLException, CatalogException {
        if (datasets.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO dataset (id, title, dataset_type, instrument,"
                + " sample_name, location, start_time, end_time, created, description, proposal_id, session_id,"
                + " sample_id, technique, online, archived, public_from, doi, change_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + db.nextChangeSequence() + ")")) {
            for (Dataset d : datasets) {
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
                s.setString(10, n.description());
                s.setString(11, nullIfEmpty(n.proposalId()));
                s.setString(12, nullIfEmpty(n.sessionId()));
                s.setString(13, nullIfEmpty(n.sampleId()));
                s.setString(14, n.technique());
                s.setBoolean(15, d.lifecycle().online());
                s.setBoolean(16, d.lifecycle().archived());
                s.setObject(17, utc(d.access().publicFrom()));
                s.setString(18, nullIfEmpty(d.doi()));
                s.addBatch();
            }
            s.executeBatch();
        }
        insertFiles(c, datasets);
        insertMetadata(c, datasets, quantities);
        insertOrdered(c, "dataset_keyword", "keyword", datasets, d -> d.content().keywords());
        insertOrdered(c, "dataset_input", "input_id", datasets,
                d -> d.content().inputs().stream().map(DatasetId::value).toList());
        insertOrdered(c, "dataset_tier", "tier", datasets, d -> d.lifecycle().tiers());
    }

    /** Replaces a dataset's rows in a (dataset_id, ordinal, column) table. */
    static void replaceOrdered(Connection c, String table, String column, String datasetId, List<String> values)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE dataset_id = ?")) {
            s.setString(1, datasetId);
            s.executeUpdate();
        }
        insertOrdered(c, table, column, datasetId, values);
    }

    private static void insertOrdered(Connection c, String table, String column, String datasetId,
            List<String> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (dataset_id, ordinal, " + column
                + ") VALUES (?, ?, ?)")) {
            addOrdered(s, datasetId, values);
            s.executeBatch();
        }
    }

    private static void insertOrdered(Connection c, String table, String column, List<Dataset> datasets,
            Function<Dataset, List<String>> values) throws SQLException {
        if (datasets.stream().allMatch(d -> values.apply(d).isEmpty())) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (dataset_id, ordinal, " + column
                + ") VALUES (?, ?, ?)")) {
            for (Dataset d : datasets) {
                addOrdered(s, d.id().value(), values.apply(d));
            }
            s.executeBatch();
        }
    }

    private static void addOrdered(PreparedStatement s, String datasetId, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            s.setString(1, datasetId);
            s.setInt(2, i);
            s.setString(3, values.get(i));
            s.addBatch();
        }
    }

    private static void insertFiles(Connection c, List<Dataset> datasets) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO datafile (dataset_id, ordinal, path, size_bytes,"
                + " checksum_algorithm, checksum, modified) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (Dataset d : datasets) {
                List<Datafile> files = d.content().files();
                for (int i = 0; i < files.size(); i++) {
                    Datafile f = files.get(i);
                    s.setString(1, d.id().value());
                    s.setInt(2, i);
                    s.setString(3, f.path());
                    s.setLong(4, f.size());
                    s.setString(5, f.checksumAlgorithm());
                    s.setString(6, f.checksum());
                    s.setObject(7, utc(f.modified()));
                    s.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                s.executeBatch();
            }
        }
    }

    private void insertMetadata(Connection c, List<Dataset> datasets, List<List<NormalizedQuantity>> quantities)
            throws SQLException, CatalogException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO metadata_entry (dataset_id, ordinal, name,"
                + " value_type, integer_value, number_value, string_value, boolean_value, json_value, unit,"
                + " si_value, si_unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int rows = 0;
            for (int d = 0; d < datasets.size(); d++) {
                String id = datasets.get(d).id().value();
                List<MetadataEntry> metadata = datasets.get(d).content().metadata();
                for (int i = 0; i < metadata.size(); i++) {
                    MetadataEntry m = metadata.get(i);
                    MetadataValues.Columns v = values.encode(m.name(), m.value());
                    NormalizedQuantity si = quantities.get(d).get(i);
                    s.setString(1, id);
                    s.setInt(2, i);
                    s.setString(3, m.name());
                    s.setString(4, v.type());
                    s.setObject(5, v.integerValue(), Types.BIGINT);
                    s.setObject(6, v.numberValue(), Types.DOUBLE);
                    s.setObject(7, v.stringValue(), Types.VARCHAR);
                    s.setObject(8, v.booleanValue(), Types.BOOLEAN);
                    s.setObject(9, v.jsonValue(), Types.VARCHAR);
                    s.setString(10, m.unit());
                    s.setObject(11, si == null ? null : si.value(), Types.DOUBLE);
                    s.setObject(12, si == null ? null : si.systemUnit(), Types.VARCHAR);
                    s.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                s.executeBatch();
            }
        }
    }

    /** A dataset read back with its change sequence (for the change feed). */
    record Sequenced(long sequence, Dataset dataset) {
    }

    /**
     * Runs a dataset query (selecting {@link #COLUMNS}), then loads the rows of every dataset found with one query per
     * table.
     */
    List<Sequenced> read(Connection c, PreparedStatement query) throws SQLException, CatalogException {
        Map<String, ResultRow> rows = new LinkedHashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString("id"), ResultRow.of(rs));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> ids = rows.keySet();
        Map<String, List<Datafile>> files = readFiles(c, ids);
        Map<String, List<MetadataEntry>> metadata = readMetadata(c, ids);
        Map<String, List<String>> keywords = readOrdered(c, "dataset_keyword", "keyword", ids);
        Map<String, List<String>> inputs = readOrdered(c, "dataset_input", "input_id", ids);
        Map<String, List<String>> tiers = readOrdered(c, "dataset_tier", "tier", ids);
        List<Sequenced> datasets = new ArrayList<>(rows.size());
        for (ResultRow r : rows.values()) {
            NewDataset content = new NewDataset(r.title, DatasetType.valueOf(r.type), r.instrument, r.sampleName,
                    r.location, r.start, r.end, files.getOrDefault(r.id, List.of()),
                    metadata.getOrDefault(r.id, List.of()), r.description, r.proposalId, r.sessionId, r.sampleId,
                    r.technique, keywords.getOrDefault(r.id, List.of()),
                    inputs.getOrDefault(r.id, List.of()).stream().map(DatasetId::new).toList());
            Lifecycle lifecycle = new Lifecycle(r.online, r.archived, tiers.getOrDefault(r.id, List.of()));
            Dataset dataset = new Dataset(new DatasetId(r.id), r.created, content, lifecycle,
                    new DatasetAccess(r.proposalId, r.instrument, r.publicFrom), r.doi);
            datasets.add(new Sequenced(r.changeSeq, dataset));
        }
        return datasets;
    }

    /** One row of the dataset table. */
    private record ResultRow(String id, String title, String type, String instrument, String sampleName,
            String location, Instant start, Instant end, Instant created, String description, String proposalId,
            String sessionId, String sampleId, String technique, boolean online, boolean archived,
            Instant publicFrom, String doi, long changeSeq) {

        static ResultRow of(ResultSet rs) throws SQLException {
            return new ResultRow(rs.getString("id"), rs.getString("title"), rs.getString("dataset_type"),
                    rs.getString("instrument"), rs.getString("sample_name"), rs.getString("location"),
                    instant(rs, "start_time"), instant(rs, "end_time"), instant(rs, "created"),
                    text(rs, "description"), text(rs, "proposal_id"), text(rs, "session_id"), text(rs, "sample_id"),
                    text(rs, "technique"), rs.getBoolean("online"), rs.getBoolean("archived"),
                    instant(rs, "public_from"), text(rs, "doi"), rs.getLong("change_seq"));
        }
    }

    private static Map<String, List<String>> readOrdered(Connection c, String table, String column, Set<String> ids)
            throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id, " + column + " FROM " + table
                + " WHERE dataset_id IN (" + placeholders(ids.size()) + ") ORDER BY dataset_id, ordinal")) {
            Database.bind(q, 1, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Map<String, List<Datafile>> readFiles(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<Datafile>> files = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id, path, size_bytes, checksum_algorithm,"
                + " checksum, modified FROM datafile WHERE dataset_id IN (" + placeholders(ids.size()) + ")"
                + " ORDER BY dataset_id, ordinal")) {
            Database.bind(q, 1, ids);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    files.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Datafile(rs.getString(2),
                            rs.getLong(3), rs.getString(4), rs.getString(5), instant(rs, "modified")));
                }
            }
        }
        return files;
    }

    private Map<String, List<MetadataEntry>> readMetadata(Connection c, Set<String> ids)
            throws SQLException, CatalogException {
        Map<String, List<MetadataEntry>> metadata = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id, name, value_type, integer_value,"
                + " number_value, string_value, boolean_value, json_value, unit FROM metadata_entry"
                + " WHERE dataset_id IN (" + placeholders(ids.size()) + ") ORDER BY dataset_id, ordinal")) {
            Database.bind(q, 1, ids);
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
}
