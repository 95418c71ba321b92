package org.datastamp.ui.metadata;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.controls.api.ControlVariable;
import org.datastamp.metadata.api.ConfigurationRevision;
import org.datastamp.metadata.api.ConfiguredVariable;
import org.datastamp.metadata.api.MetadataConfiguration;
import org.datastamp.metadata.api.MetadataConfigurationException;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.metadata.MetadataServices.OfferedVariable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * One browser session's metadata view. The table is a working copy: rows are edited in the form below it, added
 * from the variable browser or removed, and nothing is stored until Save (with a message) makes a revision.
 */
final class MetadataConfigurationPanel {

    private static final String[] FIELDS = {"group", "name", "device", "attribute", "units", "min", "max", "order"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Composite parent;
    private final ViewContext context;
    private final MetadataServices services;
    private final List<ConfiguredVariable> rows = new ArrayList<>();
    private List<ConfigurationRevision> revisions = List.of();
    private List<OfferedVariable> offered = List.of();
    private String instrument = "";

    private Table instruments;
    private Combo definition;
    private Table rowTable;
    private final Text[] fields = new Text[FIELDS.length];
    private Button enabled;
    private Table offeredTable;
    private Text message;
    private Label status;
    private Table history;
    private Text diff;

    MetadataConfigurationPanel(Composite parent, ViewContext context, MetadataServices services) {
        this.parent = parent;
        this.context = context;
        this.services = services;
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(status, "metadata-status");
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        buildInstruments(sash);
        buildEditor(column(sash));
        buildSide(column(sash));
        sash.setWeights(new int[] {12, 55, 33});
        loadInstruments();
    }

    private static Composite column(Composite parent) {
        Composite column = new Composite(parent, SWT.NONE);
        column.setLayout(new GridLayout(4, false));
        return column;
    }

    private void buildInstruments(Composite sash) {
        instruments = table(sash, "metadata-instruments", new String[] {"Instrument"}, new int[] {140});
        instruments.addListener(SWT.Selection, e -> select(instruments.getSelectionIndex()));
    }

    private void buildEditor(Composite column) {
        new Label(column, SWT.NONE).setText("Definition");
        definition = new Combo(column, SWT.DROP_DOWN);
        definition.setItems(services.definitions().toArray(String[]::new));
        definition.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        context.setTestId(definition, "metadata-definition");
        rowTable = table(column, "metadata-rows", new String[] {"Group", "Name", "Device", "Attribute", "Units", "Min",
                "Max", "Order", "Enabled"}, new int[] {100, 150, 160, 100, 60, 60, 60, 50, 60});
        rowTable.setLayoutData(span(4, true));
        rowTable.addListener(SWT.Selection, e -> showRow(rowTable.getSelectionIndex()));
        for (int i = 0; i < FIELDS.length; i++) {
            new Label(column, SWT.NONE).setText(FIELDS[i]);
            fields[i] = new Text(column, SWT.BORDER);
            fields[i].setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            context.setTestId(fields[i], "metadata-field-" + FIELDS[i]);
        }
        enabled = new Button(column, SWT.CHECK);
        enabled.setText("recorded with every scan");
        enabled.setSelection(true);
        enabled.setLayoutData(span(4, false));
        context.setTestId(enabled, "metadata-field-enabled");
        Composite buttons = new Composite(column, SWT.NONE);
        buttons.setLayout(new GridLayout(3, false));
        buttons.setLayoutData(span(4, false));
        button(buttons, "Apply to selected row", "metadata-apply-row", this::applyRow);
        button(buttons, "Add as new row", "metadata-add-row", this::addRow);
        button(buttons, "Remove selected row", "metadata-remove-row", this::removeRow);
        new Label(column, SWT.NONE).setText("Commit message");
        message = new Text(column, SWT.BORDER);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        context.setTestId(message, "metadata-message");
        button(column, "Save", "metadata-save", this::save);
    }

    private void buildSide(Composite column) {
        label(column, "Variables offered by the control systems");
        offeredTable = table(column, "metadata-offered", new String[] {"Control system", "Group", "Name", "Device",
                "Attribute", "Unit"}, new int[] {120, 90, 130, 150, 90, 50});
        offeredTable.setLayoutData(span(4, true));
        button(column, "Add selected variable", "metadata-add-offered", this::addOffered);
        button(column, "Pull shared configurations", "metadata-pull", this::pull);
        label(column, "History");
        history = table(column, "metadata-history", new String[] {"Time", "Author", "Message", "Revision"},
                new int[] {150, 80, 220, 80});
        history.setLayoutData(span(4, true));
        button(column, "Diff with current", "metadata-diff", this::showDiff);
        button(column, "Restore", "metadata-restore", this::restore);
        diff = new Text(column, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        diff.setLayoutData(span(4, true));
        context.setTestId(diff, "metadata-diff-text");
    }

    private void loadInstruments() {
        try {
            List<String> ids = services.instruments();
            Tables.fill(instruments, ids.stream().map(id -> new String[] {id}).toList());
            offered = services.offered();
            Tables.fill(offeredTable, offered.stream().map(o -> new String[] {o.connector(), o.variable().group(),
                    o.variable().name(), o.variable().device(), o.variable().attribute(), o.variable().unit()})
                    .toList());
            if (ids.isEmpty()) {
                show("No instruments yet: add one to the facility directory (PUT /api/v1/instruments/{id})");
            } else {
                instruments.select(0);
                select(0);
            }
        } catch (MetadataConfigurationException | CatalogException e) {
            show("Could not list the instruments: " + e.getMessage());
        }
    }

    private void select(int index) {
        if (index < 0) {
            return;
        }
        instrument = instruments.getItem(index).getText(0);
        try {
            MetadataConfiguration current = services.configurations().current(instrument);
            rows.clear();
            rows.addAll(current.variables());
            definition.setText(current.definition());
            showRows();
            loadHistory();
            diff.setText("");
            show("Metadata configuration of " + instrument + ": " + rows.size() + " variables");
        } catch (MetadataConfigurationException e) {
            rows.clear();
            showRows();
            show("The configuration of " + instrument + " cannot be read: " + e.getMessage());
        }
    }

    private void loadHistory() throws MetadataConfigurationException {
        revisions = services.configurations().history(instrument);
        Tables.fill(history, revisions.stream().map(r -> new String[] {TIME.format(r.time()), r.author(),
                r.message(), r.id().substring(0, 8)}).toList());
    }

    private void showRows() {
        Tables.fill(rowTable, rows.stream().map(r -> RowForm.of(r).cells()).toList());
    }

    private void showRow(int index) {
        if (index < 0) {
            return;
        }
        RowForm form = RowForm.of(rows.get(index));
        String[] values = {form.group(), form.name(), form.device(), form.attribute(), form.units(), form.min(),
                form.max(), form.order()};
        for (int i = 0; i < fields.length; i++) {
            fields[i].setText(values[i]);
        }
        enabled.setSelection(form.enabled());
    }

    private Optional<ConfiguredVariable> formRow() {
        RowForm.Result result = new RowForm(fields[0].getText(), fields[1].getText(), fields[2].getText(),
                fields[3].getText(), fields[4].getText(), fields[5].getText(), fields[6].getText(),
                fields[7].getText(), enabled.getSelection()).parse();
        if (!result.problems().isEmpty()) {
            show("The row is not valid: " + String.join("; ", result.problems()));
            return Optional.empty();
        }
        return Optional.of(result.row());
    }

    private void applyRow() {
        int index = rowTable.getSelectionIndex();
        if (index < 0) {
            show("Select a row to change first");
            return;
        }
        formRow().ifPresent(row -> replace(index, row, "Changed"));
    }

    private void addRow() {
        formRow().ifPresent(row -> replace(-1, row, "Added"));
    }

    private void replace(int index, ConfiguredVariable row, String what) {
        for (int i = 0; i < rows.size(); i++) {
            if (i != index && rows.get(i).variable().name().equals(row.variable().name())) {
                show("Another row already records '" + row.variable().name() + "'");
                return;
            }
        }
        if (index < 0) {
            rows.add(row);
        } else {
            rows.set(index, row);
        }
        showRows();
        rowTable.select(index < 0 ? rows.size() - 1 : index);
        show(what + " '" + row.variable().name() + "'; Save to make it a revision");
    }

    private void removeRow() {
        int index = rowTable.getSelectionIndex();
        if (index < 0) {
            show("Select a row to remove first");
            return;
        }
        ConfiguredVariable removed = rows.remove(index);
        showRows();
        show("Removed '" + removed.variable().name() + "'; Save to make it a revision");
    }

    private void addOffered() {
        int index = offeredTable.getSelectionIndex();
        if (index < 0) {
            show("Select a variable in the control systems' list first");
            return;
        }
        int order = rows.stream().mapToInt(r -> r.variable().order()).max().orElse(0) + 1;
        ControlVariable v = offered.get(index).variable();
        replace(-1, new ConfiguredVariable(new ControlVariable(v.group(), v.name(),
                v.device(), v.attribute(), v.unit(), v.minimum(), v.maximum(), order), true), "Added");
    }

    private boolean mayChange() {
        try {
            Optional<String> refusal = EditRights.refusal(services.viewer(context.user()), instrument);
            refusal.ifPresent(this::show);
            return refusal.isEmpty();
        } catch (CatalogException e) {
            show("Could not check who may change the configuration: " + e.getMessage());
            return false;
        }
    }

    private void save() {
        if (instrument.isEmpty() || !mayChange()) {
            return;
        }
        if (message.getText().isBlank()) {
            show("Say why in the commit message before saving");
            return;
        }
        try {
            List<ConfiguredVariable> ordered = new ArrayList<>(rows);
            ordered.sort(Comparator.comparingInt(r -> r.variable().order()));
            ConfigurationRevision revision = services.configurations().save(new MetadataConfiguration(instrument,
                    definition.getText().strip(), ordered), context.user(), message.getText().strip());
            message.setText("");
            select(instruments.getSelectionIndex());
            show("Saved revision " + revision.id().substring(0, 8) + " of " + instrument);
        } catch (MetadataConfigurationException | IllegalArgumentException e) {
            show("Not saved: " + e.getMessage());
        }
    }

    private Optional<ConfigurationRevision> selectedRevision() {
        int index = history.getSelectionIndex();
        if (index < 0) {
            show("Select a revision in the history first");
            return Optional.empty();
        }
        return Optional.of(revisions.get(index));
    }

    private void showDiff() {
        selectedRevision().ifPresent(revision -> {
            try {
                String text = services.configurations().diff(instrument, revision.id(), revisions.get(0).id());
                diff.setText(text.isEmpty() ? "(no difference: this is the current configuration)" : text);
            } catch (MetadataConfigurationException e) {
                show("No diff: " + e.getMessage());
            }
        });
    }

    private void restore() {
        Optional<ConfigurationRevision> revision = selectedRevision();
        if (revision.isEmpty() || !mayChange()) {
            return;
        }
        try {
            ConfigurationRevision restored = services.configurations().restore(instrument, revision.get().id(),
                    context.user());
            select(instruments.getSelectionIndex());
            show("Restored " + revision.get().id().substring(0, 8) + " as revision " + restored.id().substring(0, 8));
        } catch (MetadataConfigurationException e) {
            show("Not restored: " + e.getMessage());
        }
    }

    private void pull() {
        if (!mayChange()) {
            return;
        }
        try {
            List<String> changed = services.configurations().pull();
            loadInstruments();
            show(changed.isEmpty() ? "Pulled: nothing new" : "Pulled: changed " + String.join(", ", changed));
        } catch (MetadataConfigurationException e) {
            show("Not pulled: " + e.getMessage());
        }
    }

    private void show(String text) {
        status.setText(text);
        parent.layout(true, true);
    }

    private Table table(Composite parent, String testId, String[] headers, int[] widths) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        context.setTestId(table, testId);
        return table;
    }

    private Button button(Composite parent, String text, String testId, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        context.setTestId(button, testId);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private static void label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setLayoutData(span(4, false));
    }

    private static GridData span(int columns, boolean grab) {
        return new GridData(SWT.FILL, grab ? SWT.FILL : SWT.CENTER, true, grab, columns, 1);
    }

    /** Refilling tables, reusing items so the browser gets only the changed cells. */
    static final class Tables {
        private Tables() {
        }

        static void fill(Table table, List<String[]> rows) {
            table.setItemCount(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                TableItem item = table.getItem(i);
                String[] row = rows.get(i);
                for (int column = 0; column < row.length; column++) {
                    if (!row[column].equals(item.getText(column))) {
                        item.setText(column, row[column]);
                    }
                }
            }
        }
    }
}
