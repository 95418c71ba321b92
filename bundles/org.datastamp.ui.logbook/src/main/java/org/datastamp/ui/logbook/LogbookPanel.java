package org.datastamp.ui.logbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Proposal;
import org.datastamp.catalog.api.Session;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.logbook.api.EntryVersion;
import org.datastamp.logbook.api.ExportFormat;
import org.datastamp.logbook.api.ImageData;
import org.datastamp.logbook.api.LogEntry;
import org.datastamp.logbook.api.LogImage;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.LogbookException;
import org.datastamp.logbook.api.ScanFilter;
import org.datastamp.logbook.api.ScanRow;
import org.datastamp.logbook.api.ScanThumbnails;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.rap.fileupload.FileUploadEvent;
import org.eclipse.rap.fileupload.FileUploadHandler;
import org.eclipse.rap.fileupload.FileUploadListener;
import org.eclipse.rap.rwt.widgets.FileUpload;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * One browser session's logbook view. The overview refreshes itself while open; notes, comments, ratings and tags
 * are written at once, each with the session user as author, and a refusal (no write access, bad image, edit of an
 * older version) is shown in the status line with the logbook's own message.
 */
final class LogbookPanel {

    /** The logbook refuses larger images itself (maxImageMegabytes); this only bounds what is read into memory. */
    static final long MAX_UPLOAD_BYTES = 64L * 1024 * 1024;

    private final Composite parent;
    private final ViewContext context;
    private final Logbook logbook;
    private final FacilityDirectory directory;
    private final ScheduledExecutorService timer;
    private final Supplier<Optional<ScanThumbnails>> thumbnailService;

    private volatile String sessionId = "";
    private volatile Viewer viewer = Viewer.anonymous();
    private List<ScanRow> rows = List.of();
    private List<String> keyColumns = List.of();
    private List<LogEntry> entries = List.of();
    private Optional<ScanRow> selectedScan = Optional.empty();
    private Optional<LogEntry> selectedEntry = Optional.empty();
    private ScheduledFuture<?> refresh;
    private FileUploadHandler uploads;

    private Combo mySessions;
    private Text session;
    private Text filter;
    private Label status;
    private Table scans;
    private ScanThumbnailImages thumbnails;
    private Browser notes;
    private Table entryTable;
    private Text note;
    private Table history;
    private Label scanLabel;
    private Text tags;
    private Text comment;
    private Browser comments;

    LogbookPanel(Composite parent, ViewContext context, Logbook logbook, FacilityDirectory directory,
            ScheduledExecutorService timer, Supplier<Optional<ScanThumbnails>> thumbnailService) {
        this.parent = parent;
        this.context = context;
        this.logbook = logbook;
        this.directory = directory;
        this.timer = timer;
        this.thumbnailService = thumbnailService;
    }

