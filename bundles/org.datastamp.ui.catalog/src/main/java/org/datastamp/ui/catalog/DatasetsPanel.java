package org.datastamp.ui.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.datastamp.acquisition.api.ScanException;
import org.datastamp.acquisition.api.ScanId;
import org.datastamp.acquisition.api.ScanRequest;
import org.datastamp.acquisition.api.ScanService;
import org.datastamp.acquisition.api.ScanStatus;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.Dataset;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The datasets view of one browser session. Widgets are touched in the UI thread only. */
final class DatasetsPanel {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetsPanel.class);

    /** The button runs the simulated detector the platform ships; real detectors get their own scan views. */
    static final String DETECTOR = "simulated-detector";
    static final int MAX_FRAMES = 10_000;
    static final int ROWS = 200;
    static final String ROW_CLASS = "datastamp-dataset-row";

    /** The catalogue API has no change notification yet, so open views look for new datasets this often. */
    private static final Duration REFRESH = Duration.ofSeconds(3);
    private static final Duration SCAN_POLL = Duration.ofMillis(250);

    private final Composite parent;
    private final ViewContext context;
    private final Catalog catalog;
    private final Supplier<ScanService> scans;
    private final SessionTasks tasks;

    private Label summary;
    private Table datasets;
    private Text frames;
    private Button start;
    private Label scanStatus;
    private Label detailTitle;
    private Table properties;
    private Table metadata;
    private Table files;
    private List<Dataset> shown = List.of();
    private long shownTotal = -1;

    DatasetsPanel(Composite parent, ViewContext context, Catalog catalog, Supplier<ScanService> scans,
            SessionTasks tasks) {
        this.parent = parent;
        this.context = context;
        this.catalog = catalog;
        this.scans = scans;
        this.tasks = tasks;
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        buildScanBar();
        // The list above, the detail below: three detail tables side by side use a wide screen's width, and the
        // browser only renders a table's visible rows.
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        buildList(sash);
        buildDetail(sash);
        sash.setWeights(new int[] {40, 60});
        parent.addDisposeListener(event -> tasks.close());
        load(null);
        tasks.later(REFRESH, this::refreshPeriodically);
    }

    private void buildScanBar() {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new GridLayout(5, false));
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
        summary = new Label(bar, SWT.NONE);
        context.setTestId(summary, "datasets-summary");
    }

    private void buildList(Composite sash) {
        datasets = Tables.create(sash, SWT.SINGLE, true,
                new String[] {"Id", "Title", "Sample", "Recorded", "Files", "Size"},
                new int[] {320, 360, 160, 190, 60, 100});
        context.setTestId(datasets, "datasets-table");
        datasets.addListener(SWT.Selection, event -> showDetail(selected()));
    }

    private void buildDetail(Composite sash) {
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(1, false));
        context.setTestId(detail, "dataset-detail");
        detailTitle = new Label(detail, SWT.WRAP);
        detailTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        detailTitle.setText("Select a dataset to see its metadata and files.");
        context.setTestId(detailTitle, "dataset-detail-title");
        SashForm sections = new SashForm(detail, SWT.HORIZONTAL);
        sections.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        properties = detailTable(sections, "Dataset", new String[] {"Property", "Value"}, new int[] {90, 300});
        context.setTestId(properties, "dataset-properties");
        metadata = detailTable(sections, "Metadata", new String[] {"Name", "Value", "Unit"}, new int[] {170, 200, 60});
        context.setTestId(metadata, "dataset-metadata");
        files = detailTable(sections, "Files", new String[] {"Path", "Size", "Checksum"}, new int[] {140, 80, 300});
        context.setTestId(files, "dataset-files");
        sections.setWeights(new int[] {30, 38, 32});
    }

    /** A titled table in one of the detail pane's sash sections (the sash lays the group out). */
    private static Table detailTable(SashForm parent, String title, String[] headers, int[] widths) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        Table table = Tables.create(group, SWT.SINGLE, false, headers, widths);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return table;
    }

    /** Reads the catalogue in the background and shows the result; then selects {@code select} if given. */
    private void load(DatasetId select) {
        tasks.run(() -> {
            try {
                long total = catalog.count();
                List<Dataset> page = catalog.list(0, ROWS);
                context.asyncExec(() -> showDatasets(total, page, select));
            } catch (CatalogException | RuntimeException e) {
                LOG.warn("Datasets view could not read catalogue '{}'", catalog.capabilityId(), e);
                context.asyncExec(() -> summary.setText("Catalogue unavailable: " + e.getMessage()));
            }
        });
    }

    private void refreshPeriodically() {
        load(null);
        tasks.later(REFRESH, this::refreshPeriodically);
    }

    private void showDatasets(long total, List<Dataset> page, DatasetId select) {
        Optional<DatasetId> keep = select != null ? Optional.of(select) : selected().map(Dataset::id);
        if (total != shownTotal || !page.equals(shown)) {
            shown = page;
            shownTotal = total;
            Tables.fill(datasets, page.stream().map(DatasetsPanel::row).toList());
            for (int i = 0; i < page.size(); i++) {
                datasets.getItem(i).setData(page.get(i));
            }
            summary.setText(total > page.size() ? "Newest " + page.size() + " of " + total + " datasets"
                    : total + " datasets");
            summary.getParent().layout(true, true);
        }
        if (keep.isPresent()) {
            int index = indexOf(keep.get());
            if (index >= 0 && index != datasets.getSelectionIndex()) {
                datasets.setSelection(index);
            }
        }
        showDetail(selected());
    }

    static String[] row(Dataset dataset) {
        return new String[] {
            Markup.rowAnchor(ROW_CLASS, "dataset-row-" + dataset.id().value(), dataset.id().value()),
            Markup.escape(dataset.content().title()),
            Markup.escape(dataset.content().sampleName()),
            Markup.escape(Formats.time(dataset.created())),
            Integer.toString(dataset.content().files().size()),
            Markup.escape(Formats.size(dataset.size()))};
    }

    private int indexOf(DatasetId id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private Optional<Dataset> selected() {
        TableItem[] selection = datasets.getSelection();
        return selection.length == 0 ? Optional.empty() : Optional.ofNullable((Dataset) selection[0].getData());
    }

    private void showDetail(Optional<Dataset> dataset) {
        if (dataset.isEmpty()) {
            return;
        }
        Dataset shownDataset = dataset.get();
        if (Objects.equals(properties.getData(), shownDataset.id())) {
            return;
        }
        properties.setData(shownDataset.id());
        detailTitle.setText(shownDataset.content().title());
        Tables.fill(properties, Formats.properties(shownDataset));
        Tables.fill(metadata, shownDataset.content().metadata().stream().map(Formats::metadata).toList());
        Tables.fill(files, shownDataset.content().files().stream().map(Formats::file).toList());
        detailTitle.getParent().layout(true, true);
    }

    private void startScan() {
        int frameCount;
        try {
            frameCount = Formats.frameCount(frames.getText(), MAX_FRAMES);
        } catch (IllegalArgumentException e) {
            showScanStatus(e.getMessage());
            return;
        }
        ScanService service = scans.get();
        if (service == null) {
            showScanStatus("No scan service is running; check that bundle org.datastamp.acquisition.scan is active");
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

    /** Polls the scan until it ends; then re-enables the button and refreshes the list, selecting the new dataset. */
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
            context.asyncExec(() -> start.setEnabled(true));
            load(status.get().dataset().orElse(null));
        } else {
            tasks.later(SCAN_POLL, () -> follow(service, id));
        }
    }

    private void showScanStatus(String text) {
        scanStatus.setText(text);
        scanStatus.getParent().layout(true, true);
    }
}
