package org.datastamp.ui.catalog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.analytics.api.NotebookLauncher;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.DatasetSearch;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The catalogue's search page: a query box, facets, a sortable, paged result table and a dataset pane, plus a
 * button that runs a simulated scan, and "Open in notebook" where a notebook launcher (JupyterHub) is configured. Everything is read with the session user's viewer, so the access rule decides
 * what appears. The view exists while a catalogue does; search, directory and scan service are optional (the page
 * says what is missing). Catalogue reads run on this component's own thread, never in a session's UI thread.
 */
@Component(service = WorkbenchView.class)
public class DatasetsView implements WorkbenchView {

    @Reference
    private Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DatasetSearch search;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanService scans;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile NotebookLauncher notebooks;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datastamp-ui-datasets");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public String id() {
        return "datasets";
    }

    @Override
    public String title() {
        return "Datasets";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        CatalogServices services = new CatalogServices(catalog, () -> search, () -> directory, () -> scans,
                () -> notebooks);
        new DatasetsPanel(parent, context, services, new SessionTasks(executor)).build();
    }
}
