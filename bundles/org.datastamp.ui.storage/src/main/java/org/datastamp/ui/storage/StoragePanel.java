package org.datastamp.ui.storage;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.datastamp.storage.api.AuditEvent;
import org.datastamp.storage.api.PlanningReport;
import org.datastamp.storage.api.PolicyStatus;
import org.datastamp.storage.api.RecallRequest;
import org.datastamp.storage.api.RecallStatus;
import org.datastamp.storage.api.TierPlan;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** One browser session's Storage view: sections rebuilt from each {@link StorageSnapshot}. */
final class StoragePanel {

    private final Composite parent;
    private final ViewContext context;
    private final Supplier<StorageSnapshot> reader;
    private final Runnable refresh;

    private ScrolledComposite scroll;
    private Composite content;
    private Label status;
    private Composite tiers;
    private Composite policies;
    private Table recalls;
    private Table audits;
    private Label planningSummary;
    private PlanningChart chart;

    /**
     * @param refresh asks for a new snapshot (read off the UI thread, then shown through {@link #show})
     */
    StoragePanel(Composite parent, ViewContext context, Supplier<StorageSnapshot> reader, Runnable refresh) {
        this.parent = parent;
        this.context = context;
        this.reader = reader;
        this.refresh = refresh;
    }

    /** The message shown instead of the view to whoever may not see it. */
    static void refuse(Composite parent, ViewContext context, String why) {
        parent.setLayout(new GridLayout(1, false));
        Label label = new Label(parent, SWT.WRAP);
        label.setText(why);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        context.setTestId(label, "storage-refused");
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(2, false));
        scroll.setContent(content);

        status = new Label(content, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText("Reading the storage services...");
        context.setTestId(status, "storage-status");
        Button button = new Button(content, SWT.PUSH);
        button.setText("Refresh");
        context.setTestId(button, "storage-refresh");
        button.addListener(SWT.Selection, e -> refresh.run());

        tiers = section("Tiers", "storage-tiers", 5);
        Group planningGroup = group("Planning: growth, cost and the preservation period the budget affords");
        planningSummary = new Label(planningGroup, SWT.WRAP);
        planningSummary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        context.setTestId(planningSummary, "storage-planning");
        chart = new PlanningChart(planningGroup);
        GridData chartData = new GridData(SWT.FILL, SWT.TOP, true, false);
        chartData.heightHint = 240;
        chart.control().setLayoutData(chartData);
        context.setTestId(chart.control(), "storage-chart");
        policies = section("Lifecycle policies (share of datasets settled)", "storage-policies", 3);
        Group recallGroup = group("Recall requests");
        recalls = table(recallGroup, "storage-recalls", new String[] {"Ticket", "Requester", "Requested (UTC)",
                "State", "Online", "ETA", "Message"}, new int[] {120, 100, 130, 80, 90, 110, 360});
        Group auditGroup = group("Recent fixity audit results");
        audits = table(auditGroup, "storage-audits", new String[] {"Time (UTC)", "Object", "Tier", "Outcome",
                "Detail"}, new int[] {130, 260, 100, 90, 420});
        relayout();
        refresh.run();
    }

    /** Reads a snapshot now, on the calling thread: for background threads only. */
    StorageSnapshot read() {
        return reader.get();
    }

    /** Shows a snapshot; call in the UI thread. */
    void show(StorageSnapshot s) {
        if (content.isDisposed()) {
            return;
        }
        status.setText("As of " + StorageFormat.time(s.taken()) + " UTC"
                + (s.problems().isEmpty() ? "" : ". " + String.join(". ", s.problems())));
        showTiers(s.planning().map(PlanningReport::tiers).orElse(List.of()));
        showPolicies(s.policies());
        showRecalls(s.recalls(), s.taken());
        showAudits(s.audits());
        s.planning().ifPresentOrElse(this::showPlanning, () -> {
            planningSummary.setText("No planning report");
            chart.show(null);
        });
        relayout();
    }

