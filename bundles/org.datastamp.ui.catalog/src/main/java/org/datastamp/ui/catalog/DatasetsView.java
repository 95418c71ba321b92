package org.datastamp.ui.catalog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.acquisition.api.ScanService;
import org.datastamp.catalog.api.Catalog;
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
 * The catalogue's datasets, newest first, with a detail pane, and a button that runs a simulated scan. The view
 * exists while a catalogue does; the scan service is optional (the button then says it is missing). Catalogue
 * reads run on this component's own thread, never in a browser session's UI thread.
 */
@Component(service = WorkbenchView.class)
public class DatasetsView implements WorkbenchView {

    @Reference
    private Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanService scans;

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
        new DatasetsPanel(parent, context, catalog, () -> scans, new SessionTasks(executor)).build();
    }
}
