package org.datastamp.catalog.jdbc;

import static org.datastamp.catalog.jdbc.Database.instant;
import static org.datastamp.catalog.jdbc.Database.placeholders;
import static org.datastamp.catalog.jdbc.Database.utc;
import static org.datastamp.catalog.jdbc.DatasetRows.micros;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.ConflictException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DirectoryBatch;
import org.datastamp.catalog.api.DatasetAccess;
import org.datastamp.catalog.api.DatasetChange;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DoiRequest;
import org.datastamp.catalog.api.DoiRequestState;
import org.datastamp.catalog.api.DoiRequests;
import org.datastamp.catalog.api.Facility;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Ingest;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.InvalidInputException;
import org.datastamp.catalog.api.Lifecycle;
import org.datastamp.catalog.api.NewDataset;
import org.datastamp.catalog.api.NormalizedQuantity;
import org.datastamp.catalog.api.Person;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Publication;
import org.datastamp.catalog.api.PublishedData;
import org.datastamp.catalog.api.Sample;
import org.datastamp.catalog.api.SameTransaction;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.UnitConverter;
import org.datastamp.catalog.api.StorageCopies;
import org.datastamp.catalog.api.CopyRule;
import org.datastamp.catalog.api.DatasetUse;
import org.datastamp.catalog.api.CopiedFile;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.catalog.api.CopyFormat;
import org.datastamp.catalog.api.DatasetCopy;

/**
 * The catalogue and facility directory over plain JDBC, one SQL dialect for H2 and PostgreSQL. Every write is one
 * transaction; every read that takes a {@link Viewer} applies the access rule in SQL.
 */
class JdbcCatalog implements Catalog, FacilityDirectory, StorageCopies, DoiRequests {

    /** Largest page {@link #list} and {@link #changesSince} serve; protects the server from unbounded requests. */
    static final int MAX_PAGE = 1000;

    /** Largest attachment content. */
    static final int MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

    private final Database db;
    private final IngestValidator validator;
    private final Period defaultEmbargo;
    private final Clock clock;
    private final DatasetRows rows = new DatasetRows();
    private final String instanceId;
    private final PlannerStatistics statistics;
    private final CopyRows copies;
    private final DoiRequestStore doiRequests;
    private final CopyQueries copyQueries;

    JdbcCatalog(Database db, UnitConverter units, Period defaultEmbargo, Clock clock) throws CatalogException {
        this(db, units, defaultEmbargo, clock, PlannerStatistics.none());
    }

