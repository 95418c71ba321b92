package org.datastamp.ui.logbook;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Instrument;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.useroffice.api.Shipment;
import org.datastamp.useroffice.api.ShipmentStatus;
import org.datastamp.useroffice.api.UserOffice;
import org.datastamp.useroffice.api.UserOfficeException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/** One browser session's mail-in queue; only the selected shipment's next statuses can be pressed. */
final class ShipmentsPanel {

    private final Composite parent;
    private final ViewContext context;
    private final UserOffice userOffice;
    private final FacilityDirectory directory;
    private final Map<ShipmentStatus, Button> transitions = new EnumMap<>(ShipmentStatus.class);

    private Viewer viewer = Viewer.anonymous();
    private List<Shipment> queue = List.of();
    private Optional<Shipment> selected = Optional.empty();
    private Combo instrument;
    private Table table;
    private Text note;
    private Label status;

    ShipmentsPanel(Composite parent, ViewContext context, UserOffice userOffice, FacilityDirectory directory) {
        this.parent = parent;
        this.context = context;
        this.userOffice = userOffice;
        this.directory = directory;
    }

    void build() {
        try {
            viewer = context.user().isEmpty() ? Viewer.anonymous() : directory.viewer(context.user());
        } catch (CatalogException e) {
            viewer = Viewer.anonymous();
        }
        parent.setLayout(new GridLayout(ShipmentStatus.values().length + 2, false));
        new Label(parent, SWT.NONE).setText("Instrument");
        instrument = new Combo(parent, SWT.DROP_DOWN);
        instrument.setItems(instruments().toArray(String[]::new));
        instrument.setLayoutData(new GridData(160, SWT.DEFAULT));
        context.setTestId(instrument, "mail-in-instrument");
        Button show = new Button(parent, SWT.PUSH);
        show.setText("Show queue");
        context.setTestId(show, "mail-in-show");
        show.addListener(SWT.Selection, e -> load());
        new Label(parent, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false,
                ShipmentStatus.values().length - 1, 1));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(span());
        context.setTestId(status, "mail-in-status");
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] headers = {"Shipment", "Proposal", "Status", "Since (UTC)", "Tracking", "Samples", "Last note"};
        int[] widths = {110, 90, 90, 140, 140, 200, 220};
        for (int i = 0; i < headers.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(headers[i]);
            column.setWidth(widths[i]);
        }
        GridData tableData = span();
        tableData.grabExcessVerticalSpace = true;
        tableData.verticalAlignment = SWT.FILL;
        table.setLayoutData(tableData);
        context.setTestId(table, "mail-in-queue");
        table.addListener(SWT.Selection, e -> select(table.getSelectionIndex()));
        new Label(parent, SWT.NONE).setText("Note");
        note = new Text(parent, SWT.BORDER);
        note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, ShipmentStatus.values().length + 1, 1));
        context.setTestId(note, "mail-in-note");
        new Label(parent, SWT.NONE).setText("Mark as");
        for (ShipmentStatus to : ShipmentStatus.values()) {
            if (to == ShipmentStatus.CREATED) {
                continue;
            }
            Button button = new Button(parent, SWT.PUSH);
            button.setText(to.name().charAt(0) + to.name().substring(1).toLowerCase());
            button.setEnabled(false);
            context.setTestId(button, "mail-in-to-" + to.name().toLowerCase());
            button.addListener(SWT.Selection, e -> advance(to));
            transitions.put(to, button);
        }
        if (instrument.getItemCount() > 0) {
            instrument.select(0);
            load();
        }
    }

    private List<String> instruments() {
        TreeSet<String> ids = new TreeSet<>(viewer.staffOf());
        if (viewer.seesEverything()) {
            try {
                directory.instruments().stream().map(Instrument::id).forEach(ids::add);
            } catch (CatalogException e) {
                say("Could not list the instruments: " + e.getMessage() + "; type one");
            }
        }
        return List.copyOf(ids);
    }

    private void load() {
        String id = instrument.getText().strip();
        if (id.isEmpty()) {
            say("Choose or type an instrument");
            return;
        }
        try {
            queue = userOffice.queue(id, viewer);
            table.setItemCount(queue.size());
            for (int i = 0; i < queue.size(); i++) {
                Shipment s = queue.get(i);
                var last = s.history().get(s.history().size() - 1);
                table.getItem(i).setText(new String[] {s.id(), s.proposalId(), s.status().name(),
                        ScanCells.TIME.format(last.time()), s.tracking(), String.join(", ", s.sampleIds()),
                        last.note()});
            }
            String kept = selected.map(Shipment::id).orElse("");
            selected = queue.stream().filter(s -> s.id().equals(kept)).findFirst();
            selected.ifPresent(s -> table.setSelection(queue.indexOf(s)));
            enableTransitions();
            say(queue.size() + " open shipment" + (queue.size() == 1 ? "" : "s") + " for " + id);
        } catch (UserOfficeException e) {
            say(e.getMessage());
        }
    }

    private void select(int index) {
        selected = index < 0 || index >= queue.size() ? Optional.empty() : Optional.of(queue.get(index));
        enableTransitions();
        selected.ifPresent(s -> say("Shipment " + s.id() + " is " + s.status() + (s.status().next().isEmpty()
                ? "; that is final" : "; it can be marked " + String.join(" or ", s.status().next().stream()
                        .map(Enum::name).sorted().toList()) + " next")));
    }

    private void enableTransitions() {
        transitions.forEach((to, button) -> button.setEnabled(selected.map(s -> s.status().next().contains(to))
                .orElse(false)));
    }

    private void advance(ShipmentStatus to) {
        if (selected.isEmpty()) {
            say("Select a shipment first");
            return;
        }
        try {
            Shipment moved = userOffice.advance(selected.get().id(), to, note.getText().strip(), viewer);
            note.setText("");
            load();
            say("Shipment " + moved.id() + " is now " + moved.status());
        } catch (UserOfficeException e) {
            // the queue may be out of date (someone else moved the shipment): show it as it is now, with the reason
            load();
            say(e.getMessage());
        }
    }

    private GridData span() {
        return new GridData(SWT.FILL, SWT.CENTER, true, false, ShipmentStatus.values().length + 2, 1);
    }

    private void say(String text) {
        status.setText(text);
        parent.layout(new org.eclipse.swt.widgets.Control[] {status});
    }
}
