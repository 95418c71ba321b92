package org.datastamp.ui.visualization;

import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.acquisition.api.LiveFrames;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.datastamp.visualization.api.ArrayRenderer;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The live view tab: the newest frame of a detector during an acquisition, about five times a second. Present while
 * the scan service's live tap runs; who may watch is decided with the facility directory.
 */
@Component(service = WorkbenchView.class)
public class LiveView implements WorkbenchView {

    @Reference
    private LiveFrames live;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ArrayRenderer renderer;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = ViewerComponents.executor("datastamp-ui-live");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public String id() {
        return "live";
    }

    @Override
    public String title() {
        return "Live";
    }

    @Override
    public int order() {
        return 26;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        ViewerServices services = new ViewerServices(null, () -> directory, () -> null, () -> renderer, () -> null,
                () -> live);
        new LivePanel(parent, context, services, new Latest(executor), executor).build();
    }
}
