package org.datastamp.ui.workbench;

import java.util.Map;

import org.datastamp.security.api.Authenticator;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.rap.rwt.application.Application;
import org.eclipse.rap.rwt.application.ApplicationConfiguration;
import org.eclipse.rap.rwt.client.WebClient;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The RAP application of the workbench. RAP's {@code org.eclipse.rap.rwt.osgi} bundle tracks
 * {@link ApplicationConfiguration} services and starts each on every {@code HttpService} (Felix HTTP in the
 * Equinox product, Pax Web in Karaf). Without a {@code contextName} service property the entry point sits at the
 * server root, {@code /workbench}; the properties {@code httpService.target} (on this service) and
 * {@code applicationConfiguration.target} (on an HttpService) would pair them selectively.
 */
@Component(service = ApplicationConfiguration.class)
public class WorkbenchApplication implements ApplicationConfiguration {

    /** Path of the workbench page. */
    static final String ENTRY_POINT = "/workbench";

    private final ViewBook views = new ViewBook();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeView")
    void addView(WorkbenchView view) {
        views.add(view);
    }

    void removeView(WorkbenchView view) {
        views.remove(view);
    }

    @Override
    public void configure(Application application) {
        application.addEntryPoint(ENTRY_POINT, () -> new WorkbenchEntryPoint(views, () -> authenticator),
                Map.of(WebClient.PAGE_TITLE, "DataSTaMP"));
        // files the views offer (ViewContext.download), served within the browser session that asked for them
        application.addServiceHandler(DownloadHandler.ID, new DownloadHandler());
    }
}
