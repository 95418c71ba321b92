package org.datastamp.logbook.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.datastamp.catalog.api.Attachment;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.AccessDeniedException;
import org.datastamp.logbook.api.EntryKind;
import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.InvalidEntryException;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.NotFoundException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;
import org.datastamp.logbook.api.ScanThumbnails;
import org.datastamp.logbook.api.StaleVersionException;
import org.datastamp.logbook.jdbc.LogbookRows.StoredEntry;
import org.datastamp.logbook.jdbc.LogbookRows.StoredScan;

/** The logbook on the catalogue's database; {@link LogbookComponent} runs it as a service. */
class JdbcLogbook implements Logbook {

    /** Where the REST API serves images; rendered notes point there. */
    static final String IMAGE_PATH = "/api/v1/logbooks/images/";

    static final int MAX_MARKDOWN = 100_000;

    private final Transactions db;
    private final Catalog catalog;
    private final FacilityDirectory directory;
    private final ImageCheck images;
    private final Clock clock;
    private final Supplier<Optional<ScanThumbnails>> thumbnails;
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    JdbcLogbook(DataSource dataSource, Catalog catalog, FacilityDirectory directory, ImageCheck images, Clock clock,
            Supplier<Optional<ScanThumbnails>> thumbnails) {
        this.db = new Transactions(dataSource);
        this.catalog = catalog;
        this.directory = directory;
        this.images = images;
        this.clock = clock;
        this.thumbnails = thumbnails;
    }

    // --- access

    private SessionAccess access(String sessionId, Viewer viewer) throws LogbookException {
        Session session;
        try {
            session = directory.session(sessionId).orElseThrow(() -> new NotFoundException("No session '" + sessionId
                    + "' with a logbook you may see"));
        } catch (CatalogException e) {
            throw new LogbookException("Could not read session " + sessionId + ": " + e.getMessage(), e);
        }
        if (SessionAccess.writes(viewer, session)) {
            return new SessionAccess(session, true, Set.of());
        }
        Set<String> visible = new HashSet<>();
        for (String id : db.read("list the datasets of session " + sessionId,
                c -> LogbookRows.sessionDatasets(c, sessionId))) {
            try {
                if (catalog.find(new DatasetId(id), viewer).isPresent()) {
                    visible.add(id);
                }
            } catch (CatalogException e) {
                throw new LogbookException("Could not check access to dataset " + id + ": " + e.getMessage(), e);
            }
        }
        if (visible.isEmpty()) {
            throw new NotFoundException("No session '" + sessionId + "' with a logbook you may see");
        }
        return new SessionAccess(session, false, visible);
    }

    private SessionAccess writer(String sessionId, Viewer viewer) throws LogbookException {
        SessionAccess access = access(sessionId, viewer);
        if (!access.writes()) {
            throw new AccessDeniedException((viewer.username().isEmpty() ? "Anonymous visitors" : "'"
                    + viewer.username() + "'") + " may read but not write the logbook of session " + sessionId
                    + ": only members of proposal " + access.session().proposalId() + ", staff of "
                    + access.session().instrument() + ", curators and admins write");
        }
        return access;
    }

