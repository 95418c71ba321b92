package org.datastamp.ui.catalog;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.doi.api.DoiMinting;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The DOI workflow in the workbench: a scientist asks for a DOI for their datasets with a form the catalogue fills
 * in; curators approve or reject. Present while the minting service runs.
 */
@Component(service = WorkbenchView.class)
public class DoiRequestsView implements WorkbenchView {

    @Reference
    private DoiMinting minting;

    @Reference
    private FacilityDirectory directory;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datastamp-ui-dois");
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
        return "dois";
    }

    @Override
    public String title() {
        return "DOIs";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new DoiRequestsPanel(parent, context, minting, directory, new SessionTasks(executor)).build();
    }
}