    private void showTiers(List<TierPlan> plans) {
        clear(tiers);
        if (plans.isEmpty()) {
            span(new Label(tiers, SWT.NONE), 5).setText("No tiers known");
        }
        for (TierPlan t : plans) {
            new Label(tiers, SWT.NONE).setText(t.id());
            new Label(tiers, SWT.NONE).setText(t.tier() == null ? "(not running)" : t.tier().name());
            ProgressBar bar = bar(tiers, StorageFormat.usedPercent(t));
            context.setTestId(bar, StorageFormat.testId("storage-tier", t.id()));
            Label capacity = new Label(tiers, SWT.NONE);
            capacity.setText(StorageFormat.capacity(t));
            context.setTestId(capacity, StorageFormat.testId("storage-tier-capacity", t.id()));
            Label held = new Label(tiers, SWT.WRAP);
            held.setText("holds " + StorageFormat.bytes(t.heldBytes()) + " in " + t.datasets()
                    + " datasets; grows " + StorageFormat.bytes(t.growthBytesPerYear()) + "/year"
                    + (t.fullAt() == null ? "" : "; full about " + StorageFormat.DAY.format(t.fullAt()))
                    + (t.note().isEmpty() ? "" : "; " + t.note()));
            held.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
    }

    private void showPolicies(List<PolicyStatus> list) {
        clear(policies);
        if (list.isEmpty()) {
            span(new Label(policies, SWT.NONE), 3).setText("No lifecycle policies configured");
        }
        for (PolicyStatus p : list) {
            new Label(policies, SWT.NONE).setText(p.name());
            ProgressBar bar = bar(policies, StorageFormat.policyProgress(p));
            context.setTestId(bar, StorageFormat.testId("storage-policy", p.name()));
            Label line = new Label(policies, SWT.WRAP);
            line.setText(StorageFormat.policyLine(p));
            line.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        }
    }

    private void showRecalls(List<RecallRequest> list, Instant now) {
        recalls.removeAll();
        for (RecallRequest r : list) {
            RecallStatus s = r.status();
            new TableItem(recalls, SWT.NONE).setText(new String[] {s.ticket().id(), r.requester(),
                    StorageFormat.time(r.requested()), s.state().name(),
                    s.keysDone() + " of " + s.keysTotal() + " (" + StorageFormat.recallProgress(s) + " %)",
                    StorageFormat.eta(s.eta(), now), s.message()});
        }
    }

    private void showAudits(List<AuditEvent> list) {
        audits.removeAll();
        for (AuditEvent e : list) {
            new TableItem(audits, SWT.NONE).setText(new String[] {StorageFormat.time(e.time()), e.key(),
                    e.backendId(), e.outcome().name(), e.detail()});
        }
    }

    private void showPlanning(PlanningReport r) {
        planningSummary.setText("Growth " + StorageFormat.bytes(r.bytesPerYear()) + "/year; "
                + StorageFormat.bytes(r.catalogueBytes()) + " in the catalogue with a verified copy, "
                + String.format(java.util.Locale.ROOT, "%.2f", r.copiesPerByte()) + " copies per byte. Cost now "
                + StorageFormat.money(r.costPerYear(), r.currency()) + "/year, budget "
                + StorageFormat.money(r.budgetPerYear(), r.currency()) + "/year: the budget affords "
                + r.preservation() + ".");
        chart.show(r);
    }

    private Composite section(String title, String testId, int columns) {
        Group group = group(title);
        Composite rows = new Composite(group, SWT.NONE);
        rows.setLayout(new GridLayout(columns, false));
        rows.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        context.setTestId(rows, testId);
        return rows;
    }

    private Group group(String title) {
        Group group = new Group(content, SWT.NONE);
        group.setText(title);
        group.setLayout(new GridLayout(1, false));
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return group;
    }

    private Table table(Composite owner, String testId, String[] headers, int[] widths) {
        Table table = new Table(owner, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.heightHint = 160;
        table.setLayoutData(data);
        context.setTestId(table, testId);
        return table;
    }

    private static ProgressBar bar(Composite owner, int percent) {
        ProgressBar bar = new ProgressBar(owner, SWT.HORIZONTAL);
        bar.setMinimum(0);
        bar.setMaximum(100);
        bar.setSelection(Math.max(0, Math.min(100, percent)));
        bar.setLayoutData(new GridData(200, SWT.DEFAULT));
        return bar;
    }

    private static Label span(Label label, int columns) {
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1));
        return label;
    }

    private static void clear(Composite rows) {
        for (Control child : rows.getChildren()) {
            child.dispose();
        }
    }

    private void relayout() {
        content.layout(true, true);
        // only a minimum height: the content takes the visible width and long lines wrap, no sideways scrolling
        int width = scroll.getClientArea().width;
        scroll.setMinHeight(content.computeSize(width > 0 ? width : SWT.DEFAULT, SWT.DEFAULT).y);
    }
}