    JdbcCatalog(Database db, UnitConverter units, Period defaultEmbargo, Clock clock, PlannerStatistics statistics)
            throws CatalogException {
        this.db = Objects.requireNonNull(db, "db");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.validator = new IngestValidator(Objects.requireNonNull(units, "units"));
        this.defaultEmbargo = Objects.requireNonNull(defaultEmbargo, "defaultEmbargo");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.copies = new CopyRows(db, clock);
        this.doiRequests = new DoiRequestStore(db);
        this.copyQueries = new CopyQueries(db, copies);
        fillPublicFromOfOldDatasets();
        this.instanceId = db.inTransaction("give the catalogue its instance id", c -> {
            try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("SELECT id FROM catalog_instance")) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            String id = UUID.randomUUID().toString();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO catalog_instance (id) VALUES (?)")) {
                insert.setString(1, id);
                insert.executeUpdate();
            }
            return id;
        });
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    /** Datasets recorded before schema version 2 had no public_from; they get end time plus the default embargo. */
    private void fillPublicFromOfOldDatasets() throws CatalogException {
        db.inTransaction("set when the datasets of release 0.1 become public", c -> {
            List<String[]> old = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, end_time FROM dataset WHERE public_from IS NULL");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    old.add(new String[] {rs.getString(1), instant(rs, "end_time").toString()});
                }
            }
            for (String[] d : old) {
                setPublicFrom(c, d[0], plus(Instant.parse(d[1]), defaultEmbargo));
            }
            return null;
        });
    }

    Database database() {
        return db;
    }

    PlannerStatistics statistics() {
        return statistics;
    }

    @Override
    public String capabilityId() {
        return db.vendor() == Database.Vendor.H2 ? "embedded-catalog" : "postgresql-catalog";
    }

    @Override
    public String displayName() {
        return db.vendor() == Database.Vendor.H2 ? "Embedded catalogue (H2)" : "Catalogue (PostgreSQL)";
    }

    // --- ingestion

    @Override
    public Dataset register(NewDataset dataset) throws CatalogException {
        return register(new DatasetId("ds-" + UUID.randomUUID()), dataset);
    }

    @Override
    public Dataset register(DatasetId id, NewDataset dataset) throws CatalogException {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dataset, "dataset");
        Dataset recorded = db.inTransaction("record dataset " + id, c -> record(c, List.of(new Ingest(id, dataset)),
                false).get(0));
        statistics.datasetsAdded(1);
        return recorded;
    }

    @Override
    public List<Dataset> registerAll(List<Ingest> batch) throws CatalogException {
        List<Dataset> recorded = db.inTransaction("record a batch of " + batch.size() + " datasets",
                c -> record(c, batch, true));
        statistics.datasetsAdded(batch.size());
        return recorded;
    }

    @Override
    public Set<DatasetId> recorded(Collection<DatasetId> ids) throws CatalogException {
        return db.read("look up " + ids.size() + " dataset ids", c -> {
            Set<DatasetId> found = new HashSet<>();
            inChunks(c, "SELECT id FROM dataset WHERE id IN (%s)", ids.stream().map(DatasetId::value).distinct()
                    .toList(), q -> {
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                found.add(new DatasetId(rs.getString(1)));
                            }
                        }
                    });
            return found;
        });
    }

    /**
     * Records datasets in one transaction; one already recorded under its id with the same content is returned as
     * recorded (idempotent retries), with other content it is a conflict. Lookups are shared across the batch and the
     * rows of all new datasets go in with one batched statement per table.
     *
     * @param indexed whether error fields name the batch position ({@code datasets[3].})
     */
    private List<Dataset> record(Connection c, List<Ingest> batch, boolean indexed) throws SQLException,
            CatalogException {
        Map<String, Dataset> existing = readExisting(c, batch);
        RowLookup lookup = new RowLookup(c);
        Map<String, Period> embargoes = new HashMap<>();
        Instant created = micros(clock.instant());
        List<Dataset> result = new ArrayList<>(batch.size());
        List<Dataset> fresh = new ArrayList<>();
        List<List<NormalizedQuantity>> quantities = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            String field = indexed ? "datasets[" + i + "]." : "";
            DatasetId id = batch.get(i).id();
            NewDataset stored = DatasetRows.asStored(batch.get(i).dataset());
            // Recorded before, or earlier in this batch.
            Dataset recorded = existing.get(id.value());
            if (recorded != null) {
                if (!recorded.content().equals(stored)) {
                    throw new ConflictException((field.isEmpty() ? "" : field + "id: ") + "dataset " + id
                            + " is already recorded with different content");
                }
                result.add(recorded);
                continue;
            }
            quantities.add(validator.validate(lookup, field, batch.get(i).dataset()));
            if (!lookup.exists("instrument", stored.instrument())) {
                FacilityRows.ensureInstrument(c, stored.instrument());
                lookup.added("instrument", stored.instrument());
            }
            Period embargo = embargoes.get(stored.proposalId());
            if (embargo == null) {
                embargo = embargoOf(c, stored.proposalId());
                embargoes.put(stored.proposalId(), embargo);
            }
            Dataset dataset = new Dataset(id, created, stored, Lifecycle.onHotDisk(),
                    new DatasetAccess(stored.proposalId(), stored.instrument(), plus(stored.endTime(), embargo)), "");
            // Later datasets of the batch may name this one as an input.
            lookup.added("dataset", id.value());
            existing.put(id.value(), dataset);
            fresh.add(dataset);
            result.add(dataset);
        }
        rows.insertAll(c, db, fresh, quantities);
        return result;
    }

    /** The datasets of a batch that are already recorded, by id. */
    private Map<String, Dataset> readExisting(Connection c, List<Ingest> batch) throws SQLException,
            CatalogException {
        Map<String, Dataset> existing = new HashMap<>();
        inChunks(c, "SELECT " + DatasetRows.COLUMNS + " FROM dataset d WHERE d.id IN (%s)",
                batch.stream().map(i -> i.id().value()).distinct().toList(), q -> {
                    for (DatasetRows.Sequenced s : rows.read(c, q)) {
                        existing.put(s.dataset().id().value(), s.dataset());
                    }
                });
        return existing;
    }

    /** Reads one statement's rows; may throw what reading a dataset throws. */
    @FunctionalInterface
    private interface ChunkQuery {
        void run(PreparedStatement query) throws SQLException, CatalogException;
    }

    /**
     * Runs {@code sql} (with {@code %s} where the IN-list's placeholders go) once per slice of ids small enough for
     * every database, each statement bound to its slice.
     */
    private static void inChunks(Connection c, String sql, List<String> ids, ChunkQuery query) throws SQLException,
            CatalogException {
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement q = c.prepareStatement(sql.formatted(placeholders(chunk.size())))) {
                Database.bind(q, 1, chunk);
                query.run(q);
            }
        }
    }

    /** The embargo that applies to a proposal's datasets (the default for none or no embargo set). */
    private Period embargoOf(Connection c, String proposalId) throws SQLException {
        if (proposalId.isEmpty()) {
            return defaultEmbargo;
        }
        Period embargo = FacilityRows.proposal(c, proposalId).map(Proposal::embargo).orElse(null);
        return embargo == null ? defaultEmbargo : embargo;
    }

    private static Instant plus(Instant t, Period p) {
        return micros(t.atOffset(ZoneOffset.UTC).plus(p).toInstant());
    }

    // --- reads with the access rule

    /** The access rule of {@link Viewer} as an SQL condition on dataset alias {@code d}, with its parameters. */
    private record Access(String condition, List<Object> params) {

        static Access of(Viewer v, Instant now) {
            if (v.seesEverything()) {
                return new Access("1 = 1", List.of());
            }
            StringBuilder sql = new StringBuilder("(d.public_from <= ?");
            List<Object> params = new ArrayList<>();
            params.add(utc(now));
            if (!v.proposals().isEmpty()) {
                sql.append(" OR d.proposal_id IN (").append(placeholders(v.proposals().size())).append(')');
                params.addAll(v.proposals());
            }
            if (!v.staffOf().isEmpty()) {
                sql.append(" OR d.instrument IN (").append(placeholders(v.staffOf().size())).append(')');
                params.addAll(v.staffOf());
            }
            return new Access(sql.append(')').toString(), params);
        }

        int bind(PreparedStatement q, int from) throws SQLException {
            int i = from;
            for (Object p : params) {
                q.setObject(i++, p);
            }
            return i;
        }
    }

    private Optional<Dataset> readOne(Connection c, DatasetId id) throws SQLException, CatalogException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + DatasetRows.COLUMNS + " FROM dataset d"
                + " WHERE d.id = ?")) {
            q.setString(1, id.value());
            return rows.read(c, q).stream().map(DatasetRows.Sequenced::dataset).findFirst();
        }
    }

    @Override
    public Optional<Dataset> find(DatasetId id, Viewer viewer) throws CatalogException {
        Access access = Access.of(viewer, clock.instant());
        return db.read("read dataset " + id, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + DatasetRows.COLUMNS + " FROM dataset d"
                    + " WHERE d.id = ? AND " + access.condition())) {
                q.setString(1, id.value());
                access.bind(q, 2);
                return rows.read(c, q).stream().map(DatasetRows.Sequenced::dataset).findFirst();
            }
        });
    }

    @Override
    public List<Dataset> list(Viewer viewer, int offset, int limit) throws CatalogException {
        checkPage(offset, limit);
        Access access = Access.of(viewer, clock.instant());
        return db.read("list datasets " + offset + ".." + (offset + limit), c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + DatasetRows.COLUMNS + " FROM dataset d"
                    + " WHERE " + access.condition() + " ORDER BY d.created DESC, d.seq DESC"
                    + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                int next = access.bind(q, 1);
                q.setInt(next, offset);
                q.setInt(next + 1, limit);
                return rows.read(c, q).stream().map(DatasetRows.Sequenced::dataset).toList();
            }
        });
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
    }

    @Override
    public long count(Viewer viewer) throws CatalogException {
        Access access = Access.of(viewer, clock.instant());
        return db.read("count datasets", c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM dataset d WHERE "
                    + access.condition())) {
                access.bind(q, 1);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<DatasetId> derivedFrom(DatasetId id, Viewer viewer) throws CatalogException {
        Access access = Access.of(viewer, clock.instant());
        return db.read("list the datasets derived from " + id, c -> {
            // DISTINCT: a dataset may name the same input twice.
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT d.id, d.created, d.seq FROM dataset_input i"
                    + " JOIN dataset d ON d.id = i.dataset_id WHERE i.input_id = ? AND " + access.condition()
                    + " ORDER BY d.created, d.seq")) {
                q.setString(1, id.value());
                access.bind(q, 2);
                List<DatasetId> derived = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        derived.add(new DatasetId(rs.getString(1)));
                    }
                }
                return derived;
            }
        });
    }

    // --- changes to recorded datasets; each draws a new change sequence number

    @Override
    public void updateLifecycle(DatasetId id, Lifecycle lifecycle) throws CatalogException {
        db.inTransaction("update the lifecycle of dataset " + id, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE dataset SET online = ?, archived = ?, change_seq = "
                    + db.nextChangeSequence() + " WHERE id = ?")) {
                s.setBoolean(1, lifecycle.online());
                s.setBoolean(2, lifecycle.archived());
                s.setString(3, id.value());
                if (s.executeUpdate() == 0) {
                    throw new InvalidInputException("id", "no dataset " + id + " is recorded");
                }
            }
            DatasetRows.replaceOrdered(c, "dataset_tier", "tier", id.value(), lifecycle.tiers());
            return null;
        });
    }

    private void setPublicFrom(Connection c, String datasetId, Instant publicFrom) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE dataset SET public_from = ?, change_seq = "
                + db.nextChangeSequence() + " WHERE id = ?")) {
            s.setObject(1, utc(publicFrom));
            s.setString(2, datasetId);
            s.executeUpdate();
        }
    }

    @Override
    public PublishedData publish(PublishedData published) throws CatalogException {
        PublishedData stored = new PublishedData(published.doi(), published.title(), published.datasets(),
                micros(published.registered()));
        return db.inTransaction("publish " + published.doi(), c -> {
            Optional<PublishedData> existing = readPublishedData(c, stored.doi());
            if (existing.isPresent()) {
                if (existing.get().equals(stored)) {
                    return existing.get();
                }
                throw new ConflictException("DOI " + stored.doi() + " is already registered for other data");
            }
            requireDatasets(c, stored.datasets());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO published_data (doi, title, registered)"
                    + " VALUES (?, ?, ?)")) {
                s.setString(1, stored.doi());
                s.setString(2, stored.title());
                s.setObject(3, utc(stored.registered()));
                s.executeUpdate();
            }
            insertDatasetList(c, "published_data_dataset", stored.doi(), stored.datasets());
            for (DatasetId id : stored.datasets()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE dataset SET doi = ?, public_from ="
                        + " CASE WHEN public_from > ? THEN ? ELSE public_from END, change_seq = "
                        + db.nextChangeSequence() + " WHERE id = ?")) {
                    s.setString(1, stored.doi());
                    s.setObject(2, utc(stored.registered()));
                    s.setObject(3, utc(stored.registered()));
                    s.setString(4, id.value());
                    s.executeUpdate();
                }
            }
            return stored;
        });
    }

    private static void requireDatasets(Connection c, List<DatasetId> ids) throws SQLException,
            InvalidInputException {
        for (int i = 0; i < ids.size(); i++) {
            if (!IngestValidator.exists(c, "dataset", "id", ids.get(i).value())) {
                throw new InvalidInputException("datasets[" + i + "]", "no dataset " + ids.get(i) + " is recorded");
            }
        }
    }

    private static void insertDatasetList(Connection c, String table, String doi, List<DatasetId> ids)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (doi, ordinal, dataset_id)"
                + " VALUES (?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(1, doi);
                s.setInt(2, i);
                s.setString(3, ids.get(i).value());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static List<DatasetId> datasetList(Connection c, String table, String doi) throws SQLException {
        List<DatasetId> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT dataset_id FROM " + table + " WHERE doi = ?"
                + " ORDER BY ordinal")) {
            q.setString(1, doi);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(new DatasetId(rs.getString(1)));
                }
            }
        }
        return ids;
    }

    private static Optional<PublishedData> readPublishedData(Connection c, String doi) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT title, registered FROM published_data WHERE doi = ?")) {
            q.setString(1, doi);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PublishedData(doi, rs.getString(1),
                        datasetList(c, "published_data_dataset", doi), instant(rs, "registered")));
            }
        }
    }

    @Override
    public Optional<PublishedData> publishedData(String doi) throws CatalogException {
        return db.read("read published data " + doi, c -> readPublishedData(c, doi));
    }

    // --- publications and attachments

    @Override
    public Publication savePublication(Publication publication) throws CatalogException {
        return db.inTransaction("record publication " + publication.doi(), c -> {
            requireDatasets(c, publication.datasets());
            try (PreparedStatement d = c.prepareStatement("DELETE FROM publication WHERE doi = ?")) {
                d.setString(1, publication.doi());
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO publication (doi, title, pub_year)"
                    + " VALUES (?, ?, ?)")) {
                s.setString(1, publication.doi());
                s.setString(2, publication.title());
                s.setInt(3, publication.year());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO publication_author (doi, ordinal, author)"
                    + " VALUES (?, ?, ?)")) {
                for (int i = 0; i < publication.authors().size(); i++) {
                    s.setString(1, publication.doi());
                    s.setInt(2, i);
                    s.setString(3, publication.authors().get(i));
                    s.addBatch();
                }
                s.executeBatch();
            }
            insertDatasetList(c, "publication_dataset", publication.doi(), publication.datasets());
            return publication;
        });
    }

    @Override
    public List<Publication> publications(DatasetId id) throws CatalogException {
        return db.read("read the publications of dataset " + id, c -> {
            List<Publication> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT p.doi, p.title, p.pub_year FROM publication p"
                    + " WHERE p.doi IN (SELECT doi FROM publication_dataset WHERE dataset_id = ?)"
                    + " ORDER BY p.pub_year, p.doi")) {
                q.setString(1, id.value());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String doi = rs.getString(1);
                        List<String> authors = new ArrayList<>();
                        try (PreparedStatement a = c.prepareStatement("SELECT author FROM publication_author"
                                + " WHERE doi = ? ORDER BY ordinal")) {
                            a.setString(1, doi);
                            try (ResultSet ar = a.executeQuery()) {
                                while (ar.next()) {
                                    authors.add(ar.getString(1));
                                }
                            }
                        }
                        out.add(new Publication(doi, rs.getString(2), authors, rs.getInt(3),
                                datasetList(c, "publication_dataset", doi)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Attachment attach(Attachment attachment, byte[] content) throws CatalogException {
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw new InvalidInputException("content", "attachment '" + attachment.name() + "' has "
                    + content.length + " bytes; at most " + MAX_ATTACHMENT_BYTES + " are accepted");
        }
        Attachment stored = new Attachment(attachment.id(), attachment.datasetId(), attachment.name(),
                attachment.mediaType(), attachment.caption(), attachment.author(), micros(attachment.created()));
        return db.inTransaction("attach " + attachment.name() + " to dataset " + attachment.datasetId(), c -> {
            if (!IngestValidator.exists(c, "dataset", "id", stored.datasetId().value())) {
                throw new InvalidInputException("datasetId", "no dataset " + stored.datasetId() + " is recorded");
            }
            if (IngestValidator.exists(c, "attachment", "id", stored.id())) {
                throw new ConflictException("attachment id " + stored.id() + " is already used");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO attachment (id, dataset_id, name, media_type,"
                    + " caption, author, created, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, stored.id());
                s.setString(2, stored.datasetId().value());
                s.setString(3, stored.name());
                s.setString(4, stored.mediaType());
                s.setString(5, stored.caption());
                s.setString(6, stored.author());
                s.setObject(7, utc(stored.created()));
                s.setLong(8, content.length);
                s.setBytes(9, content);
                s.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public List<Attachment> attachments(DatasetId id) throws CatalogException {
        return db.read("read the attachments of dataset " + id, c -> {
            List<Attachment> out = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT id, name, media_type, caption, author, created"
                    + " FROM attachment WHERE dataset_id = ? ORDER BY created, id")) {
                q.setString(1, id.value());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Attachment(rs.getString(1), id, rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), instant(rs, "created")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<byte[]> attachmentContent(String attachmentId) throws CatalogException {
        return db.read("read attachment " + attachmentId, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT content FROM attachment WHERE id = ?")) {
                q.setString(1, attachmentId);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    // --- change feed

    @Override
    public List<DatasetChange> changesSince(long sequence, int limit) throws CatalogException {
        checkPage(0, limit);
        return db.read("read changes after " + sequence, c -> {
            List<DatasetRows.Sequenced> changed;
            try (PreparedStatement q = c.prepareStatement("SELECT " + DatasetRows.COLUMNS + " FROM dataset d"
                    + " WHERE d.change_seq > ? ORDER BY d.change_seq FETCH FIRST ? ROWS ONLY")) {
                q.setLong(1, sequence);
                q.setInt(2, limit);
                changed = rows.read(c, q);
            }
            Set<String> proposals = new HashSet<>();
            for (DatasetRows.Sequenced s : changed) {
                if (!s.dataset().access().proposalId().isEmpty()) {
                    proposals.add(s.dataset().access().proposalId());
                }
            }
            Map<String, List<String>> people = FacilityRows.people(c, proposals);
            List<DatasetChange> changes = new ArrayList<>(changed.size());
            for (DatasetRows.Sequenced s : changed) {
                changes.add(new DatasetChange(s.sequence(), s.dataset(),
                        people.getOrDefault(s.dataset().access().proposalId(), List.of())));
            }
            return changes;
        });
    }

    // --- facility directory

    @Override
    public Facility saveFacility(Facility facility) throws CatalogException {
        return db.inTransaction("record facility " + facility.id(), c -> {
            FacilityRows.saveFacility(c, facility);
            return facility;
        });
    }

    @Override
    public Optional<Facility> facility() throws CatalogException {
        return db.read("read the facility", FacilityRows::facility);
    }

    @Override
    public Instrument saveInstrument(Instrument instrument) throws CatalogException {
        return db.inTransaction("record instrument " + instrument.id(), c -> {
            FacilityRows.saveInstrument(c, instrument);
            return instrument;
        });
    }

    @Override
    public Optional<Instrument> instrument(String id) throws CatalogException {
        return db.read("read instrument " + id,
                c -> FacilityRows.instruments(c, Optional.of(id)).stream().findFirst());
    }

    @Override
    public List<Instrument> instruments() throws CatalogException {
        return db.read("list instruments", c -> FacilityRows.instruments(c, Optional.empty()));
    }

    @Override
    public Proposal saveProposal(Proposal proposal) throws CatalogException {
        return db.inTransaction("record proposal " + proposal.id(), c -> saveProposal(c, proposal));
    }

    private Proposal saveProposal(Connection c, Proposal proposal) throws SQLException {
        Optional<Optional<Period>> previous = FacilityRows.saveProposal(c, proposal);
        Optional<Period> now = Optional.ofNullable(proposal.embargo());
        if (previous.isPresent() && !previous.get().equals(now)) {
            recomputePublicFrom(c, proposal.id(), now.orElse(defaultEmbargo));
        }
        return proposal;
    }

    /** A proposal's embargo changed: its datasets become public at end + embargo, or earlier if published. */
    private void recomputePublicFrom(Connection c, String proposalId, Period embargo) throws SQLException {
        Map<String, Instant> publicFrom = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT d.id, d.end_time, (SELECT MIN(p.registered)"
                + " FROM published_data_dataset pd JOIN published_data p ON p.doi = pd.doi"
                + " WHERE pd.dataset_id = d.id) AS published FROM dataset d WHERE d.proposal_id = ?")) {
            q.setString(1, proposalId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Instant embargoEnd = plus(instant(rs, "end_time"), embargo);
                    Instant published = instant(rs, "published");
                    publicFrom.put(rs.getString(1), published != null && published.isBefore(embargoEnd)
                            ? published : embargoEnd);
                }
            }
        }
        for (Map.Entry<String, Instant> e : publicFrom.entrySet()) {
            setPublicFrom(c, e.getKey(), e.getValue());
        }
    }

    @Override
    public Optional<Proposal> proposal(String id) throws CatalogException {
        return db.read("read proposal " + id, c -> FacilityRows.proposal(c, id));
    }

    @Override
    public Session saveSession(Session session) throws CatalogException {
        return db.inTransaction("record session " + session.id(), c -> saveSession(c, session, "proposalId"));
    }

    private static Session saveSession(Connection c, Session session, String field) throws SQLException,
            CatalogException {
        Session stored = new Session(session.id(), session.proposalId(), session.instrument(),
                micros(session.start()), micros(session.end()));
        if (!IngestValidator.exists(c, "proposal", "id", stored.proposalId())) {
            throw new InvalidInputException(field, "no proposal '" + stored.proposalId() + "' is recorded");
        }
        FacilityRows.saveSession(c, stored);
        return stored;
    }

    @Override
    public Optional<Session> session(String id) throws CatalogException {
        return db.read("read session " + id, c -> FacilityRows.sessions(c, "id", id).stream().findFirst());
    }

    @Override
    public List<Session> sessions(String proposalId) throws CatalogException {
        return db.read("list the sessions of proposal " + proposalId,
                c -> FacilityRows.sessions(c, "proposal_id", proposalId));
    }

    @Override
    public Sample saveSample(Sample sample) throws CatalogException {
        return db.inTransaction("record sample " + sample.id(), c -> saveSample(c, sample, "proposalId"));
    }

    private static Sample saveSample(Connection c, Sample sample, String field) throws SQLException,
            CatalogException {
        if (!sample.proposalId().isEmpty() && !IngestValidator.exists(c, "proposal", "id", sample.proposalId())) {
            throw new InvalidInputException(field, "no proposal '" + sample.proposalId() + "' is recorded");
        }
        FacilityRows.saveSample(c, sample);
        return sample;
    }

    @Override
    public void saveAll(DirectoryBatch batch, SameTransaction alsoWrite) throws CatalogException {
        db.inTransaction("record " + batch.size() + " directory records", c -> {
            for (Person person : batch.persons()) {
                FacilityRows.savePerson(c, person);
            }
            for (Instrument instrument : batch.instruments()) {
                FacilityRows.saveInstrument(c, instrument);
            }
            for (Proposal proposal : batch.proposals()) {
                saveProposal(c, proposal);
            }
            for (Session session : batch.sessions()) {
                saveSession(c, session, "sessions[" + session.id() + "].proposalId");
            }
            for (Sample sample : batch.samples()) {
                saveSample(c, sample, "samples[" + sample.id() + "].proposalId");
            }
            alsoWrite.write(c);
            return null;
        });
    }

    @Override
    public Optional<Sample> sample(String id) throws CatalogException {
        return db.read("read sample " + id, c -> FacilityRows.sample(c, id));
    }

    @Override
    public Person savePerson(Person person) throws CatalogException {
        return db.inTransaction("record person " + person.username(), c -> {
            FacilityRows.savePerson(c, person);
            return person;
        });
    }

    @Override
    public Optional<Person> person(String username) throws CatalogException {
        return db.read("read person " + username, c -> FacilityRows.person(c, username));
    }

    @Override
    public Viewer viewer(String username) throws CatalogException {
        if (username == null || username.isEmpty()) {
            return Viewer.anonymous();
        }
        return db.read("read what " + username + " may see", c -> FacilityRows.viewer(c, username));
    }

    @Override
    public Optional<String> passwordHash(String username) throws CatalogException {
        return db.read("read the password hash of " + username, c -> FacilityRows.passwordHash(c, username));
    }

    @Override
    public void setPasswordHash(String username, String hash) throws CatalogException {
        Objects.requireNonNull(hash, "hash");
        db.inTransaction("store the password hash of " + username, c -> {
            if (!FacilityRows.setPasswordHash(c, username, hash)) {
                throw new InvalidInputException("username", "no person '" + username + "' is recorded");
            }
            return null;
        });
    }

    // --- copies on storage backends (schema V9), kept by CopyRows

    @Override
    public List<DatasetCopy> copies(DatasetId id) throws CatalogException {
        return copies.copies(id);
    }

    @Override
    public Map<DatasetId, List<DatasetCopy>> copies(Collection<DatasetId> ids) throws CatalogException {
        return copies.copies(ids);
    }

    @Override
    public List<DatasetCopy> unfinished() throws CatalogException {
        return copies.unfinished();
    }

    @Override
    public DatasetCopy beginCopy(DatasetId id, String backendId, String keyPrefix, CopyFormat format)
            throws CatalogException {
        return copies.beginCopy(id, backendId, keyPrefix, format);
    }

    @Override
    public DatasetCopy adoptVerified(DatasetId id, String backendId, String keyPrefix, Instant verifiedAt)
            throws CatalogException {
        return copies.adoptVerified(id, backendId, keyPrefix, verifiedAt);
    }

    @Override
    public DatasetCopy markVerified(DatasetId id, String backendId, Instant verifiedAt) throws CatalogException {
        return copies.markVerified(id, backendId, verifiedAt);
    }

    @Override
    public DatasetCopy release(DatasetId id, String backendId, int othersVerified) throws CatalogException {
        return copies.release(id, backendId, othersVerified);
    }

    @Override
    public DatasetCopy markPurged(DatasetId id, String backendId, Instant purgedAt) throws CatalogException {
        return copies.markPurged(id, backendId, purgedAt);
    }

    @Override
    public void forget(DatasetId id, String backendId) throws CatalogException {
        copies.forget(id, backendId);
    }

    @Override
    public void recordAccess(DatasetId id, Instant when) throws CatalogException {
        copies.recordAccess(id, when);
    }

    @Override
    public Optional<Instant> lastAccess(DatasetId id) throws CatalogException {
        return copies.lastAccess(id);
    }

    // DOI requests (schema V10): kept here so they share the datasets' transactions and database

    @Override
    public DoiRequest createDoiRequest(DoiRequest request) throws CatalogException {
        return doiRequests.create(request);
    }

    @Override
    public DoiRequest updateDoiRequest(DoiRequest request, DoiRequestState expected) throws CatalogException {
        return doiRequests.update(request, expected);
    }

    @Override
    public Optional<DoiRequest> doiRequest(String id) throws CatalogException {
        return doiRequests.find("id", id);
    }

    @Override
    public Optional<DoiRequest> doiRequestByDoi(String doi) throws CatalogException {
        return doiRequests.find("doi", doi);
    }

    @Override
    public List<DoiRequest> doiRequests(DoiRequestState state, String requester, Instant from, Instant until,
            int offset, int limit) throws CatalogException {
        return doiRequests.list(state, requester, from, until, offset, limit);
    }

    @Override
    public List<DatasetId> needingWork(CopyRule rule, DatasetId after, int limit) throws CatalogException {
        return copyQueries.needingWork(rule, after, limit);
    }

    @Override
    public long countCovered(CopyRule rule) throws CatalogException {
        return copyQueries.countCovered(rule);
    }

    @Override
    public List<DatasetUse> leastRecentlyUsed(CopyRule rule, String backendId, int offset, int limit)
            throws CatalogException {
        return copyQueries.leastRecentlyUsed(rule, backendId, offset, limit);
    }

    @Override
    public List<CopiedFile> copiedFiles(DatasetId afterDataset, String afterPath, int limit)
            throws CatalogException {
        return copyQueries.copiedFiles(afterDataset, afterPath, limit);
    }
}
