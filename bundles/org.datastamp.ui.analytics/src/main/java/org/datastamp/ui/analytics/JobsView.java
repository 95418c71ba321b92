package org.datastamp.ui.analytics;

import java.util.concurrent.ScheduledExecutorService;

import org.datastamp.analytics.api.AnalysisJobs;
import org.datastamp.catalog.api.FacilityDirectory;
import org.datastamp.ui.api.ViewContext;
import org.datastamp.ui.api.WorkbenchView;
import org.eclipse.swt.widgets.Composite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The "Analysis" view: choose a processing plugin, fill in its parameters and input datasets, submit; the caller's
 * jobs with their progress, refreshed every two seconds, and a cancel button.
 */
@Component(service = WorkbenchView.class)
public class JobsView implements WorkbenchView {

    @Reference
    private AnalysisJobs jobs;

    @Reference
    private FacilityDirectory directory;

    private ScheduledExecutorService executor;

    @Activate
    void activate() {
        executor = AnalyticsViews.executor("datastamp-ui-analysis-jobs");
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Override
    public String id() {
        return "analysis";
    }

    @Override
    public String title() {
        return "Analysis";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void createContents(Composite parent, ViewContext context) {
        new JobsPanel(parent, context, jobs, AnalyticsViews.viewer(directory, context.user()), executor).build();
    }
}
