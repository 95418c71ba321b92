package org.datastamp.ui.storage;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.catalog.api.Viewer;
import org.datastamp.storage.api.CapacityPlanning;
import org.datastamp.storage.api.FixityService;
import org.datastamp.storage.api.StorageLifecycle;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Storage" view for curators and admins (as the REST storage admin endpoints): tiers with capacity bars, the
 * lifecycle policies with progress bars, recall requests with state and ETA, recent audit results and the planning
 * report with its chart. Each open page re-reads the services every {@value #REFRESH_SECONDS} s on the component's
 * thread, and on demand.
 */
@Component(service = WorkbenchView.class)
public class StorageView implements WorkbenchView {

    static final int REFRESH_SECONDS = 15;

    private static final Logger LOG = LoggerFactory.getLogger(StorageView.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FacilityDirectory directory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageLifecycle lifecycle;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CapacityPlanning planning;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile FixityService fixity;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "datastamp-ui-storage");
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
        return "storage";
    }

    @Override
    public String title() {
        return "Storage";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        String refusal = refusal(context.user());
        if (refusal != null) {
            StoragePanel.refuse(parent, context, refusal);
            return;
        }
        Clock clock = Clock.systemUTC();
        AtomicReference<StoragePanel> panel = new AtomicReference<>();
        Runnable readAndShow = () -> {
            StorageSnapshot snapshot = panel.get().read();
            context.asyncExec(() -> panel.get().show(snapshot));
        };
        panel.set(new StoragePanel(parent, context,
                () -> StorageSnapshot.read(clock.instant(), planning, lifecycle, fixity),
                () -> submit(readAndShow)));
        panel.get().build();
        ScheduledFuture<?> periodic;
        try {
            periodic = executor.scheduleWithFixedDelay(() -> run(readAndShow), REFRESH_SECONDS, REFRESH_SECONDS,
                    TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            return; // deactivating: the workbench closes this view next
        }
        parent.addDisposeListener(event -> periodic.cancel(false));
    }

    /** Why {@code user} may not see the view, or {@code null} if they may. */
    private String refusal(String user) {
        if (user.isEmpty()) {
            return "The storage view is for curators and admins: sign in as one.";
        }
        FacilityDirectory current = directory;
        if (current == null) {
            return "The storage view needs the catalogue's directory of users (org.datastamp.catalog.jdbc) to check"
                    + " who may see it; it is not running.";
        }
        try {
            Viewer viewer = current.viewer(user);
            return viewer.seesEverything() ? null
                    : "The storage view is for curators and admins; '" + user + "' is neither.";
        } catch (Exception e) {
            return "Could not check whether '" + user + "' may see the storage view: " + e.getMessage();
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            // deactivating: the workbench closes this view next
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // one failed read must not end the periodic refresh; the next one tries again
            LOG.error("Storage view: reading the storage services failed: {}", e.toString(), e);
        }
    }
}
