package org.datastamp.ui.visualization;

import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.Catalog;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.datastamp.visualization.api.ArrayRenderer;
import org.datastamp.visualization.api.DataFileReader;
import org.datastamp.visualization.api.DatasetFileLocator;
import org.eclipse.rap.rwt.RWT;
import org.eclipse.rap.rwt.client.service.StartupParameters;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The data viewer tab: a catalogued dataset's HDF5/NeXus file as a tree, images, line plots and a histogram. The
 * workbench URL may name what to open: {@code /workbench?dataset=<id>&file=<path>} (the catalogue's dataset page
 * links there). Present while a catalogue runs; reader, renderer and locator are optional (the page says what is
 * missing).
 */
@Component(service = WorkbenchView.class)
public class DataViewerView implements WorkbenchView {

    @Reference
    private Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataFileReader reader;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ArrayRenderer renderer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DatasetFileLocator locator;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = ViewerComponents.executor("datastamp-ui-viewer");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public String id() {
        return "viewer";
    }

    @Override
    public String title() {
        return "Data viewer";
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        ViewerServices services = new ViewerServices(catalog, () -> directory, () -> reader, () -> renderer,
                () -> locator, () -> (LiveFrames) null);
        StartupParameters startup = RWT.getClient().getService(StartupParameters.class);
        String dataset = startup == null || startup.getParameter("dataset") == null ? ""
                : startup.getParameter("dataset");
        String file = startup == null || startup.getParameter("file") == null ? "" : startup.getParameter("file");
        new FilePanel(parent, context, services, new Latest(executor), executor).build(dataset, file);
    }
}
