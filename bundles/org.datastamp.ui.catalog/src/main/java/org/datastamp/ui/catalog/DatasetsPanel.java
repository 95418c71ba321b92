package org.datastamp.ui.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.analytics.api.NotebookSession;
import org.datastamp.analytics.api.NotebookState;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.Facet;
import org.datastamp.catalog.api.FacetValue;
import org.datastamp.catalog.api.QuerySyntaxException;
import org.datastamp.catalog.api.SearchHit;
import org.datastamp.catalog.api.SearchResult;
import org.datastamp.catalog.api.SortField;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.rap.rwt.RWT;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search page of one browser session. Widgets are touched in the UI thread only; services are called on the
 * view's background thread with the viewer of the session's user.
 */
final class DatasetsPanel {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetsPanel.class);

    /** The button runs the simulated detector the platform ships; real detectors get their own scan views. */
    static final String DETECTOR = "simulated-detector";
    static final int MAX_FRAMES = 10_000;
    static final String ROW_CLASS = "datastamp-dataset-row";
    static final String FACET_CLASS = "datastamp-facet-value";

    /** Result columns and the order each sorts by ({@code null}: not sortable). */
    private static final String[] COLUMNS = {"Id", "Title", "Instrument", "Proposal", "Technique", "Start", "Size"};
    private static final SortField[] COLUMN_SORT = {null, SortField.TITLE, SortField.INSTRUMENT, null, null,
        SortField.START_TIME, SortField.SIZE};

    /** The catalogue has no change notification for views yet, so an open page re-runs its search this often. */
    private static final Duration REFRESH = Duration.ofSeconds(3);
    private static final Duration SCAN_POLL = Duration.ofMillis(250);
    private static final Duration NOTEBOOK_POLL = Duration.ofSeconds(1);

    private final Composite parent;
    private final ViewContext context;
    private final CatalogServices services;
    private final SessionTasks tasks;

    private Text query;
    private Label queryError;
    private Label pageLabel;
    private Button previous;
    private Button next;
    private Table results;
    private final Map<String, Table> facets = new LinkedHashMap<>();
    private Text frames;
    private Button start;
    private Label scanStatus;
    private Label detailTitle;
    private Table properties;
    private Table metadata;
    private Table files;
    private Composite inputs;
    private Label access;
    private Button openNotebook;
    private Label notebookStatus;

    private SearchState state = SearchState.initial();
    private SearchResult shown;
    private long total;
    private DatasetId detailId;

    DatasetsPanel(Composite parent, ViewContext context, CatalogServices services, SessionTasks tasks) {
        this.parent = parent;
        this.context = context;
        this.services = services;
        this.tasks = tasks;
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        buildSearchBar();
        buildScanBar();
        SashForm main = new SashForm(parent, SWT.HORIZONTAL);
        main.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        buildFacets(main);
        SashForm right = new SashForm(main, SWT.VERTICAL);
        buildResults(right);
        buildDetail(right);
        right.setWeights(new int[] {45, 55});
        main.setWeights(new int[] {18, 82});
        parent.addDisposeListener(event -> tasks.close());
        search(true);
        tasks.later(REFRESH, this::refreshPeriodically);
    }

    private void buildSearchBar() {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        query = new Text(bar, SWT.BORDER | SWT.SINGLE);
        query.setMessage("e.g. lysozyme instrument:CoSAXS sample_temperature > 300 K");
        query.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(query, "search-query");
        // Enter runs the search; ACTIVE_KEYS makes the client send only Enter, not every key stroke, to the server.
        query.setData(RWT.ACTIVE_KEYS, new String[] {"ENTER"});
        query.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR) {
                newQuery(query.getText());
            }
        });
        Button go = new Button(bar, SWT.PUSH);
        go.setText("Search");
        context.setTestId(go, "search-submit");
        go.addListener(SWT.Selection, event -> newQuery(query.getText()));
        Link help = new Link(bar, SWT.NONE);
        help.setText("Fields: instrument: proposal: technique: sample: keyword: type:, size > 1 GB, start >= 2024-01-01");
        queryError = new Label(bar, SWT.WRAP);
        queryError.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        queryError.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        context.setTestId(queryError, "search-error");
    }

    private void buildScanBar() {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(4, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(bar, SWT.NONE).setText("Frames:");
        frames = new Text(bar, SWT.BORDER | SWT.SINGLE);
        frames.setText("10");
        frames.setLayoutData(new GridData(70, SWT.DEFAULT));
        context.setTestId(frames, "scan-frame-count");
        start = new Button(bar, SWT.PUSH);
        start.setText("Start simulated scan");
        context.setTestId(start, "start-scan");
        start.addListener(SWT.Selection, event -> startScan());
        scanStatus = new Label(bar, SWT.NONE);
        scanStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(scanStatus, "scan-status");
    }

    private void buildFacets(Composite main) {
        Composite column = new Composite(main, SWT.NONE);
        column.setLayout(new GridLayout(1, false));
        context.setTestId(column, "facets");
        for (String name : SearchState.FACETS) {
            Group group = new Group(column, SWT.NONE);
            group.setText(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            group.setLayout(new GridLayout(1, false));
            group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            Table table = Tables.create(group, SWT.SINGLE, true, new String[] {"Value (count)"}, new int[] {180});
            table.setHeaderVisible(false);
            table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            context.setTestId(table, "facet-" + name);
            table.addListener(SWT.Selection, event -> {
                if (event.item != null && event.item.getData() instanceof FacetValue value) {
                    query.setText(QueryTerms.withFilter(query.getText(), name, value.value()));
                    newQuery(query.getText());
                }
            });
            facets.put(name, table);
        }
    }

    private void buildResults(Composite sash) {
        Composite area = new Composite(sash, SWT.NONE);
        area.setLayout(new GridLayout(1, false));
        results = Tables.create(area, SWT.SINGLE, true, COLUMNS, new int[] {250, 300, 110, 100, 100, 190, 90});
        results.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        context.setTestId(results, "datasets-table");
        results.addListener(SWT.Selection, event -> {
            if (event.item != null && event.item.getData() instanceof SearchHit hit) {
                openDetail(hit.id());
            }
        });
        TableColumn[] columns = results.getColumns();
        for (int i = 0; i < columns.length; i++) {
            SortField sort = COLUMN_SORT[i];
            if (sort != null) {
                columns[i].addListener(SWT.Selection, event -> {
                    state = state.sortedBy(sort);
                    search(true);
                });
            }
        }
        Composite paging = new Composite(area, SWT.NONE);
        paging.setLayout(new GridLayout(3, false));
        previous = new Button(paging, SWT.PUSH);
        previous.setText("< Previous");
        context.setTestId(previous, "page-previous");
        previous.addListener(SWT.Selection, event -> {
            state = state.previousPage();
            search(true);
        });
        pageLabel = new Label(paging, SWT.NONE);
        pageLabel.setLayoutData(new GridData(160, SWT.DEFAULT));
        context.setTestId(pageLabel, "datasets-summary");
        next = new Button(paging, SWT.PUSH);
        next.setText("Next >");
        context.setTestId(next, "page-next");
        next.addListener(SWT.Selection, event -> {
            state = state.nextPage(total);
            search(true);
        });
    }

    private void buildDetail(Composite sash) {
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(1, false));
        context.setTestId(detail, "dataset-detail");
        detailTitle = new Label(detail, SWT.WRAP);
        detailTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        detailTitle.setText("Select a dataset to see its metadata and files.");
        context.setTestId(detailTitle, "dataset-detail-title");
        // One row for provenance, download links and the notebook, so the tables below keep their height
        Composite provenance = new Composite(detail, SWT.NONE);
        provenance.setLayout(new GridLayout(5, false));
        provenance.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(provenance, SWT.NONE).setText("Made from:");
        inputs = new Composite(provenance, SWT.NONE);
        inputs.setLayout(new RowLayout(SWT.HORIZONTAL));
        context.setTestId(inputs, "dataset-inputs");
        // RAP renders a markup label's anchors as real links: the browser downloads without a round trip to the server
        access = new Label(provenance, SWT.WRAP);
        access.setData(RWT.MARKUP_ENABLED, Boolean.TRUE);
        access.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(access, "dataset-access");
        openNotebook = new Button(provenance, SWT.PUSH);
        openNotebook.setText("Open in notebook");
        openNotebook.setEnabled(false);
        openNotebook.addListener(SWT.Selection, event -> openNotebook());
        context.setTestId(openNotebook, "open-notebook");
        notebookStatus = new Label(provenance, SWT.WRAP);
        notebookStatus.setData(RWT.MARKUP_ENABLED, Boolean.TRUE);
        notebookStatus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        context.setTestId(notebookStatus, "notebook-status");
        SashForm sections = new SashForm(detail, SWT.HORIZONTAL);
        sections.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        properties = detailTable(sections, "Dataset", new String[] {"Property", "Value"}, new int[] {100, 320},
                false);
        context.setTestId(properties, "dataset-properties");
        metadata = detailTable(sections, "Metadata", new String[] {"Name", "Value", "Unit"}, new int[] {140, 110, 70},
                false);
        context.setTestId(metadata, "dataset-metadata");
        files = detailTable(sections, "Files", new String[] {"Path", "Size", "Checksum"}, new int[] {140, 80, 300},
                true);
        context.setTestId(files, "dataset-files");
        sections.setWeights(new int[] {36, 32, 32});
    }

    /** A titled table in one of the detail pane's sash sections (the sash lays the group out). */
    private static Table detailTable(SashForm parent, String title, String[] headers, int[] widths, boolean markup) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        Table table = Tables.create(group, SWT.SINGLE, markup, headers, widths);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return table;
    }

    private void newQuery(String text) {
        state = state.withQuery(text);
        search(true);
    }

    /**
     * Runs the current search in the background and shows it.
     *
     * @param userAction a person asked for it: errors are shown and the table always redrawn; a periodic refresh
     *                   only redraws when the result changed
     */
    private void search(boolean userAction) {
        SearchState asked = state;
        String user = context.user();
        tasks.run(() -> {
            try {
                Viewer viewer = services.viewer(user);
                SearchResult result = run(asked, viewer);
                context.asyncExec(() -> showResult(asked, result, userAction));
            } catch (QuerySyntaxException e) {
                context.asyncExec(() -> showQueryError(asked, Formats.queryError(e)));
            } catch (CatalogException | RuntimeException e) {
                LOG.warn("Datasets view could not search the catalogue for '{}'", user, e);
                context.asyncExec(() -> showQueryError(asked, "Search failed: " + e.getMessage()));
            }
        });
    }

    /** Searches, or without a search service lists the newest datasets (no query, no facets). */
    private SearchResult run(SearchState asked, Viewer viewer) throws CatalogException {
        DatasetSearch search = services.search().get();
        if (search != null) {
            return search.search(asked.toRequest(), viewer);
        }
        if (!asked.query().isEmpty()) {
            throw new CatalogException("no search service is running (org.datastamp.catalog.search); only the"
                    + " newest datasets can be listed");
        }
        List<SearchHit> hits = services.catalog().list(viewer, asked.offset(), asked.pageSize()).stream()
                .map(DatasetsPanel::hitOf).toList();
        return new SearchResult(services.catalog().count(viewer), hits, List.of());
    }

    private static SearchHit hitOf(Dataset dataset) {
        var content = dataset.content();
        return new SearchHit(dataset.id(), content.title(), content.instrument(), content.proposalId(),
                content.technique(), content.startTime(), dataset.size(), 0f);
    }

    private void refreshPeriodically() {
        search(false);
        tasks.later(REFRESH, this::refreshPeriodically);
    }

    private void showResult(SearchState asked, SearchResult result, boolean userAction) {
        if (!asked.equals(state)) {
            return; // a newer search is on its way
        }
        if (userAction) {
            queryError.setText("");
        }
        if (!userAction && result.equals(shown)) {
            return;
        }
        shown = result;
        total = result.total();
        Tables.fill(results, result.hits().stream().map(DatasetsPanel::row).toList());
        for (int i = 0; i < result.hits().size(); i++) {
            results.getItem(i).setData(result.hits().get(i));
        }
        markSortColumn();
        for (Map.Entry<String, Table> facet : facets.entrySet()) {
            List<FacetValue> values = result.facets().stream().filter(f -> f.name().equals(facet.getKey()))
                    .findFirst().map(Facet::values).orElse(List.of());
            Tables.fill(facet.getValue(), values.stream().map(value -> new String[] {Markup.rowAnchor(FACET_CLASS,
                    "facet-" + facet.getKey() + "-" + value.value(), Formats.facetValue(value))}).toList());
            for (int i = 0; i < values.size(); i++) {
                facet.getValue().getItem(i).setData(values.get(i));
            }
        }
        pageLabel.setText(state.pageLabel(total));
        previous.setEnabled(state.hasPrevious());
        next.setEnabled(state.hasNext(total));
        pageLabel.getParent().layout(true, true);
        reselect();
    }

    private void markSortColumn() {
        for (int i = 0; i < COLUMN_SORT.length; i++) {
            if (COLUMN_SORT[i] == state.sort()) {
                results.setSortColumn(results.getColumn(i));
                results.setSortDirection(state.descending() ? SWT.DOWN : SWT.UP);
                return;
            }
        }
        results.setSortColumn(null);
        results.setSortDirection(SWT.NONE);
    }

    private void reselect() {
        if (detailId == null) {
            return;
        }
        for (int i = 0; i < results.getItemCount(); i++) {
            if (results.getItem(i).getData() instanceof SearchHit hit && hit.id().equals(detailId)) {
                if (results.getSelectionIndex() != i) {
                    results.setSelection(i);
                }
                return;
            }
        }
        results.deselectAll();
    }

    private void showQueryError(SearchState asked, String message) {
        if (asked.equals(state)) {
            queryError.setText(message);
            queryError.getParent().layout(true, true);
        }
    }

    static String[] row(SearchHit hit) {
        String[] cells = Formats.hit(hit);
        String[] row = new String[cells.length + 1];
        row[0] = Markup.rowAnchor(ROW_CLASS, "dataset-row-" + hit.id().value(), hit.id().value());
        for (int i = 0; i < cells.length; i++) {
            row[i + 1] = Markup.escape(cells[i]);
        }
        return row;
    }

    /** Loads a dataset (from the table or a provenance link) with the session's viewer and shows it. */
    private void openDetail(DatasetId id) {
        detailId = id;
        String user = context.user();
        tasks.run(() -> {
            try {
                Optional<DatasetDetail> detail = services.detail(id, services.viewer(user));
                context.asyncExec(() -> showDetail(id, detail));
            } catch (CatalogException | RuntimeException e) {
                LOG.warn("Datasets view could not read {} for '{}'", id, user, e);
                context.asyncExec(() -> detailTitle.setText(id + ": could not be read: " + e.getMessage()));
            }
        });
    }

    private void showDetail(DatasetId id, Optional<DatasetDetail> found) {
        if (!id.equals(detailId)) {
            return;
        }
        reselect();
        for (Control child : inputs.getChildren()) {
            child.dispose();
        }
        if (found.isEmpty()) {
            detailTitle.setText("No dataset " + id + " that you may see.");
            access.setText("");
            offerNotebook(false);
            Tables.fill(properties, List.of());
            Tables.fill(metadata, List.of());
            Tables.fill(files, List.of());
        } else {
            Dataset dataset = found.get().dataset();
            detailTitle.setText(dataset.content().title());
            Tables.fill(properties, Formats.properties(found.get()));
            Tables.fill(metadata, dataset.content().metadata().stream().map(Formats::metadata).toList());
            Tables.fill(files, dataset.content().files().stream().map(f -> Formats.fileWithLink(id, f)).toList());
            access.setText(Formats.accessLinks(found.get()));
            offerNotebook(true);
            for (DatasetId input : dataset.content().inputs()) {
                Link link = new Link(inputs, SWT.NONE);
                link.setText("<a>" + Markup.escape(input.value()) + "</a>");
                link.addListener(SWT.Selection, event -> openDetail(input));
            }
            if (dataset.content().inputs().isEmpty()) {
                new Label(inputs, SWT.NONE).setText(dataset.content().type().name().equals("RAW")
                        ? "nothing (raw data)" : "no recorded inputs");
            }
        }
        detailTitle.getParent().layout(true, true);
    }

    /** The notebook button works where a launcher is configured, for a signed-in user (the hub needs a user). */
    private void offerNotebook(boolean datasetShown) {
        boolean launcher = services.notebooks().get() != null;
        boolean signedIn = !context.user().isEmpty();
        openNotebook.setEnabled(datasetShown && launcher && signedIn);
        notebookStatus.setText(!datasetShown || !launcher ? ""
                : signedIn ? "" : Markup.escape("Sign in to open this dataset in a notebook."));
        openNotebook.getParent().layout(true, true);
    }

    private void openNotebook() {
        DatasetId id = detailId;
        String user = context.user();
        notebookStatus.setText(Markup.escape("Asking the notebook service\u2026"));
        tasks.run(() -> followNotebook(id, user, true));
    }

    /** Opens (first call) or asks the state, shows it while the dataset is shown, and asks again until it settles. */
    private void followNotebook(DatasetId id, String user, boolean open) {
        NotebookLauncher launcher = services.notebooks().get();
        String text;
        boolean settled = true;
        if (launcher == null) {
            text = Markup.escape("The notebook service has stopped.");
        } else {
            try {
                Viewer viewer = services.viewer(user);
                NotebookSession session = open ? launcher.open(id, viewer) : launcher.status(id, viewer);
                text = Formats.notebook(session);
                settled = session.state() == NotebookState.READY || session.state() == NotebookState.FAILED;
            } catch (AnalysisException | CatalogException | RuntimeException e) {
                LOG.warn("Datasets view could not open {} in a notebook for '{}'", id, user, e);
                text = Markup.escape("Could not open a notebook: " + e.getMessage());
            }
        }
        String shown = text;
        context.asyncExec(() -> {
            if (id.equals(detailId)) {
                notebookStatus.setText(shown);
                notebookStatus.getParent().layout(true, true);
            }
        });
        if (!settled) {
            tasks.later(NOTEBOOK_POLL, () -> followNotebook(id, user, false));
        }
    }

    private void startScan() {
        int frameCount;
        try {
            frameCount = Formats.frameCount(frames.getText(), MAX_FRAMES);
        } catch (IllegalArgumentException e) {
            showScanStatus(e.getMessage());
            return;
        }
        ScanService service = services.scans().get();
        if (service == null) {
            showScanStatus("No scan service is running; check that bundle org.datastamp.acquisition.scan is active");
            return;
        }
        try {
            // The same rule as POST /api/v1/scans: a scan writes and catalogues data
            Viewer viewer = services.viewer(context.user());
            if (viewer.username().isEmpty() || (!viewer.seesEverything() && viewer.staffOf().isEmpty())) {
                showScanStatus("Starting a scan needs beamline staff, a curator or an admin: sign in first");
                return;
            }
        } catch (CatalogException e) {
            showScanStatus("Could not check who may start scans: " + e.getMessage());
            return;
        }
        ScanRequest request = new ScanRequest(DETECTOR, frameCount,
                "Simulated scan " + Formats.time(Instant.now()), "");
        try {
            ScanStatus status = service.start(request);
            LOG.info("Workbench started {} ({} frames on {})", status.id(), frameCount, DETECTOR);
            showScanStatus(Formats.scan(status));
            start.setEnabled(false);
            tasks.later(SCAN_POLL, () -> follow(service, status.id()));
        } catch (ScanException e) {
            showScanStatus("Scan not started: " + e.getMessage());
        }
    }

    /** Polls the scan until it ends; then re-enables the button, searches again and opens the new dataset. */
    private void follow(ScanService service, ScanId id) {
        Optional<ScanStatus> status;
        try {
            status = service.status(id);
        } catch (RuntimeException e) {
            // e.g. the scan service's bundle was stopped while we were following one of its scans
            LOG.warn("Workbench lost track of {}", id, e);
            context.asyncExec(() -> {
                showScanStatus(id + ": lost track of the scan: " + e.getMessage());
                start.setEnabled(true);
            });
            return;
        }
        if (status.isEmpty()) {
            context.asyncExec(() -> {
                showScanStatus(id + ": the scan service no longer knows this scan");
                start.setEnabled(true);
            });
            return;
        }
        context.asyncExec(() -> showScanStatus(Formats.scan(status.get())));
        if (Formats.finished(status.get())) {
            context.asyncExec(() -> {
                start.setEnabled(true);
                search(true);
                status.get().dataset().ifPresent(this::openDetail);
            });
        } else {
            tasks.later(SCAN_POLL, () -> follow(service, id));
        }
    }

    private void showScanStatus(String text) {
        scanStatus.setText(text);
        scanStatus.getParent().layout(true, true);
    }
}
