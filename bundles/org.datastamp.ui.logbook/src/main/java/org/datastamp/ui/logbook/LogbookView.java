package org.datastamp.ui.logbook;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.logbook.api.Logbook;
import org.datastamp.logbook.api.ScanThumbnails;
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
 * The "Logbook" view: a session's scans overview (filled as scans are acquired), notes in Markdown with images and
 * their history, comments, ratings and tags per scan. Everything is read and written with the session user's viewer,
 * so the logbook's access rule decides what appears and who may write. The view exists while a logbook and the
 * facility directory (who the user is) do.
 */
@Component(service = WorkbenchView.class)
public class LogbookView implements WorkbenchView {

    /** How often an open overview looks for new scans. */
    static final long REFRESH_SECONDS = 3;

    @Reference
    private Logbook logbook;

    @Reference
    private FacilityDirectory directory;

    /** Optional: without a visualization bundle drawing thumbnails, the column stays empty. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ScanThumbnails thumbnails;

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datastamp-ui-logbook");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public String id() {
        return "logbook";
    }

    @Override
    public String title() {
        return "Logbook";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new LogbookPanel(parent, context, logbook, directory, timer, () -> Optional.ofNullable(thumbnails))
                .build();
    }
}
