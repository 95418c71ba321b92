package org.datastamp.ui.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.datastamp.analytics.api.AnalysisException;
import org.datastamp.analytics.api.AnalysisJob;
import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.analytics.api.ParameterKind;
import org.datastamp.analytics.api.ParameterSpec;
import org.datastamp.analytics.api.PluginDescription;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/** One browser session's jobs view. */
final class JobsPanel {

    private static final long REFRESH_SECONDS = 2;

    private final Composite parent;
    private final ViewContext context;
    private final AnalysisJobs jobs;
    private final Viewer viewer;
    private final ScheduledExecutorService executor;
    private final Map<String, Supplier<String>> values = new LinkedHashMap<>();

    private List<PluginDescription> plugins = List.of();
    private List<AnalysisJob> shown = List.of();
    private Combo plugin;
    private Label description;
    private Composite form;
    private Text inputs;
    private Text title;
    private Label status;
    private Table table;
    private ScheduledFuture<?> refresh;

    JobsPanel(Composite parent, ViewContext context, AnalysisJobs jobs, Viewer viewer,
            ScheduledExecutorService executor) {
        this.parent = parent;
        this.context = context;
        this.jobs = jobs;
        this.viewer = viewer;
        this.executor = executor;
    }

    void build() {
        parent.setLayout(new GridLayout(4, false));
        if (viewer.username().isEmpty()) {
            new Label(parent, SWT.WRAP).setText("Sign in to run analyses and follow your jobs.");
            return;
        }
        new Label(parent, SWT.NONE).setText("Plugin");
        plugin = new Combo(parent, SWT.READ_ONLY);
        plugin.setLayoutData(new GridData(240, SWT.DEFAULT));
        context.setTestId(plugin, "analysis-plugin");
        plugin.addListener(SWT.Selection, e -> showForm());
        description = new Label(parent, SWT.WRAP);
        description.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        form = new Composite(parent, SWT.NONE);
        form.setLayoutData(span());
        form.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText("Input datasets");
        inputs = new Text(parent, SWT.BORDER);
        inputs.setMessage("dataset ids, separated by commas");
        inputs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        context.setTestId(inputs, "analysis-inputs");
        new Label(parent, SWT.NONE).setText("Title");
        title = new Text(parent, SWT.BORDER);
        title.setMessage("optional: the plugin chooses one");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        context.setTestId(title, "analysis-title");
        Button submit = new Button(parent, SWT.PUSH);
        submit.setText("Submit");
        context.setTestId(submit, "analysis-submit");
        submit.addListener(SWT.Selection, e -> submit());
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(span());
        context.setTestId(status, "analysis-status");
        table = AnalyticsViews.table(parent, new String[] {"Job", "Plugin", "State", "Progress", "Message",
            "Submitted (UTC)", "Output"}, new int[] {150, 200, 90, 70, 320, 140, 160});
        GridData tableData = span();
        tableData.grabExcessVerticalSpace = true;
        tableData.verticalAlignment = SWT.FILL;
        table.setLayoutData(tableData);
        context.setTestId(table, "analysis-jobs");
        Button cancel = new Button(parent, SWT.PUSH);
        cancel.setText("Cancel job");
        context.setTestId(cancel, "analysis-cancel");
        cancel.addListener(SWT.Selection, e -> cancel());
        loadPlugins();
        startRefreshing();
        parent.addListener(SWT.Dispose, e -> {
            if (refresh != null) {
                refresh.cancel(false);
            }
        });
    }

    private void loadPlugins() {
        plugins = jobs.plugins();
        plugin.setItems(plugins.stream().map(p -> p.title() + " (" + p.id() + " " + p.version() + ")")
                .toArray(String[]::new));
        if (plugins.isEmpty()) {
            say("No analysis plugin is installed");
            return;
        }
        plugin.select(0);
        showForm();
    }

