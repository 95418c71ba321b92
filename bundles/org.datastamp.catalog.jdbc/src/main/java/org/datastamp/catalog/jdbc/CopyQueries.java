package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.placeholders;
import static org.datastamp.catalog.jdbc.Database.utc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.CopiedFile;
import org.datastamp.catalog.api.CopyRule;
import org.datastamp.catalog.api.Datafile;
import org.datastamp.catalog.api.DatasetCopy;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetUse;

/**
 * The lifecycle engine's and the fixity audit's bulk reads of {@code dataset_copy}: which datasets a policy has work
 * for, which are least recently used, and every copied file page by page. Each is one query over indexed columns,
 * so a round over a million settled datasets reads no dataset one by one.
 */
final class CopyQueries {

    /** A dataset's last use: its last recorded access if later than its registration. */
    private static final String LAST_USE = "CASE WHEN a.last_access IS NOT NULL AND a.last_access > d.created"
            + " THEN a.last_access ELSE d.created END";

    private final Database db;
    private final CopyRows rows;

    CopyQueries(Database db, CopyRows rows) {
        this.db = db;
        this.rows = rows;
    }

    List<DatasetId> needingWork(CopyRule rule, DatasetId after, int limit) throws CatalogException {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT d.id FROM dataset d WHERE d.id > ?");
        args.add(after == null ? "" : after.value());
        scope(rule, sql, args);
        List<String> needs = new ArrayList<>();
        needs.add("NOT EXISTS (SELECT 1 FROM dataset_copy c WHERE c.dataset_id = d.id)");
        for (String backend : rule.requiredBackends()) {
            needs.add("NOT EXISTS (SELECT 1 FROM dataset_copy c WHERE c.dataset_id = d.id AND c.backend = ?"
                    + " AND c.state = 'VERIFIED')");
            args.add(backend);
        }
        if (!rule.hotBackend().isEmpty() && rule.lastUseBefore() != null) {
            needs.add("(d.created <= ? AND EXISTS (SELECT 1 FROM dataset_copy c WHERE c.dataset_id = d.id"
                    + " AND c.backend = ? AND c.state = 'VERIFIED') AND NOT EXISTS (SELECT 1 FROM dataset_access a"
                    + " WHERE a.dataset_id = d.id AND a.last_access > ?))");
            args.add(utc(rule.lastUseBefore()));
            args.add(rule.hotBackend());
            args.add(utc(rule.lastUseBefore()));
        }
        sql.append(" AND (").append(String.join(" OR ", needs)).append(") ORDER BY d.id FETCH FIRST ? ROWS ONLY");
        args.add(Math.max(1, limit));
        return db.read("select datasets needing storage work", c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                bind(q, args);
                List<DatasetId> ids = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new DatasetId(rs.getString(1)));
                    }
                }
                return ids;
            }
        });
    }

    long countCovered(CopyRule rule) throws CatalogException {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM dataset d WHERE 1 = 1");
        scope(rule, sql, args);
        return db.read("count the datasets of a storage policy", c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                bind(q, args);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    List<DatasetUse> leastRecentlyUsed(CopyRule rule, String backendId, int offset, int limit)
            throws CatalogException {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT d.id, " + LAST_USE + " AS last_use, (SELECT COALESCE(SUM("
                + "f.size_bytes), 0) FROM datafile f WHERE f.dataset_id = d.id) AS bytes FROM dataset d"
                + " JOIN dataset_copy h ON h.dataset_id = d.id AND h.backend = ? AND h.state = 'VERIFIED'"
                + " LEFT JOIN dataset_access a ON a.dataset_id = d.id WHERE 1 = 1");
        args.add(backendId);
        scope(rule, sql, args);
        sql.append(" ORDER BY last_use, d.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        args.add(Math.max(0, offset));
        args.add(Math.max(1, limit));
        return db.read("list the least recently used datasets on " + backendId, c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                bind(q, args);
                List<DatasetUse> uses = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        uses.add(new DatasetUse(new DatasetId(rs.getString(1)), instant(rs, "last_use"),
                                rs.getLong(3)));
                    }
                }
                return uses;
            }
        });
    }

    List<CopiedFile> copiedFiles(DatasetId afterDataset, String afterPath, int limit) throws CatalogException {
        String sql = "SELECT f.dataset_id, d.location, f.path, f.size_bytes, f.checksum_algorithm, f.checksum,"
                + " f.modified, (SELECT COUNT(*) FROM datafile g WHERE g.dataset_id = f.dataset_id) AS files"
                + " FROM datafile f JOIN dataset d ON d.id = f.dataset_id"
                + " WHERE (f.dataset_id > ? OR (f.dataset_id = ? AND f.path > ?))"
                + " AND EXISTS (SELECT 1 FROM dataset_copy c WHERE c.dataset_id = f.dataset_id AND c.state = 'VERIFIED')"
                + " ORDER BY f.dataset_id, f.path FETCH FIRST ? ROWS ONLY";
        String id = afterDataset == null ? "" : afterDataset.value();
        record Row(DatasetId id, String location, Datafile file, int files) {
        }
        List<Row> found = db.read("list copied files", c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, id);
                q.setString(2, id);
                q.setString(3, afterPath == null ? "" : afterPath);
                q.setInt(4, Math.max(1, limit));
                List<Row> page = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Row(new DatasetId(rs.getString(1)), rs.getString(2), new Datafile(rs.getString(3),
                                rs.getLong(4), rs.getString(5), rs.getString(6), instant(rs, "modified")),
                                rs.getInt(8)));
                    }
                }
                return page;
            }
        });
        Map<DatasetId, List<DatasetCopy>> copies = rows.copies(found.stream().map(Row::id).distinct().toList());
        List<CopiedFile> files = new ArrayList<>();
        for (Row r : found) {
            files.add(new CopiedFile(r.id(), r.location(), r.file(), r.files(), copies.getOrDefault(r.id(),
                    List.of())));
        }
        return files;
    }

    /** The rule's scope and exclusions as conditions on {@code d}. */
    private static void scope(CopyRule rule, StringBuilder sql, List<Object> args) {
        if (!rule.instrument().isEmpty()) {
            sql.append(" AND d.instrument = ?");
            args.add(rule.instrument());
        }
        if (!rule.proposalId().isEmpty()) {
            sql.append(" AND d.proposal_id = ?");
            args.add(rule.proposalId());
        }
        if (!rule.excludedInstruments().isEmpty()) {
            sql.append(" AND d.instrument NOT IN (").append(placeholders(rule.excludedInstruments().size()))
                    .append(")");
            args.addAll(rule.excludedInstruments());
        }
        if (!rule.excludedProposals().isEmpty()) {
            sql.append(" AND (d.proposal_id IS NULL OR d.proposal_id NOT IN (")
                    .append(placeholders(rule.excludedProposals().size())).append("))");
            args.addAll(rule.excludedProposals());
        }
    }

    private static void bind(PreparedStatement q, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            q.setObject(i + 1, args.get(i));
        }
    }
}