    void build() {
        viewer = viewer(context.user());
        parent.setLayout(new GridLayout(1, false));
        buildTopBar(row(parent, 11));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(status, "logbook-status");
        SashForm vertical = new SashForm(parent, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scans = new Table(vertical, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        scans.setHeaderVisible(true);
        scans.setLinesVisible(true);
        context.setTestId(scans, "logbook-scans");
        thumbnails = new ScanThumbnailImages(scans, context, thumbnailService, timer, this::showThumbnails);
        scans.addListener(SWT.Selection, e -> selectScan(scans.getSelectionIndex()));
        SashForm bottom = new SashForm(vertical, SWT.HORIZONTAL);
        buildNotes(column(bottom, 3));
        buildScanPane(column(bottom, 6));
        vertical.setWeights(new int[] {35, 65});
        bottom.setWeights(new int[] {55, 45});
        parent.addListener(SWT.Dispose, e -> close());
        refresh = schedule();
        if (mySessions.getItemCount() > 0) {
            mySessions.select(0);
            session.setText(mySessions.getItem(0));
            open();
        }
    }

    // --- layout

    private void buildTopBar(Composite bar) {
        new Label(bar, SWT.NONE).setText("Your sessions");
        mySessions = new Combo(bar, SWT.READ_ONLY);
        mySessions.setItems(sessionsOf(viewer).toArray(String[]::new));
        mySessions.setLayoutData(new GridData(140, SWT.DEFAULT));
        context.setTestId(mySessions, "logbook-my-sessions");
        mySessions.addListener(SWT.Selection, e -> {
            session.setText(mySessions.getText());
            open();
        });
        new Label(bar, SWT.NONE).setText("Session");
        session = new Text(bar, SWT.BORDER);
        session.setMessage("session id");
        session.setLayoutData(new GridData(140, SWT.DEFAULT));
        context.setTestId(session, "logbook-session");
        button(bar, "Open", "logbook-open", this::open);
        new Label(bar, SWT.NONE).setText("Search");
        filter = new Text(bar, SWT.BORDER);
        filter.setMessage("text, tag:name, stars:4 or status:FAILED");
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(filter, "logbook-filter");
        button(bar, "Filter", "logbook-apply-filter", this::refreshAll);
        button(bar, "Refresh", "logbook-refresh", this::refreshAll);
        button(bar, "Export HTML", "logbook-export-html", () -> export(ExportFormat.HTML));
        button(bar, "Export PDF", "logbook-export-pdf", () -> export(ExportFormat.PDF));
    }

    private void buildNotes(Composite pane) {
        notes = new Browser(pane, SWT.BORDER);
        GridData notesData = span(3, true);
        notesData.heightHint = 140;
        notes.setLayoutData(notesData);
        context.setTestId(notes, "logbook-notes");
        entryTable = table(pane, "logbook-entries", new String[] {"Kind", "By", "Edited (UTC)", "Version", "Scan"},
                new int[] {80, 90, 140, 60, 110});
        entryTable.addListener(SWT.Selection, e -> selectEntry(entryTable.getSelectionIndex()));
        note = new Text(pane, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        note.setMessage("Note in Markdown; #scan-000042 links a scan, uploaded images appear as ![name](image:ID)");
        GridData noteData = span(3, false);
        noteData.heightHint = 70;
        note.setLayoutData(noteData);
        context.setTestId(note, "logbook-note");
        button(pane, "Add note", "logbook-add-note", this::addNote);
        button(pane, "Save edit of selected entry", "logbook-save-edit", this::saveEdit);
        FileUpload upload = new FileUpload(pane, SWT.NONE);
        upload.setText("Upload image...");
        upload.setFilterExtensions(new String[] {"*.png;*.jpg;*.jpeg;*.tif;*.tiff"});
        context.setTestId(upload, "logbook-upload");
        uploads = new FileUploadHandler(new ImageReceiver(MAX_UPLOAD_BYTES,
                (name, content) -> logbook.upload(sessionId, name, content, viewer), this::uploaded));
        uploads.setMaxFileSize(MAX_UPLOAD_BYTES);
        uploads.addUploadListener(new UploadOutcome());
        upload.addListener(SWT.Selection, e -> {
            if (sessionId.isEmpty()) {
                say("Open a session before uploading an image");
                return;
            }
            say("Uploading " + upload.getFileName() + "...");
            upload.submit(uploads.getUploadUrl());
        });
        history = table(pane, "logbook-history", new String[] {"Version", "Author", "Time (UTC)", "Text"},
                new int[] {60, 90, 140, 300});
    }

    private void buildScanPane(Composite pane) {
        scanLabel = new Label(pane, SWT.WRAP);
        scanLabel.setText("Select a scan in the overview");
        scanLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 6, 1));
        context.setTestId(scanLabel, "logbook-scan");
        new Label(pane, SWT.NONE).setText("Rate");
        for (int stars = 1; stars <= 5; stars++) {
            int chosen = stars;
            button(pane, "\u2605".repeat(stars), "logbook-star-" + stars, () -> rate(chosen));
        }
        new Label(pane, SWT.NONE).setText("Tags");
        tags = new Text(pane, SWT.BORDER);
        tags.setMessage("comma-separated, e.g. calibration, best");
        tags.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        context.setTestId(tags, "logbook-tags");
        button(pane, "Save tags", "logbook-save-tags", this::saveTags);
        comment = new Text(pane, SWT.BORDER | SWT.MULTI | SWT.WRAP);
        comment.setMessage("Comment on the selected scan (Markdown)");
        GridData commentData = span(5, false);
        commentData.heightHint = 50;
        comment.setLayoutData(commentData);
        context.setTestId(comment, "logbook-comment");
        button(pane, "Comment", "logbook-add-comment", this::addComment);
        comments = new Browser(pane, SWT.BORDER);
        comments.setLayoutData(span(6, true));
        context.setTestId(comments, "logbook-comments");
    }

    // --- actions

    private void open() {
        sessionId = session.getText().strip();
        selectedScan = Optional.empty();
        selectedEntry = Optional.empty();
        refreshAll();
    }

    private void refreshAll() {
        if (sessionId.isEmpty()) {
            say("Type or choose a session id and press Open");
            return;
        }
        try {
            thumbnails.retryMissing();
            refreshScans();
            entries = logbook.entries(sessionId, "", viewer);
            showEntries();
            showScan();
            say("Session " + sessionId + ": " + rows.size() + " scans, " + entries.size() + " notes and comments");
        } catch (LogbookException e) {
            say(e.getMessage());
        }
    }

    private void refreshScans() throws LogbookException {
        rows = logbook.scans(sessionId, ScanFilters.parse(filter.getText()), viewer);
        List<String> columns = ScanCells.keyColumns(rows);
        if (!columns.equals(keyColumns) || scans.getColumnCount() == 0) {
            keyColumns = columns;
            scans.setItemCount(0);
            Arrays.stream(scans.getColumns()).forEach(TableColumn::dispose);
            for (String header : ScanCells.headers(columns)) {
                TableColumn column = new TableColumn(scans, SWT.NONE);
                column.setText(header);
                column.setWidth(header.equals("Time (UTC)") || header.equals("Rating") ? 140 : 100);
            }
        }
        scans.setItemCount(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = ScanCells.row(rows.get(i), keyColumns);
            TableItem item = scans.getItem(i);
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].equals(item.getText(c))) {
                    item.setText(c, cells[c]);
                }
            }
        }
        selectedScan = selectedScan.flatMap(s -> rows.stream().filter(r -> r.scanId().equals(s.scanId()))
                .findFirst());
        selectedScan.ifPresent(s -> scans.setSelection(rows.indexOf(s)));
        showThumbnails();
    }

    private void showThumbnails() {
        if (!scans.isDisposed() && scans.getItemCount() == rows.size()) {
            thumbnails.show(rows, ScanCells.thumbnailColumn(keyColumns), viewer);
        }
    }

    private void export(ExportFormat format) {
        say(ExportDownload.offer(logbook, sessionId, format, viewer, context));
    }

    private void addNote() {
        write(() -> {
            logbook.addNote(sessionId, note.getText(), viewer);
            note.setText("");
            return "Note added";
        });
    }

    private void saveEdit() {
        if (selectedEntry.isEmpty()) {
            say("Select a note or comment in the list to edit it");
            return;
        }
        LogEntry entry = selectedEntry.get();
        write(() -> {
            LogEntry edited = logbook.edit(entry.id(), entry.version(), note.getText(), viewer);
            selectedEntry = Optional.of(edited);
            return "Saved version " + edited.version() + " of the " + edited.kind().name().toLowerCase() + "; earlier"
                    + " versions are kept";
        });
    }

    private void rate(int stars) {
        withScan(scan -> "Rated " + scan.scanId() + " " + logbook.rate(scan.scanId(), stars, viewer).myRating()
                + " of 5");
    }

    private void saveTags() {
        withScan(scan -> {
            Set<String> wanted = new TreeSet<>();
            for (String tag : tags.getText().split(",")) {
                if (!tag.isBlank()) {
                    wanted.add(tag.strip().toLowerCase(java.util.Locale.ROOT));
                }
            }
            Set<String> removed = new HashSet<>(scan.tags());
            removed.removeAll(wanted);
            logbook.tag(scan.scanId(), wanted, removed, viewer);
            return "Tags of " + scan.scanId() + ": " + String.join(", ", wanted);
        });
    }

    private void addComment() {
        withScan(scan -> {
            logbook.comment(scan.scanId(), comment.getText(), viewer);
            comment.setText("");
            return "Commented on " + scan.scanId();
        });
    }

    private void uploaded(LogImage image) {
        context.asyncExec(() -> {
            if (note.isDisposed()) {
                return;
            }
            String markdown = "![" + image.name().replaceAll("[\\[\\]]", "") + "](image:" + image.id() + ")";
            note.setText(note.getText().isEmpty() ? markdown : note.getText() + "\n" + markdown);
            say("Uploaded " + image.name() + " (" + image.width() + " x " + image.height() + "); it is in the note's"
                    + " text, add the note to show it");
        });
    }

    /** Reports a refused or failed upload with the logbook's reason. */
    private final class UploadOutcome implements FileUploadListener {
        @Override
        public void uploadProgress(FileUploadEvent event) {
            // the status line already says an upload is under way
        }

        @Override
        public void uploadFailed(FileUploadEvent event) {
            Exception e = event.getException();
            context.asyncExec(() -> say("Upload refused: " + (e == null ? "unknown reason" : e.getMessage())));
        }

        @Override
        public void uploadFinished(FileUploadEvent event) {
            // the receiver reports the stored image
        }
    }

    // --- selection

    private void selectScan(int index) {
        selectedScan = index < 0 || index >= rows.size() ? Optional.empty() : Optional.of(rows.get(index));
        showScan();
    }

    private void showScan() {
        if (selectedScan.isEmpty()) {
            scanLabel.setText("Select a scan in the overview");
            comments.setText(NotesPage.page(List.of(), this::image));
            return;
        }
        ScanRow scan = selectedScan.get();
        scanLabel.setText(scan.scanId() + ": " + scan.title() + " (" + scan.status() + ")"
                + (scan.myRating() > 0 ? ", your rating " + scan.myRating() + " of 5" : ""));
        tags.setText(String.join(", ", scan.sortedTags()));
        comments.setText(NotesPage.page(entries.stream().filter(e -> e.scanId().equals(scan.scanId())).toList(),
                this::image));
    }

    private void showEntries() {
        notes.setText(NotesPage.page(entries, this::image));
        entryTable.setItemCount(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            LogEntry e = entries.get(i);
            entryTable.getItem(i).setText(new String[] {e.kind().name().toLowerCase(), e.editedBy(),
                    ScanCells.TIME.format(e.edited()), Integer.toString(e.version()), e.scanId()});
        }
    }

    private void selectEntry(int index) {
        if (index < 0 || index >= entries.size()) {
            return;
        }
        LogEntry entry = entries.get(index);
        selectedEntry = Optional.of(entry);
        note.setText(entry.markdown());
        try {
            List<EntryVersion> versions = logbook.history(entry.id(), viewer);
            history.setItemCount(versions.size());
            for (int i = 0; i < versions.size(); i++) {
                EntryVersion v = versions.get(i);
                history.getItem(i).setText(new String[] {Integer.toString(v.version()), v.author(),
                        ScanCells.TIME.format(v.created()), v.markdown()});
            }
        } catch (LogbookException e) {
            say(e.getMessage());
        }
    }

    private Optional<ImageData> image(String id, boolean thumbnail) {
        try {
            return logbook.image(id, thumbnail, viewer);
        } catch (LogbookException e) {
            return Optional.empty();
        }
    }

    // --- plumbing

    @FunctionalInterface
    private interface Write {
        String run() throws LogbookException;
    }

    @FunctionalInterface
    private interface ScanWrite {
        String run(ScanRow scan) throws LogbookException;
    }

    private void write(Write action) {
        if (sessionId.isEmpty()) {
            say("Open a session first");
            return;
        }
        try {
            String done = action.run();
            refreshAll();
            say(done);
        } catch (LogbookException e) {
            say(e.getMessage());
        }
    }

    private void withScan(ScanWrite action) {
        if (selectedScan.isEmpty()) {
            say("Select a scan in the overview first");
            return;
        }
        ScanRow scan = selectedScan.get();
        write(() -> action.run(scan));
    }

    private ScheduledFuture<?> schedule() {
        try {
            return timer.scheduleWithFixedDelay(() -> context.asyncExec(() -> {
                if (!scans.isDisposed() && !sessionId.isEmpty()) {
                    try {
                        refreshScans();
                    } catch (LogbookException e) {
                        say(e.getMessage());
                    }
                }
            }), LogbookView.REFRESH_SECONDS, LogbookView.REFRESH_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return null; // the view component is deactivating; the workbench closes this view next
        }
    }

    private void close() {
        if (refresh != null) {
            refresh.cancel(false);
        }
        if (uploads != null) {
            uploads.dispose();
        }
        if (thumbnails != null) {
            thumbnails.dispose();
        }
    }

    private Viewer viewer(String user) {
        try {
            return user.isEmpty() ? Viewer.anonymous() : directory.viewer(user);
        } catch (CatalogException e) {
            return Viewer.anonymous();
        }
    }

    /** The sessions of the user's proposals, to choose from; any other session id can be typed. */
    private List<String> sessionsOf(Viewer who) {
        List<String> ids = new ArrayList<>();
        try {
            for (String proposal : new TreeSet<>(who.proposals())) {
                Optional<Proposal> known = directory.proposal(proposal);
                if (known.isPresent()) {
                    directory.sessions(proposal).stream().map(Session::id).forEach(ids::add);
                }
            }
        } catch (CatalogException e) {
            // the list is a convenience; a session id can still be typed
        }
        return ids;
    }

    private void say(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            status.getParent().layout(new Control[] {status});
        }
    }

    private static Composite row(Composite parent, int columns) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new GridLayout(columns, false));
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return row;
    }

    private static Composite column(Composite parent, int columns) {
        Composite column = new Composite(parent, SWT.NONE);
        column.setLayout(new GridLayout(columns, false));
        return column;
    }

    private static GridData span(int columns, boolean grab) {
        return new GridData(SWT.FILL, grab ? SWT.FILL : SWT.CENTER, true, grab, columns, 1);
    }

    private Table table(Composite pane, String testId, String[] headers, int[] widths) {
        Table table = new Table(pane, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        GridData data = span(((GridLayout) pane.getLayout()).numColumns, false);
        data.heightHint = 90;
        table.setLayoutData(data);
        context.setTestId(table, testId);
        return table;
    }

    private Button button(Composite bar, String text, String testId, Runnable action) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        context.setTestId(button, testId);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }
}