    /** One row per parameter: its label and a field of its kind, holding the default. */
    private void showForm() {
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        values.clear();
        PluginDescription p = selectedPlugin();
        if (p == null) {
            return;
        }
        description.setText(p.description());
        for (ParameterSpec spec : p.parameters()) {
            Label label = new Label(form, SWT.NONE);
            label.setText(JobForm.label(spec));
            label.setToolTipText(spec.description());
            String testId = "analysis-parameter-" + spec.name().toLowerCase().replaceAll("[^a-z0-9]+", "-");
            if (spec.kind() == ParameterKind.CHOICE) {
                Combo choice = new Combo(form, SWT.READ_ONLY);
                choice.setItems(spec.choices().toArray(String[]::new));
                choice.select(Math.max(0, spec.choices().indexOf(spec.defaultValue())));
                context.setTestId(choice, testId);
                values.put(spec.name(), choice::getText);
            } else if (spec.kind() == ParameterKind.BOOLEAN) {
                Button check = new Button(form, SWT.CHECK);
                check.setSelection(Boolean.parseBoolean(spec.defaultValue()));
                context.setTestId(check, testId);
                values.put(spec.name(), () -> String.valueOf(check.getSelection()));
            } else {
                Text text = new Text(form, SWT.BORDER);
                text.setText(spec.defaultValue());
                text.setToolTipText(spec.description());
                text.setLayoutData(new GridData(160, SWT.DEFAULT));
                context.setTestId(text, testId);
                values.put(spec.name(), text::getText);
            }
        }
        parent.layout(true, true);
    }

    private PluginDescription selectedPlugin() {
        int i = plugin.getSelectionIndex();
        return i < 0 || i >= plugins.size() ? null : plugins.get(i);
    }

    private void submit() {
        PluginDescription p = selectedPlugin();
        if (p == null) {
            say("Choose a plugin");
            return;
        }
        Map<String, String> given = new LinkedHashMap<>();
        values.forEach((name, value) -> given.put(name, value.get()));
        try {
            AnalysisJob job = jobs.submit(JobForm.request(p, given, inputs.getText(), title.getText()), viewer);
            say("Job " + job.id() + " queued");
            refreshNow();
        } catch (IllegalArgumentException | AnalysisException e) {
            say(e.getMessage());
        }
    }

    private void cancel() {
        int i = table.getSelectionIndex();
        if (i < 0 || i >= shown.size()) {
            say("Select a job first");
            return;
        }
        try {
            AnalysisJob job = jobs.cancel(shown.get(i).id(), viewer);
            say("Job " + job.id() + ": " + job.state() + (job.message().isEmpty() ? "" : ", " + job.message()));
            refreshNow();
        } catch (AnalysisException e) {
            say(e.getMessage());
        }
    }

    private void startRefreshing() {
        try {
            refresh = executor.scheduleWithFixedDelay(this::fetch, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // The view component is going away; the workbench closes this view next.
        }
    }

    private void refreshNow() {
        try {
            executor.execute(this::fetch);
        } catch (RejectedExecutionException e) {
            // As above.
        }
    }

    /** On the executor: reads the jobs and shows them in the UI thread. */
    private void fetch() {
        try {
            List<AnalysisJob> list = jobs.jobs(viewer, 0, 100);
            context.asyncExec(() -> show(list));
        } catch (AnalysisException | RuntimeException e) {
            context.asyncExec(() -> say("Could not read the jobs: " + e.getMessage()));
        }
    }

    private void show(List<AnalysisJob> list) {
        if (table.isDisposed()) {
            return;
        }
        String selected = table.getSelectionIndex() >= 0 && table.getSelectionIndex() < shown.size()
                ? shown.get(table.getSelectionIndex()).id() : "";
        shown = list;
        table.setItemCount(list.size());
        for (int i = 0; i < list.size(); i++) {
            table.getItem(i).setText(JobForm.cells(list.get(i)));
            if (list.get(i).id().equals(selected)) {
                table.setSelection(i);
            }
        }
    }

    private GridData span() {
        return new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
    }

    private void say(String text) {
        if (!status.isDisposed()) {
            status.setText(text);
            parent.layout(new Control[] {status});
        }
    }
}