    private StoredScan storedScan(String scanId) throws LogbookException {
        StoredScan scan = db.read("read scan " + scanId, c -> LogbookRows.scan(c, scanId))
                .orElseThrow(() -> new NotFoundException("No scan '" + scanId + "' in any logbook"));
        if (scan.sessionId().isEmpty()) {
            throw new NotFoundException("Scan '" + scanId + "' belongs to no session yet (no session on "
                    + scan.instrument() + " covers " + scan.started() + ")");
        }
        return scan;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // --- scans

    @Override
    public List<ScanRow> scans(String sessionId, ScanFilter filter, Viewer viewer) throws LogbookException {
        SessionAccess access = access(sessionId, viewer);
        List<ScanRow> rows = rows(sessionId, access, viewer);
        Map<String, List<String>> commentTexts = new HashMap<>();
        if (!filter.text().isEmpty()) {
            for (StoredEntry e : db.read("read comments", c -> LogbookRows.entries(c, sessionId))) {
                commentTexts.computeIfAbsent(e.scanId(), k -> new ArrayList<>()).add(e.newest().markdown());
            }
        }
        return rows.stream().filter(r -> ScanFilters.matches(r, filter, commentTexts.getOrDefault(r.scanId(),
                List.of()))).toList();
    }

    private List<ScanRow> rows(String sessionId, SessionAccess access, Viewer viewer) throws LogbookException {
        return db.read("read the scans of session " + sessionId, c -> {
            Map<String, Map<String, String>> values = LogbookRows.values(c, sessionId);
            Map<String, Map<String, Integer>> ratings = LogbookRows.ratings(c, sessionId);
            Map<String, Set<String>> tags = LogbookRows.tags(c, sessionId);
            Map<String, Long> comments = LogbookRows.entries(c, sessionId).stream()
                    .filter(e -> e.kind() == EntryKind.COMMENT)
                    .collect(Collectors.groupingBy(StoredEntry::scanId, Collectors.counting()));
            List<ScanRow> rows = new ArrayList<>();
            for (StoredScan s : LogbookRows.sessionScans(c, sessionId)) {
                if (!access.readsScan(s.datasetId())) {
                    continue;
                }
                Map<String, Integer> rated = ratings.getOrDefault(s.scanId(), Map.of());
                double mean = rated.values().stream().mapToInt(Integer::intValue).average().orElse(0);
                rows.add(new ScanRow(s.scanId(), s.sessionId(), s.instrument(), s.started(), s.title(), s.type(),
                        s.sample(), s.status(), s.datasetId(), s.frames(), s.error(),
                        values.getOrDefault(s.scanId(), Map.of()), mean, rated.size(),
                        rated.getOrDefault(viewer.username(), 0), tags.getOrDefault(s.scanId(), Set.of()),
                        comments.getOrDefault(s.scanId(), 0L).intValue(), thumbnail(s)));
            }
            return rows;
        });
    }

    private String thumbnail(StoredScan s) {
        return thumbnails.get().flatMap(t -> t.thumbnail(s.scanId(), s.datasetId())).orElse("");
    }

    @Override
    public Optional<ScanRow> scan(String scanId, Viewer viewer) throws LogbookException {
        Optional<StoredScan> stored = db.read("read scan " + scanId, c -> LogbookRows.scan(c, scanId));
        if (stored.isEmpty() || stored.get().sessionId().isEmpty()) {
            return Optional.empty();
        }
        try {
            return scans(stored.get().sessionId(), ScanFilter.all(), viewer).stream()
                    .filter(r -> r.scanId().equals(scanId)).findFirst();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public ScanRow rate(String scanId, int stars, Viewer viewer) throws LogbookException {
        if (stars < 1 || stars > 5) {
            throw new InvalidEntryException("stars", "a rating is 1 to 5 stars, not " + stars);
        }
        StoredScan scan = storedScan(scanId);
        writer(scan.sessionId(), viewer);
        db.write("rate scan " + scanId, c -> {
            LogbookRows.rate(c, scanId, viewer.username(), stars, now());
            return null;
        });
        return scan(scanId, viewer).orElseThrow();
    }

    @Override
    public ScanRow tag(String scanId, Set<String> add, Set<String> remove, Viewer viewer) throws LogbookException {
        Set<String> adding = ScanFilters.tags("add", add);
        Set<String> removing = ScanFilters.tags("remove", remove);
        StoredScan scan = storedScan(scanId);
        writer(scan.sessionId(), viewer);
        db.write("tag scan " + scanId, c -> {
            LogbookRows.tag(c, scanId, adding, removing, viewer.username(), now());
            return null;
        });
        return scan(scanId, viewer).orElseThrow();
    }

    // --- notes and comments

    @Override
    public List<LogEntry> entries(String sessionId, String text, Viewer viewer) throws LogbookException {
        SessionAccess access = access(sessionId, viewer);
        if (!access.readsNotes()) {
            return List.of();
        }
        Map<String, String> scanDatasets = scanDatasets(sessionId);
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        MarkdownRenderer.Links links = links(sessionId, access, scanDatasets, false);
        List<LogEntry> entries = new ArrayList<>();
        for (StoredEntry e : db.read("read the logbook of session " + sessionId,
                c -> LogbookRows.entries(c, sessionId))) {
            boolean visible = e.kind() == EntryKind.NOTE
                    || access.readsScan(scanDatasets.getOrDefault(e.scanId(), ""));
            if (visible && e.newest().markdown().toLowerCase(Locale.ROOT).contains(needle)) {
                entries.add(entry(e, links));
            }
        }
        return entries;
    }

    private Map<String, String> scanDatasets(String sessionId) throws LogbookException {
        Map<String, String> datasets = new HashMap<>();
        for (StoredScan s : db.read("read scans", c -> LogbookRows.sessionScans(c, sessionId))) {
            datasets.put(s.scanId(), s.datasetId());
        }
        return datasets;
    }

    private LogEntry entry(StoredEntry e, MarkdownRenderer.Links links) {
        EntryVersion v = e.newest();
        return new LogEntry(e.id(), e.sessionId(), e.kind(), e.scanId(), v.version(), v.markdown(),
                markdown.render(v.markdown(), links), e.author(), e.created(), v.author(), v.created());
    }

    /** Images and scan mentions of one session, as links for the REST API or inlined for an export. */
    private MarkdownRenderer.Links links(String sessionId, SessionAccess access, Map<String, String> scanDatasets,
            boolean inline) throws LogbookException {
        Map<String, LogImage> byId = new HashMap<>();
        for (LogImage image : db.read("list images", c -> LogbookRows.images(c, sessionId))) {
            byId.put(image.id(), image);
        }
        return new MarkdownRenderer.Links() {
            @Override
            public Optional<String> image(String imageId) {
                LogImage image = byId.get(imageId);
                if (image == null) {
                    return Optional.empty();
                }
                // Browsers show PNG and JPEG; a TIFF appears as its PNG thumbnail.
                boolean tiff = image.mediaType().equals("image/tiff");
                if (!inline) {
                    return Optional.of(IMAGE_PATH + imageId + (tiff ? "?thumbnail=true" : ""));
                }
                try {
                    byte[] bytes = db.read("read image " + imageId, c -> LogbookRows.imageBytes(c, imageId, tiff));
                    return Optional.of("data:" + (tiff ? "image/png" : image.mediaType()) + ";base64,"
                            + Base64.getEncoder().encodeToString(bytes));
                } catch (LogbookException e) {
                    throw new IllegalStateException("Image " + imageId + " could not be read: " + e.getMessage(), e);
                }
            }

            @Override
            public boolean isScan(String scanId) {
                return scanDatasets.containsKey(scanId) && access.readsScan(scanDatasets.get(scanId));
            }

            @Override
            public String scan(String scanId) {
                return "#scan-" + scanId;
            }
        };
    }

    @Override
    public LogEntry addNote(String sessionId, String text, Viewer viewer) throws LogbookException {
        return add(sessionId, EntryKind.NOTE, "", text, viewer);
    }

    @Override
    public LogEntry comment(String scanId, String text, Viewer viewer) throws LogbookException {
        return add(storedScan(scanId).sessionId(), EntryKind.COMMENT, scanId, text, viewer);
    }

    private LogEntry add(String sessionId, EntryKind kind, String scanId, String text, Viewer viewer)
            throws LogbookException {
        String checked = checkMarkdown(text);
        writer(sessionId, viewer);
        String id = UUID.randomUUID().toString();
        Instant now = now();
        db.write("add a " + kind.name().toLowerCase(Locale.ROOT) + " to session " + sessionId, c -> {
            LogbookRows.insertEntry(c, id, sessionId, kind, scanId, viewer.username(), now);
            LogbookRows.insertVersion(c, new EntryVersion(id, 1, checked, viewer.username(), now));
            return null;
        });
        return current(id, viewer);
    }

    private static String checkMarkdown(String text) throws InvalidEntryException {
        if (text == null || text.isBlank()) {
            throw new InvalidEntryException("markdown", "an entry needs some text");
        }
        if (text.length() > MAX_MARKDOWN) {
            throw new InvalidEntryException("markdown", "an entry has at most " + MAX_MARKDOWN + " characters, this"
                    + " one " + text.length() + "; split it into several notes");
        }
        return text;
    }

    private LogEntry current(String entryId, Viewer viewer) throws LogbookException {
        StoredEntry e = storedEntry(entryId);
        return entries(e.sessionId(), "", viewer).stream().filter(x -> x.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No entry '" + entryId + "' you may see"));
    }

    private StoredEntry storedEntry(String entryId) throws LogbookException {
        return db.read("read entry " + entryId, c -> LogbookRows.entry(c, entryId))
                .orElseThrow(() -> new NotFoundException("No logbook entry '" + entryId + "'"));
    }

    @Override
    public LogEntry edit(String entryId, int basedOn, String text, Viewer viewer) throws LogbookException {
        String checked = checkMarkdown(text);
        StoredEntry e = storedEntry(entryId);
        writer(e.sessionId(), viewer);
        Instant now = now();
        db.write("edit entry " + entryId, c -> {
            int newest = LogbookRows.versions(c, entryId).size();
            if (basedOn != newest) {
                throw stale(entryId, basedOn, newest);
            }
            try {
                LogbookRows.insertVersion(c, new EntryVersion(entryId, newest + 1, checked, viewer.username(), now));
            } catch (SQLException clash) {
                if (clash.getSQLState() != null && clash.getSQLState().startsWith("23")) {
                    // another edit took version newest + 1 between our read and our insert
                    throw stale(entryId, basedOn, newest + 1);
                }
                throw clash;
            }
            return null;
        });
        return current(entryId, viewer);
    }

    private static StaleVersionException stale(String entryId, int basedOn, int newest) {
        return new StaleVersionException("Entry " + entryId + " is at version " + newest + ", this edit was based on"
                + " version " + basedOn + "; nothing was written: reload it and edit the newest version");
    }

    @Override
    public List<EntryVersion> history(String entryId, Viewer viewer) throws LogbookException {
        current(entryId, viewer);
        return db.read("read the history of entry " + entryId, c -> LogbookRows.versions(c, entryId));
    }

    // --- images

    @Override
    public LogImage upload(String sessionId, String fileName, byte[] content, Viewer viewer)
            throws LogbookException {
        String name = fileName == null || fileName.isBlank() ? "image" : fileName.strip();
        if (name.length() > 200) {
            throw new InvalidEntryException("name", "a file name has at most 200 characters");
        }
        writer(sessionId, viewer);
        ImageCheck.Checked checked = images.check(content);
        LogImage image = new LogImage(UUID.randomUUID().toString(), sessionId, name, checked.mediaType(),
                checked.width(), checked.height(), content.length, viewer.username(), now());
        db.write("store image " + name, c -> {
            LogbookRows.insertImage(c, image, content, checked.thumbnail());
            return null;
        });
        return image;
    }

    @Override
    public List<LogImage> images(String sessionId, Viewer viewer) throws LogbookException {
        if (!access(sessionId, viewer).readsNotes()) {
            return List.of();
        }
        return db.read("list images", c -> LogbookRows.images(c, sessionId));
    }

    @Override
    public Optional<ImageData> image(String imageId, boolean thumbnail, Viewer viewer) throws LogbookException {
        Optional<LogImage> image = db.read("read image " + imageId, c -> LogbookRows.image(c, imageId));
        if (image.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!access(image.get().sessionId(), viewer).readsNotes()) {
                return Optional.empty();
            }
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        byte[] bytes = db.read("read image " + imageId, c -> LogbookRows.imageBytes(c, imageId, thumbnail));
        return Optional.of(new ImageData(thumbnail ? "image/png" : image.get().mediaType(), bytes));
    }

    // --- export

    @Override
    public byte[] export(String sessionId, ExportFormat format, Viewer viewer) throws LogbookException {
        LogbookExport export = exportOf(sessionId, viewer, clock.instant());
        return format == ExportFormat.HTML ? export.html() : PdfExport.pdf(export.document());
    }

    private LogbookExport exportOf(String sessionId, Viewer viewer, Instant exported) throws LogbookException {
        SessionAccess access = access(sessionId, viewer);
        Map<String, String> scanDatasets = scanDatasets(sessionId);
        MarkdownRenderer.Links inline = links(sessionId, access, scanDatasets, true);
        List<LogEntry> entries = new ArrayList<>();
        for (StoredEntry e : db.read("read the logbook", c -> LogbookRows.entries(c, sessionId))) {
            if (e.kind() == EntryKind.NOTE ? access.readsNotes()
                    : access.readsScan(scanDatasets.getOrDefault(e.scanId(), ""))) {
                entries.add(entry(e, inline));
            }
        }
        return new LogbookExport(access.session(), proposalTitle(access.session()), rows(sessionId, access, viewer),
                entries, exported);
    }

    private String proposalTitle(Session session) throws LogbookException {
        try {
            return directory.proposal(session.proposalId()).map(p -> p.title()).orElse("");
        } catch (CatalogException e) {
            throw new LogbookException("Could not read proposal " + session.proposalId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Attachment> attachToDatasets(String sessionId) throws LogbookException {
        return attach(sessionId, db.read("list datasets", c -> LogbookRows.sessionDatasets(c, sessionId)));
    }

    /**
     * Attaches the logbook of each session the dataset belongs to (usually one) to this dataset only, unless the
     * export attached last is still current; what the storage lifecycle calls before it archives the dataset.
     *
     * @return the attachments made, none if the dataset belongs to no session or its exports are current
     */
    List<Attachment> attachToDataset(String datasetId) throws LogbookException {
        List<Attachment> made = new ArrayList<>();
        for (String sessionId : db.read("find the sessions of dataset " + datasetId,
                c -> LogbookRows.datasetSessions(c, datasetId))) {
            made.addAll(attach(sessionId, Set.of(datasetId)));
        }
        return made;
    }

    /** Attaches the session's HTML and PDF export to each dataset whose last attached export is out of date. */
    private List<Attachment> attach(String sessionId, Set<String> datasetIds) throws LogbookException {
        Instant now = now();
        LogbookExport export = exportOf(sessionId, Viewer.system(), now);
        byte[] html = export.html();
        byte[] pdf = null;
        List<Attachment> made = new ArrayList<>();
        for (String datasetId : new TreeSet<>(datasetIds)) {
            DatasetId dataset = new DatasetId(datasetId);
            try {
                if (attachedIsCurrent(sessionId, dataset, export)) {
                    continue;
                }
                pdf = pdf == null ? PdfExport.pdf(export.document()) : pdf;
                for (ExportFormat format : ExportFormat.values()) {
                    Attachment attachment = new Attachment(UUID.randomUUID().toString(), dataset,
                            exportName(sessionId, format), format.mediaType(), "Logbook of session " + sessionId
                                    + " at " + now, "system", now);
                    made.add(catalog.attach(attachment, format == ExportFormat.HTML ? html : pdf));
                }
            } catch (CatalogException e) {
                throw new LogbookException("Could not attach the logbook of session " + sessionId
                        + " to dataset " + datasetId + " (" + made.size() + " attachments made before): "
                        + e.getMessage(), e);
            }
        }
        return made;
    }

    /**
     * Whether the dataset's newest attached export (HTML and PDF of the same moment) shows what the logbook holds
     * now: the current logbook stamped with that moment gives the same HTML. The PDF is laid out from the same
     * document, so it need not be compared.
     */
    private boolean attachedIsCurrent(String sessionId, DatasetId dataset, LogbookExport export)
            throws CatalogException {
        List<Attachment> attached = catalog.attachments(dataset);
        Optional<Attachment> html = attached.stream()
                .filter(a -> a.name().equals(exportName(sessionId, ExportFormat.HTML)) && a.author().equals("system"))
                .reduce((first, second) -> second);
        if (html.isEmpty() || attached.stream().noneMatch(a -> a.name().equals(exportName(sessionId,
                ExportFormat.PDF)) && a.author().equals("system") && a.created().equals(html.get().created()))) {
            return false;
        }
        Optional<byte[]> earlier = catalog.attachmentContent(html.get().id());
        return earlier.isPresent()
                && Arrays.equals(earlier.get(), export.exportedAt(html.get().created()).html());
    }

    private static String exportName(String sessionId, ExportFormat format) {
        return "logbook-" + sessionId + "." + format.extension();
    }
}
