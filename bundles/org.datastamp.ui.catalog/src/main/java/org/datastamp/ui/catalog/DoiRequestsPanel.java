package org.datastamp.ui.catalog;

import java.util.ArrayList;
import java.util.List;

import org.datastamp.catalog.api.CatalogException;
import org.datastamp.catalog.api.DatasetId;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.doi.api.DoiMetadata;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.doi.api.MintRequest;
import org.datastamp.doi.api.MintingException;
import org.datastamp.ui.api.ViewContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;

/**
 * The DOI page of one browser session: the request form and the table of requests (the user's own; all of them for
 * curators, with approve and reject). Widgets are touched in the UI thread only; the workflow is called on the
 * view's background thread with the session user's viewer.
 */
final class DoiRequestsPanel {

    static final String ROW_CLASS = "datastamp-doi-request-row";
    private static final String[] COLUMNS = {"Request", "State", "DOI", "Title", "Requester", "Note"};

    private final Composite parent;
    private final ViewContext context;
    private final DoiMinting minting;
    private final FacilityDirectory directory;
    private final SessionTasks tasks;

    private Text datasets;
    private Text title;
    private Text creators;
    private Text description;
    private Text keywords;
    private Text year;
    private Button request;
    private Label status;
    private Table requests;
    private Text reason;
    private final List<MintRequest> shown = new ArrayList<>();
    /** The metadata last proposed by the catalogue; the form's texts are applied to it. */
    private volatile DoiMetadata proposed;

    DoiRequestsPanel(Composite parent, ViewContext context, DoiMinting minting, FacilityDirectory directory,
            SessionTasks tasks) {
        this.parent = parent;
        this.context = context;
        this.minting = minting;
        this.directory = directory;
        this.tasks = tasks;
    }

    void build() {
        parent.setLayout(new GridLayout(1, false));
        parent.addDisposeListener(event -> tasks.close());
        if (context.user().isEmpty()) {
            new Label(parent, SWT.WRAP).setText("Sign in to ask for a DOI for your datasets.");
            return;
        }
        buildForm();
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(status, "doi-status");
        buildRequests();
        refresh();
    }

    private void buildForm() {
        Group form = new Group(parent, SWT.NONE);
        form.setText("Ask for a DOI");
        form.setLayout(new GridLayout(3, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        datasets = field(form, "Datasets", "dataset ids, comma separated", SWT.SINGLE, "doi-datasets");
        Button prefill = new Button(form, SWT.PUSH);
        prefill.setText("Fill in from the catalogue");
        context.setTestId(prefill, "doi-prefill");
        prefill.addListener(SWT.Selection, event -> prefill());
        title = field(form, "Title", "", SWT.SINGLE, "doi-title");
        new Label(form, SWT.NONE);
        creators = field(form, "Creators", "Family, Given | ORCID | Affiliation | ROR, one per line",
                SWT.MULTI | SWT.V_SCROLL, "doi-creators");
        ((GridData) creators.getLayoutData()).heightHint = 70;
        new Label(form, SWT.NONE);
        description = field(form, "Description", "", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL, "doi-description");
        ((GridData) description.getLayoutData()).heightHint = 60;
        new Label(form, SWT.NONE);
        keywords = field(form, "Keywords", "comma separated", SWT.SINGLE, "doi-keywords");
        new Label(form, SWT.NONE);
        year = field(form, "Year", "", SWT.SINGLE, "doi-year");
        request = new Button(form, SWT.PUSH);
        request.setText("Request DOI");
        request.setEnabled(false);
        context.setTestId(request, "doi-request");
        request.addListener(SWT.Selection, event -> submit());
    }

    private Text field(Composite form, String label, String hint, int style, String testId) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | style);
        text.setMessage(hint);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        context.setTestId(text, testId);
        return text;
    }

    private void buildRequests() {
        requests = Tables.create(parent, SWT.SINGLE, true, COLUMNS, new int[] {110, 100, 220, 280, 90, 300});
        requests.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        context.setTestId(requests, "doi-requests");
        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayout(new GridLayout(5, false));
        Button refresh = new Button(actions, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, event -> refresh());
        Button approve = new Button(actions, SWT.PUSH);
        approve.setText("Approve and register");
        context.setTestId(approve, "doi-approve");
        approve.addListener(SWT.Selection, event -> decide(true));
        Button reject = new Button(actions, SWT.PUSH);
        reject.setText("Reject");
        context.setTestId(reject, "doi-reject");
        reject.addListener(SWT.Selection, event -> decide(false));
        new Label(actions, SWT.NONE).setText("Reason:");
        reason = new Text(actions, SWT.BORDER | SWT.SINGLE);
        reason.setLayoutData(new GridData(300, SWT.DEFAULT));
        context.setTestId(reason, "doi-reason");
    }

    private void prefill() {
        String ids = datasets.getText();
        String user = context.user();
        say("Reading the catalogue...");
        tasks.run(() -> {
            try {
                List<DatasetId> selected = DoiForm.datasetIds(ids);
                DoiMetadata m = minting.proposeMetadata(selected, viewer(user));
                proposed = m;
                DoiForm form = DoiForm.of(selected, m);
                context.asyncExec(() -> {
                    title.setText(form.title());
                    creators.setText(form.creators());
                    description.setText(form.description());
                    keywords.setText(form.keywords());
                    year.setText(form.year());
                    request.setEnabled(true);
                    say("Check the form, then request the DOI. A curator approves it.");
                });
            } catch (MintingException | CatalogException | IllegalArgumentException e) {
                context.asyncExec(() -> say(e.getMessage()));
            }
        });
    }

    private void submit() {
        DoiForm form = new DoiForm(datasets.getText(), title.getText(), creators.getText(), description.getText(),
                keywords.getText(), year.getText());
        String user = context.user();
        DoiMetadata base = proposed;
        tasks.run(() -> {
            try {
                MintRequest r = minting.request(DoiForm.datasetIds(form.datasets()), form.apply(base), viewer(user));
                context.asyncExec(() -> say("Requested as " + r.id() + "; a curator will approve it."));
                refresh();
            } catch (MintingException | CatalogException | IllegalArgumentException e) {
                context.asyncExec(() -> say(e.getMessage()));
            }
        });
    }

    private void decide(boolean approve) {
        int index = requests.getSelectionIndex();
        if (index < 0 || index >= shown.size()) {
            say("Select a request first.");
            return;
        }
        String id = shown.get(index).id();
        String why = reason.getText();
        String user = context.user();
        say(approve ? "Registering the DOI..." : "Rejecting...");
        tasks.run(() -> {
            try {
                MintRequest r = approve ? minting.approve(id, viewer(user)) : minting.reject(id, why, viewer(user));
                context.asyncExec(() -> say(r.id() + " is " + r.state() + (r.doi().isEmpty() ? "" : ": " + r.doi())));
                refresh();
            } catch (MintingException | CatalogException e) {
                context.asyncExec(() -> say(e.getMessage()));
                refresh();
            }
        });
    }

    private void refresh() {
        String user = context.user();
        tasks.run(() -> {
            try {
                List<MintRequest> list = minting.requests(viewer(user), 0, 500);
                context.asyncExec(() -> show(list));
            } catch (MintingException | CatalogException e) {
                context.asyncExec(() -> say(e.getMessage()));
            }
        });
    }

    private void show(List<MintRequest> list) {
        shown.clear();
        shown.addAll(list);
        List<String[]> rows = new ArrayList<>();
        for (MintRequest r : list) {
            String[] cells = Tables.escaped(r.id(), r.state().name(), r.doi(), r.metadata().title(), r.requester(),
                    r.note());
            cells[0] = Markup.rowAnchor(ROW_CLASS, "doi-request-" + r.id(), r.id());
            rows.add(cells);
        }
        Tables.fill(requests, rows);
    }

    private Viewer viewer(String user) throws CatalogException {
        return directory.viewer(user);
    }

    private void say(String message) {
        if (!status.isDisposed()) {
            status.setText(message);
            status.getParent().layout(true);
        }
    }
}
